import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Message } from '../../../core/errors.js';
import { DEFAULT_MAX_UPLOAD_BYTES, uploadTooLarge } from '../../../platform/infra/file-store.js';
import { DEFAULT_FETCH_LIMITS } from '../../../platform/infra/link-fetcher.js';
import { filesOf, type ServiceContext } from '../../../platform/services/context.js';
import { buildApprovalMemo, buildCopyExport } from '../services/oit-evidence-output.service.js';
import { submitEvidence } from '../services/oit-evidence-submit.service.js';
import type { EvidenceSettings } from '../services/oit-evidence-support.js';
import {
  approveEvidence,
  findKeptUpload,
  findWorkspaceItem,
  keepUpload,
  loadEvidenceFile,
  loadLinkSnapshot,
  loadOitWorkspace,
  markEvidenceReady,
  mayEditEvidence,
  returnEvidence,
  saveItemEvidence,
  type EvidenceInput,
  type KeptUpload,
  type UploadedFile,
} from '../services/oit-evidence.service.js';
import {
  isTooLarge,
  keepReceived,
  receivedFile,
  registerUploadParsing,
  sendDownload,
} from './evidence-upload.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { publicOrigin, signedIn } from '../../../platform/http/route-support.js';
import { OitItemPage, type ItemFormValues } from './views/oit-evidence-item.js';
import { oitPath, OitListPage } from './views/oit-evidence-list.js';
import { OitMemoPage } from './views/oit-evidence-memo.js';
import { registerOitEvidenceApi } from './oit-evidence-api.routes.js';
import { listRoundLinkWarnings } from '../services/oit-link-check.service.js';
import type { DocumentLister, FeatureOptions } from '../../kit.js';
import {
  addGeneratedEvidenceLink,
  listItemGeneratedEvidence,
} from '../services/oit-generated-evidence.service.js';
import { changing, formErrorsOf, guarded, sendTooLarge } from '../../../platform/http/route-kit.js';
import { IdParams, typed } from '../../../platform/http/typed-routes.js';
import { DoneQuery, ItemFileParams, ItemParams, ItemCopyParams } from './oit-evidence-schemas.js';
import { DomainError } from '../../../core/errors.js';
import { domainStatus } from '../../../platform/http/route-support.js';
import type { FieldErrors } from '../../../platform/http/views/form.js';

/** The evidence settings of the app (upload limit; SSRF guard); files go to the context's store. */
export function evidenceSettings(options: AppOptions): EvidenceSettings {
  return {
    maxUploadBytes: options.config.OIT_MAX_UPLOAD_MB
      ? options.config.OIT_MAX_UPLOAD_MB * 1024 * 1024
      : DEFAULT_MAX_UPLOAD_BYTES,
    fetchLimits: {
      ...DEFAULT_FETCH_LIMITS,
      allowPrivate: options.config.FETCH_ALLOW_PRIVATE ?? false,
    },
  };
}

export { sendDownload };

const NOTICES: Record<string, Message> = {
  saved: m('บันทึกแล้ว', 'Saved'),
  ready: m('บันทึกและเสนอหัวหน้าหน่วยงานแล้ว', 'Saved and sent to the head for approval'),
  approved: m('อนุมัติแล้ว', 'Approved'),
  returned: m('ส่งกลับให้ผู้รับผิดชอบแก้ไขแล้ว พร้อมเหตุผล', 'Sent back to the owner with your reason'),
  linked: m('เพิ่มเอกสารเป็นลิงก์หลักฐานแล้ว', 'The document was added as an evidence link'),
  submitted: m('ส่งหลักฐานแล้ว และเก็บสำเนาลิงก์ไว้แล้ว', 'Submitted; the links were captured'),
};
const noticeOf = (done: string | undefined) => NOTICES[done ?? ''] ?? null;

/** The form's fields: links, explanation, the checklist, owner and an uploaded file. */
function readItemForm(body: unknown): {
  input: EvidenceInput;
  upload: UploadedFile | null;
  action: string;
  /** The address of a published document to add as a link (action add_generated). */
  document: string;
  /** The head's reason for sending the item back (action return). */
  reason: string;
  /** A file kept from an earlier try of this form (its id), or ''. */
  keptFile: string;
  /** 'home' when the form was sent from the home page's queue. */
  next: string;
} {
  const form = (body ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string) : '');
  const elements: EvidenceInput['elements'] = {};
  for (const key of Object.keys(form).filter((k) => k.startsWith('where:'))) {
    const code = key.slice(6);
    elements[code] = { done: text(`done:${code}`) !== '', where: text(key) };
  }
  const upload = receivedFile(form);
  const owner = 'owner' in form ? text('owner') || null : undefined;
  const input = {
    urls: text('urls').split(/\r?\n/),
    explanation: text('explanation'),
    elements,
    ownerUserId: owner,
  };
  return {
    input,
    upload,
    action: text('action') || 'save',
    document: text('document'),
    reason: text('reason'),
    keptFile: text('keptFile'),
    next: text('next'),
  };
}

