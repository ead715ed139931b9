import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Message } from '../../../core/errors.js';
import { formatImportedRows } from '../core/response-import.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  buildImportTemplate,
  importResponses,
  isImportOpen,
  loadImportTarget,
  type ResponseImportFile,
  type ResponseImportPreview,
} from '../services/response-import.service.js';
import {
  pageOf,
  requireActor,
  requireCsrf,
  sendProblem,
  type AppOptions,
} from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import {
  IMPORT_TOO_LARGE,
  MAX_IMPORT_FILE,
  registerImportScope,
} from '../../../platform/imports/http/import-upload.js';
import { sendPage } from '../../../platform/http/render.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { ProblemSchema, typed, type TypedApp } from '../../../platform/http/typed-routes.js';
import { importPath, ResponseImportPage } from './views/response-import.js';
import { FormText, SurveyPathParams } from './survey-schemas.js';
import type { SurveyParams } from './survey-admin-links.js';

const PAGE = '/rounds/:id/surveys/:instrument/import';
const API = '/api/v1/rounds/:id/surveys/:instrument/import';
/** Room for a large paste (20,000 rows) or a 5 MB file sent as base64. */
const BODY_LIMIT = 10 * 1024 * 1024;

/** The count of a finished import, for the page's notice (?imported=12). */
const ImportedQuery = z.object({ imported: FormText });

/**
 * The fields of the page's form (multipart or urlencoded: the multipart body is parsed here,
 * not by a schema): the file wins over pasted text.
 */
function readForm(body: unknown): { file: ResponseImportFile; csv: string; confirm: boolean } {
  const form = (body ?? {}) as Record<string, unknown>;
  const csv = typeof form.csv === 'string' ? form.csv : '';
  const xlsx = Buffer.isBuffer(form.xlsx) && form.xlsx.length > 0 ? form.xlsx : null;
  const file = xlsx ? { xlsxBuffer: xlsx } : { csvText: csv };
  return { file, csv, confirm: form.mode === 'import' };
}

/** What the text box shows after a check: a clean XLSX becomes the CSV that is confirmed. */
function textAfterCheck(csv: string, preview: ResponseImportPreview): string {
  if (preview.format !== 'xlsx') return csv;
  return preview.valid ? formatImportedRows(preview).replace(/^\uFEFF/, '') : '';
}

async function sendImportPage(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  { id, instrument }: SurveyParams,
  state: { csv: string; preview: ResponseImportPreview | null; notice: Message | null },
) {
  const target = await loadImportTarget(ctx, signedIn(request), id, instrument);
  const page = (
    <ResponseImportPage
      page={pageOf(request)}
      target={target}
      open={isImportOpen(target.round)}
      {...state}
    />
  );
  return sendPage(reply, page, state.preview && !state.preview.valid ? 400 : 200);
}

function noticeOf(query: z.output<typeof ImportedQuery>): Message | null {
  const imported = Number(query.imported);
  if (!Number.isSafeInteger(imported) || imported <= 0) return null;
  return m(`นำเข้าคำตอบแล้ว ${imported} ชุด`, `${imported} responses were imported`);
}

function registerPages(api: TypedApp, ctx: ServiceContext): void {
  api.get(
    PAGE,
    {
      preValidation: requireActor,
      schema: { params: SurveyPathParams, querystring: ImportedQuery },
    },
    async (request, reply) => {
      const state = { csv: '', preview: null, notice: noticeOf(request.query) };
      return sendImportPage(ctx, request, reply, request.params, state);
    },
  );

  api.get(
    `${PAGE}/template.csv`,
    { preValidation: requireActor, schema: { params: SurveyPathParams } },
    async (request, reply) => {
      const { id, instrument } = request.params;
      const template = await buildImportTemplate(ctx, signedIn(request), id, instrument);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${template.filename}"`)
        .send(template.csv);
    },
  );

  // A multipart upload or a pasted CSV: the handler reads the body (dry run, then confirm).
  api.post(
    PAGE,
    {
      preValidation: [requireActor, requireCsrf],
      bodyLimit: BODY_LIMIT,
      schema: { params: SurveyPathParams },
    },
    async (request, reply) => {
      const { id, instrument } = request.params;
      const { file, csv, confirm } = readForm(request.body);
      const preview = await importResponses(ctx, signedIn(request), id, instrument, file, {
        dryRun: !confirm,
      });
      if (preview.imported > 0)
        return reply.redirect(`${importPath(id, preview.instrument)}?imported=${preview.imported}`);
      const text = textAfterCheck(csv, preview);
      const state = { csv: text, preview, notice: null };
      return sendImportPage(ctx, request, reply, request.params, state);
    },
  );
}

