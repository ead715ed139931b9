import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AgencyInputSchema } from '../core/agency-input.js';
import { DomainError, type Message } from '../../../core/errors.js';
import {
  agencyPermissions,
  assertMayCreateUnder,
  buildAgencyTree,
  createAgency,
  getAgency,
  importAgenciesCsv,
  listChildAgencies,
  listVisibleAgencies,
  mayCreateTopLevel,
  updateAgency,
  type Agency,
} from '../services/agency.service.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import {
  pageOf,
  requireActor,
  requireCsrf,
  type AppOptions,
} from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { agencyFormValues, type AgencyFormValues } from './views/agency-form.js';
import { AgencyImportPage } from './views/agency-import.js';
import { AgencyDetailPage, AgencyListPage, AgencyNewPage } from './views/agency-pages.js';
import type { FieldErrors } from '../../../platform/http/views/form.js';
import { submitForm } from '../../../platform/http/route-kit.js';
import { IdParams, typed, type TypedApp } from '../../../platform/http/typed-routes.js';
import { actorOf, registerAgencyApi } from './agencies-api.routes.js';
import { AgencyForm, ImportForm, NoticeQuery, ParentQuery } from './agencies-schemas.js';

/** What the agency form posted, every field as typed ('' when not given). */
function agencyValues(body: z.output<typeof AgencyForm>): AgencyFormValues {
  const { code, type, nameTh, nameEn, website, eligibleStaff } = body;
  return Object.fromEntries(
    Object.entries({ code, type, nameTh, nameEn, website, eligibleStaff }).map(([name, value]) => [
      name,
      value ?? '',
    ]),
  );
}

/** The agency named by `?parent=` (null when absent), which the actor must be able to see. */
async function parentOf(
  ctx: ServiceContext,
  request: FastifyRequest,
  parent: string | undefined,
): Promise<Agency | null> {
  if (!parent) return null;
  return getAgency(ctx, actorOf(request), parent);
}

/** An agency the actor may see, or null (no error: used for links only). */
async function visibleOrNull(ctx: ServiceContext, actor: Actor, id: string | null) {
  if (id === null) return null;
  return getAgency(ctx, actor, id).catch((error: unknown) => {
    if (error instanceof DomainError) return null;
    throw error;
  });
}

const NOTICES: Record<string, Message> = {
  created: m('บันทึกหน่วยงานใหม่แล้ว', 'The agency was created'),
  saved: m('บันทึกการแก้ไขแล้ว', 'The changes were saved'),
};

function noticeOf(query: z.output<typeof NoticeQuery>): Message | null {
  const imported = Number(query.imported);
  if (Number.isSafeInteger(imported) && imported > 0)
    return m(`นำเข้าหน่วยงานแล้ว ${imported} หน่วยงาน`, `${imported} agencies were imported`);
  if (query.created === '1') return NOTICES.created ?? null;
  if (query.saved === '1') return NOTICES.saved ?? null;
  return null;
}

/** An agency's page: its details, units and edit form (the form's errors when refused). */
async function sendDetail(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  form: { values: AgencyFormValues; errors: FieldErrors } | { notice: Message | null },
) {
  const actor = actorOf(request);
  const values = 'values' in form ? form.values : null;
  const errors = 'errors' in form ? form.errors : {};
  const agency = await getAgency(ctx, actor, id);
  const can = agencyPermissions(actor, agency);
  if (values && !can.edit)
    throw new DomainError('forbidden', m('คุณไม่มีสิทธิ์แก้ไขหน่วยงานนี้', 'You may not edit this agency'));
  const page = (
    <AgencyDetailPage
      page={pageOf(request)}
      agency={agency}
      parent={await visibleOrNull(ctx, actor, agency.parentId)}
      units={await listChildAgencies(ctx, actor, agency)}
      can={can}
      values={values ?? agencyFormValues(agency)}
      errors={errors}
      notice={'notice' in form ? form.notice : null}
    />
  );
  return sendPage(reply, page, Object.keys(errors).length > 0 ? 400 : 200);
}

const read = { preValidation: requireActor };
const change = { preValidation: [requireActor, requireCsrf] };

