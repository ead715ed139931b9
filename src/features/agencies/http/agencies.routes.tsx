import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
import { toFieldErrors, type FieldErrors } from '../../../platform/http/views/form.js';
import { actorOf, registerAgencyApi } from './agencies-api.routes.js';

/** HTTP status of the agency services' refusals (other errors go to the app's handler). */
const FORM_FIELDS = ['code', 'type', 'nameTh', 'nameEn', 'website', 'eligibleStaff'];

function formValues(body: unknown): AgencyFormValues {
  const form = (body ?? {}) as Record<string, unknown>;
  const values: AgencyFormValues = {};
  for (const name of FORM_FIELDS) {
    const value = form[name];
    values[name] = typeof value === 'string' ? value : '';
  }
  return values;
}

/** A taken code becomes an error beside the code field; anything else goes on. */
function codeFieldErrors(error: unknown): FieldErrors {
  if (error instanceof DomainError && error.code === 'duplicate_code')
    return { code: error.messages };
  throw error;
}

/** The agency named by `?parent=` (null when absent), which the actor must be able to see. */
async function parentOf(ctx: ServiceContext, request: FastifyRequest): Promise<Agency | null> {
  const { parent } = request.query as { parent?: unknown };
  if (typeof parent !== 'string' || parent === '') return null;
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

function noticeOf(request: FastifyRequest): Message | null {
  const query = request.query as Record<string, unknown>;
  const imported = Number(query.imported);
  if (Number.isSafeInteger(imported) && imported > 0)
    return m(`นำเข้าหน่วยงานแล้ว ${imported} หน่วยงาน`, `${imported} agencies were imported`);
  const key = Object.keys(NOTICES).find((name) => query[name] === '1');
  return key ? (NOTICES[key] ?? null) : null;
}

async function sendDetail(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  form: { values: AgencyFormValues | null; errors: FieldErrors },
) {
  const actor = actorOf(request);
  const agency = await getAgency(ctx, actor, (request.params as { id: string }).id);
  const can = agencyPermissions(actor, agency);
  if (form.values && !can.edit)
    throw new DomainError('forbidden', m('คุณไม่มีสิทธิ์แก้ไขหน่วยงานนี้', 'You may not edit this agency'));
  const page = (
    <AgencyDetailPage
      page={pageOf(request)}
      agency={agency}
      parent={await visibleOrNull(ctx, actor, agency.parentId)}
      units={await listChildAgencies(ctx, actor, agency)}
      can={can}
      values={form.values ?? agencyFormValues(agency)}
      errors={form.errors}
      notice={form.values ? null : noticeOf(request)}
    />
  );
  return sendPage(reply, page, Object.keys(form.errors).length > 0 ? 400 : 200);
}

function registerTree(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/agencies', { preValidation: requireActor }, async (request, reply) => {
    const actor = actorOf(request);
    const tree = buildAgencyTree(await listVisibleAgencies(ctx, actor));
    const page = (
      <AgencyListPage
        page={pageOf(request)}
        tree={tree}
        canCreateRoot={mayCreateTopLevel(actor)}
        notice={noticeOf(request)}
      />
    );
    return sendPage(reply, page);
  });
}

function registerCreate(app: FastifyInstance, ctx: ServiceContext): void {
  const change = { preValidation: [requireActor, requireCsrf] };
  app.get('/agencies/new', { preValidation: requireActor }, async (request, reply) => {
    const parent = await parentOf(ctx, request);
    assertMayCreateUnder(actorOf(request), parent);
    const page = <AgencyNewPage page={pageOf(request)} parent={parent} values={{}} errors={{}} />;
    return sendPage(reply, page);
  });

  app.post('/agencies/new', change, async (request, reply) => {
    const actor = actorOf(request);
    const parent = await parentOf(ctx, request);
    assertMayCreateUnder(actor, parent);
    const values = formValues(request.body);
    const parsed = AgencyInputSchema.safeParse(values);
    let errors: FieldErrors;
    if (parsed.success) {
      try {
        const agency = await createAgency(ctx, actor, {
          parentId: parent?.id ?? null,
          ...parsed.data,
        });
        return reply.redirect(`/agencies/${agency.id}?created=1`);
      } catch (error) {
        errors = codeFieldErrors(error);
      }
    } else errors = toFieldErrors(parsed.error.issues);
    const page = (
      <AgencyNewPage page={pageOf(request)} parent={parent} values={values} errors={errors} />
    );
    return sendPage(reply, page, 400);
  });
}

function registerImport(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/agencies/import', { preValidation: requireActor }, async (request, reply) => {
    const parent = await parentOf(ctx, request);
    const page = <AgencyImportPage page={pageOf(request)} parent={parent} csv="" preview={null} />;
    return sendPage(reply, page);
  });

  app.post(
    '/agencies/import',
    { preValidation: [requireActor, requireCsrf] },
    async (request, reply) => {
      const parent = await parentOf(ctx, request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const csv = typeof body.csv === 'string' ? body.csv : '';
      const dryRun = body.mode !== 'import';
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

function registerDetail(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/agencies/:id', { preValidation: requireActor }, async (request, reply) =>
    sendDetail(ctx, request, reply, { values: null, errors: {} }),
  );

  app.post(
    '/agencies/:id',
    { preValidation: [requireActor, requireCsrf] },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const values = formValues(request.body);
      const parsed = AgencyInputSchema.safeParse(values);
      if (!parsed.success)
        return sendDetail(ctx, request, reply, {
          values,
          errors: toFieldErrors(parsed.error.issues),
        });
      try {
        await updateAgency(ctx, actorOf(request), id, parsed.data);
      } catch (error) {
        return sendDetail(ctx, request, reply, { values, errors: codeFieldErrors(error) });
      }
      return reply.redirect(`/agencies/${id}?saved=1`);
    },
  );
}

/** Agency pages (tree, add, details and edit, CSV import) and the /api/v1/agencies API. */
export function registerAgencyRoutes(app: FastifyInstance, options: AppOptions): void {
  void app.register(async (scope) => {
    registerTree(scope, options.ctx);
    registerCreate(scope, options.ctx);
    registerImport(scope, options.ctx);
    registerDetail(scope, options.ctx);
    registerAgencyApi(scope, options.ctx);
  });
}