/** The path of an item: the round and the item's code. */
type ItemRef = { id: string; item: string };

/** What a refused form brings back: its errors, what was typed, the kept file, the status. */
interface Refused {
  errors: FieldErrors;
  values: ItemFormValues;
  kept: KeptUpload | null;
  status: number;
}

async function showItem(
  ctx: ServiceContext,
  lister: DocumentLister,
  request: FastifyRequest,
  reply: FastifyReply,
  { id, item }: ItemRef,
  done: string | undefined,
  refused: Refused | null = null,
) {
  const actor = signedIn(request);
  const workspace = await loadOitWorkspace(ctx, actor, id);
  const entry = findWorkspaceItem(workspace, item);
  const editable =
    workspace.open &&
    entry.status !== 'submitted' &&
    mayEditEvidence(actor, workspace.round, entry);
  const documents = await listItemGeneratedEvidence(ctx, lister, workspace.round, entry);
  const page = (
    <OitItemPage
      page={pageOf(request)}
      workspace={workspace}
      entry={entry}
      editable={editable}
      notice={noticeOf(done)}
      documents={documents}
      errors={refused?.errors ?? {}}
      values={refused?.values ?? null}
      kept={refused?.kept ?? null}
    />
  );
  return sendPage(reply, page, refused?.status ?? 200);
}

/** The field a refusal belongs beside: upload refusals go next to the file. */
function refusalErrors(error: unknown): FieldErrors | null {
  if (
    error instanceof DomainError &&
    (error.code === 'upload_too_large' || error.code === 'upload_type_refused')
  )
    return { file: error.messages };
  return formErrorsOf(error);
}

/** The item form's post (multipart: its parts are read here): save, ready, approve, submit, link. */
async function postItem(
  ctx: ServiceContext,
  lister: DocumentLister,
  settings: EvidenceSettings,
  request: FastifyRequest,
  reply: FastifyReply,
  { id, item }: ItemRef,
  origin: string,
) {
  const actor = signedIn(request);
  const ref = { roundId: id, itemCode: item };
  const form = readItemForm(request.body);
  const { input, upload, action, document } = form;
  let done = 'saved';
  try {
    if (action === 'approve') {
      await approveEvidence(ctx, actor, ref);
      done = 'approved';
    } else if (action === 'return') {
      await returnEvidence(ctx, actor, ref, form.reason);
      done = 'returned';
    } else if (action === 'submit') {
      await submitEvidence(ctx, settings, actor, ref);
      done = 'submitted';
    } else if (action === 'add_generated') {
      await addGeneratedEvidenceLink(ctx, lister, settings, actor, ref, document, origin);
      done = 'linked';
    } else {
      await saveItemEvidence(ctx, actor, ref, input, upload, form.keptFile || null);
      keepReceived(upload);
      if (action === 'ready') await markEvidenceReady(ctx, actor, ref);
      done = action === 'ready' ? 'ready' : 'saved';
    }
  } catch (error) {
    const errors = refusalErrors(error);
    if (!errors || !(error instanceof DomainError)) throw error;
    // the form again, with the error beside its field and everything typed (and attached) kept
    let kept: KeptUpload | null = null;
    if (upload && !errors.file) {
      kept = await keepUpload(ctx, actor, ref, upload);
      if (kept) keepReceived(upload);
    } else if (form.keptFile) kept = await findKeptUpload(ctx, actor, ref, form.keptFile);
    const values = { ...input, reason: form.reason };
    const status = domainStatus(error);
    return showItem(ctx, lister, request, reply, { id, item }, undefined, {
      errors,
      values,
      kept,
      status,
    });
  }
  if (form.next === 'home') return reply.redirect(`/home?done=${done}`);
  return reply.redirect(`${oitPath(id, `/${encodeURIComponent(item)}`)}?done=${done}`);
}