const ImportBodySchema = z
  .object({
    csv: z.string().max(BODY_LIMIT).optional(),
    xlsxBase64: z.string().max(BODY_LIMIT).optional(),
  })
  .strict()
  .refine((body) => (body.csv === undefined) !== (body.xlsxBase64 === undefined), {
    message: 'send either csv or xlsxBase64',
  });
const ImportQuerySchema = z.object({ dryRun: z.enum(['true', 'false']).optional() });

const MessageJson = z.object({ th: z.string(), en: z.string() });
const PreviewJson = z.object({
  valid: z.boolean(),
  instrument: z.string(),
  format: z.enum(['csv', 'xlsx']),
  imported: z.number().int(),
  itemColumns: z.array(z.string()),
  fileErrors: z.array(MessageJson),
  ignoredColumns: z.array(z.object({ column: z.string(), reason: MessageJson })),
  rows: z.array(
    z.object({
      line: z.number().int(),
      day: z.string(),
      answers: z.record(z.string(), z.string()),
      errors: z.array(z.object({ column: z.string(), message: MessageJson })),
      /** The free-text comment, masked; absent when blank. */
      comment: z.string().optional(),
    }),
  ),
});

function registerApi(api: TypedApp, ctx: ServiceContext): void {
  api.post(
    API,
    {
      preValidation: [requireActor, requireCsrf],
      bodyLimit: BODY_LIMIT,
      schema: {
        operationId: 'importSurveyResponses',
        summary:
          'Check (dryRun=true, the default) or import survey answers from CSV or base64 XLSX, all or nothing (docs/response-import.md)',
        tags: ['surveys'],
        params: SurveyPathParams,
        querystring: ImportQuerySchema,
        body: ImportBodySchema,
        response: {
          200: PreviewJson,
          404: ProblemSchema,
          409: ProblemSchema,
          413: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const dryRun = request.query.dryRun !== 'false';
      const file: ResponseImportFile =
        body.csv !== undefined
          ? { csvText: body.csv }
          : { xlsxBuffer: Buffer.from(body.xlsxBase64 ?? '', 'base64') };
      if ('xlsxBuffer' in file && file.xlsxBuffer.length > MAX_IMPORT_FILE)
        return sendProblem(reply, 413, IMPORT_TOO_LARGE);
      const { id, instrument } = request.params;
      const preview = await importResponses(ctx, signedIn(request), id, instrument, file, {
        dryRun,
      });
      if (!dryRun && !preview.valid) {
        const message = m(
          'ไฟล์มีข้อผิดพลาด ยังไม่ได้นำเข้าคำตอบใด',
          'The file has errors; nothing was imported',
        );
        return sendProblem(reply, 400, message, { code: 'import_invalid', ...preview });
      }
      return preview;
    },
  );
}

/** The survey answer import: page (upload or paste, dry run, confirm), template CSV and API. */
export function registerResponseImportRoutes(app: FastifyInstance, options: AppOptions): void {
  registerImportScope(app, BODY_LIMIT, (scope) => {
    const api = typed(scope);
    registerPages(api, options.ctx);
    registerApi(api, options.ctx);
  });
}
