import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AGENCY_TYPE_CODES,
  type AgencyType,
  AgencyChangesSchema,
  AgencyFieldsSchema,
} from '../core/agency-input.js';
import {
  createAgency,
  getAgency,
  importAgenciesCsv,
  listVisibleAgencies,
  updateAgency,
  type Agency,
} from '../services/agency.service.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { requireActor, requireCsrf, sendProblem } from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import {
  IdParams,
  ProblemSchema,
  problemWith,
  typed,
} from '../../../platform/http/typed-routes.js';

/** The signed-in person (requireActor ran before). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('requireActor must run before this handler');
  return request.actor;
}

const AgencyJsonSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  type: z.enum(AGENCY_TYPE_CODES),
  nameTh: z.string(),
  nameEn: z.string(),
  website: z.string().nullable(),
  eligibleStaff: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const CreateAgencyBodySchema = AgencyFieldsSchema.extend({
  parentId: z.string().max(100).nullable().optional(),
}).strict();

const ImportBodySchema = z
  .object({ csv: z.string().max(2_000_000), parentId: z.string().max(100).nullable().optional() })
  .strict();
const ImportQuerySchema = z.object({ dryRun: z.enum(['true', 'false']).optional() });

const ImportPreviewSchema = z.object({
  valid: z.boolean(),
  created: z.number().int(),
  fileErrors: z.array(z.object({ th: z.string(), en: z.string() })),
  rows: z.array(
    z.object({
      line: z.number().int(),
      code: z.string(),
      parentCode: z.string().nullable(),
      nameTh: z.string().nullable(),
      action: z.enum(['create', 'error']),
      errors: z.array(
        z.object({ field: z.string(), message: z.object({ th: z.string(), en: z.string() }) }),
      ),
    }),
  ),
});

/**
 * What the API shows of an agency (the path of ancestor ids stays inside). Its type was checked
 * against the codes when stored; the response schema checks it again on the way out.
 */
function presentAgency({ path: _path, ...agency }: Agency) {
  return { ...agency, type: agency.type as AgencyType };
}

const AgencyOneSchema = z.object({ agency: AgencyJsonSchema });
const tags = ['agencies'];

/** The JSON API of agencies under /api/v1/agencies. */
export function registerAgencyApi(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  const read = { preValidation: requireActor };
  const change = { preValidation: [requireActor, requireCsrf] };

  api.get(
    '/api/v1/agencies',
    {
      ...read,
      schema: {
        operationId: 'listAgencies',
        summary: 'Agencies the signed-in user may see',
        tags,
        response: { 200: z.object({ agencies: z.array(AgencyJsonSchema) }) },
      },
    },
    async (request) => {
      const agencies = await listVisibleAgencies(ctx, actorOf(request));
      return { agencies: agencies.map(presentAgency) };
    },
  );

  api.post(
    '/api/v1/agencies',
    {
      ...change,
      schema: {
        operationId: 'createAgency',
        summary: 'Create an agency (parentId null: top level, system administrators only)',
        tags,
        body: CreateAgencyBodySchema,
        response: { 201: AgencyOneSchema, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { parentId, ...input } = request.body;
      const agency = await createAgency(ctx, actorOf(request), {
        parentId: parentId ?? null,
        ...input,
      });
      return reply.status(201).send({ agency: presentAgency(agency) });
    },
  );

  api.get(
    '/api/v1/agencies/:id',
    {
      ...read,
      schema: {
        operationId: 'getAgency',
        summary: 'One agency',
        tags,
        params: IdParams,
        response: { 200: AgencyOneSchema, 404: ProblemSchema },
      },
    },
    async (request) => ({
      agency: presentAgency(await getAgency(ctx, actorOf(request), request.params.id)),
    }),
  );

  api.patch(
    '/api/v1/agencies/:id',
    {
      ...change,
      schema: {
        operationId: 'updateAgency',
        summary: 'Change fields of an agency',
        tags,
        params: IdParams,
        body: AgencyChangesSchema,
        response: { 200: AgencyOneSchema, 404: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => ({
      agency: presentAgency(
        await updateAgency(ctx, actorOf(request), request.params.id, request.body),
      ),
    }),
  );

  api.post(
    '/api/v1/agencies/import',
    {
      ...change,
      schema: {
        operationId: 'importAgencies',
        summary: 'Check (dryRun=true, the default) or import agencies from CSV, all or nothing',
        tags,
        querystring: ImportQuerySchema,
        body: ImportBodySchema,
        response: {
          200: ImportPreviewSchema,
          // input refused, or an import (dryRun=false) of a file with errors: refused whole,
          // with the checked rows
          400: problemWith(ImportPreviewSchema.partial().shape),
          404: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { csv, parentId } = request.body;
      const dryRun = request.query.dryRun !== 'false';
      const preview = await importAgenciesCsv(ctx, actorOf(request), csv, {
        dryRun,
        parentId: parentId ?? null,
      });
      if (!dryRun && !preview.valid) {
        const message = m(
          'ไฟล์มีข้อผิดพลาด ยังไม่ได้นำเข้าหน่วยงานใด',
          'The file has errors; nothing was imported',
        );
        return sendProblem(reply, 400, message, { code: 'import_invalid', ...preview });
      }
      return preview;
    },
  );
}