/** The approval memo and the copy-assist export. */
function registerOutputs(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  const schema = { params: IdParams };
  api.get('/rounds/:id/oit/memo', { ...guarded, schema }, async (request, reply) => {
    const memo = await buildApprovalMemo(ctx, signedIn(request), request.params.id);
    return sendPage(reply, <OitMemoPage page={pageOf(request)} memo={memo} />);
  });
  api.get('/rounds/:id/oit/export.csv', { ...guarded, schema }, async (request, reply) => {
    const base = publicOrigin(request);
    const link = (r: { agencyCode: string; editionYear: number }, code: string) =>
      `${base}/public/oit/${encodeURIComponent(r.agencyCode)}/${r.editionYear}/${encodeURIComponent(code)}`;
    const out = await buildCopyExport(ctx, signedIn(request), request.params.id, link);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${out.filename}"`)
      .send(out.csv);
  });
}

function registerPages(
  app: FastifyInstance,
  ctx: ServiceContext,
  lister: DocumentLister,
  settings: EvidenceSettings,
): void {
  const api = typed(app);
  const change = { ...changing, bodyLimit: settings.maxUploadBytes + 1024 * 1024 };
  api.get(
    '/rounds/:id/oit',
    { ...guarded, schema: { params: IdParams, querystring: DoneQuery } },
    async (request, reply) => {
      const workspace = await loadOitWorkspace(ctx, signedIn(request), request.params.id);
      const warnings = await listRoundLinkWarnings(ctx, workspace.round.id);
      const page = pageOf(request);
      return sendPage(
        reply,
        <OitListPage
          page={page}
          workspace={workspace}
          notice={noticeOf(request.query.done)}
          warnings={warnings}
        />,
      );
    },
  );
  registerOutputs(app, ctx);
  api.post(
    '/rounds/:id/oit/submit',
    { ...change, schema: { params: IdParams } },
    async (request, reply) => {
      const { id } = request.params;
      await submitEvidence(ctx, settings, signedIn(request), { roundId: id, itemCode: null });
      return reply.redirect(`${oitPath(id)}?done=submitted`);
    },
  );
  api.get(
    '/rounds/:id/oit/:item',
    { ...guarded, schema: { params: ItemParams, querystring: DoneQuery } },
    async (request, reply) =>
      showItem(ctx, lister, request, reply, request.params, request.query.done),
  );
  // multipart (a file may come with the form): the handler reads the parts
  api.post(
    '/rounds/:id/oit/:item',
    { ...change, schema: { params: ItemParams } },
    async (request, reply) =>
      postItem(ctx, lister, settings, request, reply, request.params, publicOrigin(request)),
  );
  api.get(
    '/rounds/:id/oit/:item/files/:fileId',
    { ...guarded, schema: { params: ItemFileParams } },
    async (request, reply) => {
      const { id, item, fileId } = request.params;
      const found = await loadEvidenceFile(ctx, signedIn(request), {
        roundId: id,
        itemCode: item,
        fileId,
      });
      return sendDownload(reply, found.file, found.opened);
    },
  );
  // the copy of a submitted link kept at submission, as plain text (never run as a page)
  api.get(
    '/rounds/:id/oit/:item/link-copies/:copyId',
    { ...guarded, schema: { params: ItemCopyParams } },
    async (request, reply) => {
      const { id, item, copyId } = request.params;
      const found = await loadLinkSnapshot(ctx, signedIn(request), {
        roundId: id,
        itemCode: item,
        snapshotId: copyId,
      });
      const name = { originalName: `link-copy-${item}-${copyId}.txt` };
      return sendDownload(
        reply,
        { ...name, contentType: 'text/plain; charset=utf-8' },
        found.opened,
      );
    },
  );
}

/** The agency's OIT evidence: item list, item form, files, approval memo, export and API. */
export function registerOitEvidenceRoutes(app: FastifyInstance, options: FeatureOptions): void {
  const settings = evidenceSettings(options);
  void app.register(async (scope) => {
    await registerUploadParsing(scope, {
      files: filesOf(options.ctx),
      maxBytes: settings.maxUploadBytes,
      limits: { files: 1, fields: 200, parts: 202, fieldSize: 100_000 },
      tooLargeFails: true,
    });
    scope.setErrorHandler(async (error, request, reply) => {
      if (!isTooLarge(error)) throw error;
      const message = uploadTooLarge(settings.maxUploadBytes).messages;
      return sendTooLarge(request, reply, message);
    });
    registerPages(scope, options.ctx, options.registry.listPublishedDocuments, settings);
    registerOitEvidenceApi(scope, options.ctx, settings);
  });
}
