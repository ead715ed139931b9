import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AGENCY_TYPE_CODES,
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
import { describeApi } from '../../../platform/http/openapi.js';
import { idOf } from '../../../platform/http/route-kit.js';

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

/** What the API shows of an agency (the path of ancestor ids stays inside). */
function presentAgency({ path: _path, ...agency }: Agency) {
  return agency;
}

function describeAgencyApi(): void {
  const tag = 'agencies';
  const one = z.object({ agency: AgencyJsonSchema });
  describeApi({
    method: 'get',
    path: '/api/v1/agencies',
    summary: 'Agencies the signed-in user may see',
    tag,
    response: z.object({ agencies: z.array(AgencyJsonSchema) }),
  });
  describeApi({
    method: 'post',
    path: '/api/v1/agencies',
    summary: 'Create an agency (parentId null: top level, system administrators only)',
    tag,
    body: CreateAgencyBodySchema,
    response: one,
  });
  describeApi({
    method: 'get',
    path: '/api/v1/agencies/:id',
    summary: 'One agency',
    tag,
    response: one,
  });
  describeApi({
    method: 'patch',
    path: '/api/v1/agencies/:id',
    summary: 'Change fields of an agency',
    tag,
    body: AgencyChangesSchema,
    response: one,
  });
  describeApi({
    method: 'post',
    path: '/api/v1/agencies/import',
    summary: 'Check (dryRun=true, the default) or import agencies from CSV, all or nothing',
    tag,
    query: ImportQuerySchema,
    body: ImportBodySchema,
    response: ImportPreviewSchema,
  });
}

/** The JSON API of agencies under /api/v1/agencies. */
export function registerAgencyApi(app: FastifyInstance, ctx: ServiceContext): void {
  describeAgencyApi();
  const read = { preHandler: requireActor };
  const change = { preHandler: [requireActor, requireCsrf] };

  app.get('/api/v1/agencies', read, async (request) => {
    const agencies = await listVisibleAgencies(ctx, actorOf(request));
    return { agencies: agencies.map(presentAgency) };
  });

  app.post('/api/v1/agencies', change, async (request, reply) => {
    const { parentId, ...input } = CreateAgencyBodySchema.parse(request.body);
    const agency = await createAgency(ctx, actorOf(request), {
      parentId: parentId ?? null,
      ...input,
    });
    return reply.status(201).send({ agency: presentAgency(agency) });
  });

  app.get('/api/v1/agencies/:id', read, async (request) => ({
    agency: presentAgency(await getAgency(ctx, actorOf(request), idOf(request))),
  }));

  app.patch('/api/v1/agencies/:id', change, async (request) => ({
    agency: presentAgency(await updateAgency(ctx, actorOf(request), idOf(request), request.body)),
  }));

  app.post('/api/v1/agencies/import', change, async (request, reply) => {
    const { csv, parentId } = ImportBodySchema.parse(request.body);
    const dryRun = ImportQuerySchema.parse(request.query).dryRun !== 'false';
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
  });
}