function registerTree(api: TypedApp, ctx: ServiceContext): void {
  api.get(
    '/agencies',
    { ...read, schema: { querystring: NoticeQuery } },
    async (request, reply) => {
      const actor = actorOf(request);
      const tree = buildAgencyTree(await listVisibleAgencies(ctx, actor));
      const page = (
        <AgencyListPage
          page={pageOf(request)}
          tree={tree}
          canCreateRoot={mayCreateTopLevel(actor)}
          notice={noticeOf(request.query)}
        />
      );
      return sendPage(reply, page);
    },
  );
}

function registerCreate(api: TypedApp, ctx: ServiceContext): void {
  api.get(
    '/agencies/new',
    { ...read, schema: { querystring: ParentQuery } },
    async (request, reply) => {
      const parent = await parentOf(ctx, request, request.query.parent);
      assertMayCreateUnder(actorOf(request), parent);
      const page = <AgencyNewPage page={pageOf(request)} parent={parent} values={{}} errors={{}} />;
      return sendPage(reply, page);
    },
  );

  api.post(
    '/agencies/new',
    { ...change, schema: { querystring: ParentQuery, body: AgencyForm } },
    async (request, reply) => {
      const actor = actorOf(request);
      const parent = await parentOf(ctx, request, request.query.parent);
      assertMayCreateUnder(actor, parent);
      const values = agencyValues(request.body);
      return submitForm(
        request,
        reply,
        async () => {
          const input = AgencyInputSchema.parse(values);
          const agency = await createAgency(ctx, actor, { parentId: parent?.id ?? null, ...input });
          return `/agencies/${agency.id}?created=1`;
        },
        (errors) => {
          const page = (
            <AgencyNewPage page={pageOf(request)} parent={parent} values={values} errors={errors} />
          );
          return sendPage(reply, page, 400);
        },
      );
    },
  );
}

function registerImport(api: TypedApp, ctx: ServiceContext): void {
  api.get(
    '/agencies/import',
    { ...read, schema: { querystring: ParentQuery } },
    async (request, reply) => {
      const parent = await parentOf(ctx, request, request.query.parent);
      const page = (
        <AgencyImportPage page={pageOf(request)} parent={parent} csv="" preview={null} />
      );
      return sendPage(reply, page);
    },
  );

  // Not submitForm: a check (dry run) shows its preview; only an import that saved redirects.
  api.post(
    '/agencies/import',
    { ...change, schema: { querystring: ParentQuery, body: ImportForm } },
    async (request, reply) => {
      const parent = await parentOf(ctx, request, request.query.parent);
      const csv = request.body.csv ?? '';
      const dryRun = request.body.mode !== 'import';
      const preview = await importAgenciesCsv(ctx, actorOf(request), csv, {
        dryRun,
        parentId: parent?.id ?? null,
      });
      if (preview.created > 0) return reply.redirect(`/agencies?imported=${preview.created}`);
      const page = (
        <AgencyImportPage page={pageOf(request)} parent={parent} csv={csv} preview={preview} />
      );
      return sendPage(reply, page, preview.valid ? 200 : 400);
    },
  );
}

function registerDetail(api: TypedApp, ctx: ServiceContext): void {
  api.get(
    '/agencies/:id',
    { ...read, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) =>
      sendDetail(ctx, request, reply, request.params.id, { notice: noticeOf(request.query) }),
  );

  api.post(
    '/agencies/:id',
    { ...change, schema: { params: IdParams, body: AgencyForm } },
    async (request, reply) => {
      const { id } = request.params;
      const values = agencyValues(request.body);
      return submitForm(
        request,
        reply,
        async () => {
          await updateAgency(ctx, actorOf(request), id, AgencyInputSchema.parse(values));
          return `/agencies/${id}?saved=1`;
        },
        (errors) => sendDetail(ctx, request, reply, id, { values, errors }),
      );
    },
  );
}

/** Agency pages (tree, add, details and edit, CSV import) and the /api/v1/agencies API. */
export function registerAgencyRoutes(app: FastifyInstance, options: AppOptions): void {
  void app.register(async (scope) => {
    const api = typed(scope);
    registerTree(api, options.ctx);
    registerCreate(api, options.ctx);
    registerImport(api, options.ctx);
    registerDetail(api, options.ctx);
    registerAgencyApi(scope, options.ctx);
  });
}
