import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Message } from '../../../core/errors.js';
import type { ColumnMapping, DayOrder } from '../core/response-import.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  buildImportTemplate,
  buildImportTemplateXlsx,
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
import {
  problemWith,
  ProblemSchema,
  typed,
  type TypedApp,
} from '../../../platform/http/typed-routes.js';
import { importPath, ResponseImportPage } from './views/response-import.js';
import { FormText, SurveyPathParams } from './survey-schemas.js';
import type { SurveyParams } from './survey-admin-links.js';

const PAGE = '/rounds/:id/surveys/:instrument/import';
const API = '/api/v1/rounds/:id/surveys/:instrument/import';
/** Room for a large paste (20,000 rows) or a 5 MB file sent as base64. */
const BODY_LIMIT = 10 * 1024 * 1024;
/** The page's form fields: the text, the mode, the form token, the day order and one per column. */
const MAX_FORM_FIELDS = 520;
const DAY_ORDERS = ['dmy', 'mdy'] as const;

/** The count of a finished import, for the page's notice (?imported=12). */
const ImportedQuery = z.object({ imported: FormText });

/** The page's reading of a form: the file, the text, and the person's corrections. */
interface ImportForm {
  file: ResponseImportFile;
  csv: string;
  confirm: boolean;
  /** The column selects ("col_3" → its header, or "#3"): item code, 'date', 'comment' or 'ignore'. */
  mapping: ColumnMapping;
  dayOrder: DayOrder | null;
}

/**
 * The fields of the page's form (multipart or urlencoded: the multipart body is parsed here,
 * not by a schema): the file wins over pasted text.
 */
function readForm(body: unknown): ImportForm {
  const form = (body ?? {}) as Record<string, unknown>;
  const csv = typeof form.csv === 'string' ? form.csv : '';
  const xlsx = Buffer.isBuffer(form.xlsx) && form.xlsx.length > 0 ? form.xlsx : null;
  const file = xlsx ? { xlsxBuffer: xlsx } : { csvText: csv };
  // the selects name the header they were shown for, so that a choice follows its column
  // into another file (or an edited text) and never lands on another column
  const headers = readHeaders(form.columns);
  const mapping: ColumnMapping = {};
  for (const [name, value] of Object.entries(form)) {
    const position = /^col_(\d{1,3})$/.exec(name)?.[1];
    if (position === undefined || typeof value !== 'string' || value === '') continue;
    mapping[headers[Number(position) - 1] ?? `#${position}`] = value.slice(0, 40);
  }
  const dayOrder = DAY_ORDERS.find((order) => order === form.dayOrder) ?? null;
  return { file, csv, confirm: form.mode === 'import', mapping, dayOrder };
}

/** The headers the page's column selects were shown for (a hidden JSON list). */
function readHeaders(field: unknown): string[] {
  if (typeof field !== 'string') return [];
  try {
    const list: unknown = JSON.parse(field);
    return Array.isArray(list) ? list.map((header) => String(header)) : [];
  } catch {
    return [];
  }
}

/**
 * What the text box shows after a check: an XLSX becomes its sheet as CSV (personal columns
 * emptied), so that the column choices and the confirm apply to the same columns.
 */
function textAfterCheck(csv: string, preview: ResponseImportPreview): string {
  if (preview.format !== 'xlsx') return csv;
  return preview.reviewCsv ?? '';
}

async function sendImportPage(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  { id, instrument }: SurveyParams,
  state: {
    csv: string;
    preview: ResponseImportPreview | null;
    notice: Message | null;
    dayOrder?: DayOrder | null;
  },
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

type TemplateArgs = Parameters<typeof buildImportTemplate>;

/** The templates of an instrument, one header row: CSV and Excel. */
const TEMPLATES = {
  csv: {
    type: 'text/csv; charset=utf-8',
    build: async (...args: TemplateArgs) => {
      const { filename, csv } = await buildImportTemplate(...args);
      return { filename, body: csv };
    },
  },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    build: async (...args: TemplateArgs) => {
      const { filename, xlsx } = await buildImportTemplateXlsx(...args);
      return { filename, body: xlsx };
    },
  },
};

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

  for (const [extension, template] of Object.entries(TEMPLATES)) {
    api.get(
      `${PAGE}/template.${extension}`,
      { preValidation: requireActor, schema: { params: SurveyPathParams } },
      async (request, reply) => {
        const { id, instrument } = request.params;
        const { filename, body } = await template.build(ctx, signedIn(request), id, instrument);
        return reply
          .type(template.type)
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(body);
      },
    );
  }

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
      const { file, csv, confirm, mapping, dayOrder } = readForm(request.body);
      const preview = await importResponses(ctx, signedIn(request), id, instrument, file, {
        dryRun: !confirm,
        mapping,
        ...(dayOrder ? { dayOrder } : {}),
      });
      if (preview.imported > 0)
        return reply.redirect(`${importPath(id, preview.instrument)}?imported=${preview.imported}`);
      const text = textAfterCheck(csv, preview);
      const state = { csv: text, preview, notice: null, dayOrder };
      return sendImportPage(ctx, request, reply, request.params, state);
    },
  );
}

const ImportBodySchema = z
  .object({
    csv: z.string().max(BODY_LIMIT).optional(),
    xlsxBase64: z.string().max(BODY_LIMIT).optional(),
    /** Corrections of the column matches: header (or "#position") → item code, 'date', 'comment' or 'ignore'. */
    mapping: z.record(z.string().max(2000), z.string().max(40)).optional(),
    /** The order of D/M/YYYY days, when the day column cannot settle it. */
    dayOrder: z.enum(DAY_ORDERS).optional(),
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
  /** Every column and what it was matched to, and how (code, wording, name, saved, chosen). */
  columns: z.array(
    z.object({
      column: z.string(),
      position: z.number().int(),
      target: z.string(),
      wording: MessageJson.nullable(),
      source: z.enum(['code', 'wording', 'name', 'saved', 'chosen']).nullable(),
    }),
  ),
  /** Columns that identify a person: dropped, never stored. */
  personalColumns: z.array(z.string()),
  dayOrder: z.enum(DAY_ORDERS).nullable(),
  /** The day column reads two ways: send dayOrder ('dmy' or 'mdy'); nothing is stored until then. */
  askDayOrder: z.boolean(),
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
          // a file with errors and dryRun=false: the preview says what to correct
          400: problemWith(PreviewJson.partial().shape),
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
      const { mapping, dayOrder } = body;
      const preview = await importResponses(ctx, signedIn(request), id, instrument, file, {
        dryRun,
        ...(mapping ? { mapping } : {}),
        ...(dayOrder ? { dayOrder } : {}),
      });
      if (!dryRun && !preview.valid) {
        const message = m(
          'ไฟล์มีข้อผิดพลาด ยังไม่ได้นำเข้าคำตอบใด',
          'The file has errors; nothing was imported',
        );
        const { reviewCsv: _review, ...shown } = preview;
        return sendProblem(reply, 400, message, { code: 'import_invalid', ...shown });
      }
      const { reviewCsv: _review, ...shown } = preview;
      return shown;
    },
  );
}

/** The survey answer import: page (upload or paste, dry run, confirm), templates and API. */
export function registerResponseImportRoutes(app: FastifyInstance, options: AppOptions): void {
  registerImportScope(
    app,
    BODY_LIMIT,
    (scope) => {
      const api = typed(scope);
      registerPages(api, options.ctx);
      registerApi(api, options.ctx);
    },
    MAX_FORM_FIELDS,
  );
}
