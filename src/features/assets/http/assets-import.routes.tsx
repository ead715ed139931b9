import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Message } from '../../../core/errors.js';
import {
  assetTemplateCsv,
  formatAssetRows,
  importAssets,
  type AssetImportFile,
  type AssetImportPreview,
} from '../services/asset-import.service.js';
import { loadAssetAgency } from '../services/asset-support.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  pageOf,
  requireActor,
  requireCsrf,
  type AppOptions,
} from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import { registerImportScope } from '../../../platform/imports/http/import-upload.js';
import { sendPage } from '../../../platform/http/render.js';
import { signedIn } from '../../../platform/http/route-support.js';
import { AssetImportPage, assetImportPath } from './views/assets-import.js';
import { IdParams, typed } from '../../../platform/http/typed-routes.js';
import { CreatedQuery } from './assets-schemas.js';

const PAGE = '/agencies/:id/assets/import';
const BODY_LIMIT = 8 * 1024 * 1024;

/** An .xlsx file is a ZIP archive: it starts with "PK". */
function isZip(buffer: Buffer): boolean {
  return buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;
}

/** The form (multipart or urlencoded): an uploaded file wins over pasted text. */
function readForm(body: unknown): { file: AssetImportFile; csv: string; confirm: boolean } {
  const form = (body ?? {}) as Record<string, unknown>;
  const csv = typeof form.csv === 'string' ? form.csv : '';
  const upload = Buffer.isBuffer(form.file) && form.file.length > 0 ? form.file : null;
  const file: AssetImportFile = upload
    ? isZip(upload)
      ? { xlsxBuffer: upload }
      : { csvText: upload.toString('utf8') }
    : { csvText: csv };
  return {
    file,
    csv: upload && !isZip(upload) ? upload.toString('utf8') : csv,
    confirm: form.mode === 'import',
  };
}

async function sendImportPage(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  agencyId: string,
  state: { csv: string; preview: AssetImportPreview | null; notice: Message | null },
) {
  const agency = await loadAssetAgency(ctx.db.kysely, signedIn(request), agencyId, true);
  const status = state.preview && !state.preview.valid ? 400 : 200;
  return sendPage(
    reply,
    <AssetImportPage page={pageOf(request)} agency={agency} {...state} />,
    status,
  );
}

function registerPages(app: FastifyInstance, ctx: ServiceContext): void {
  const api = typed(app);
  api.get(
    PAGE,
    { preValidation: requireActor, schema: { params: IdParams, querystring: CreatedQuery } },
    (request, reply) => {
      const created = Number(request.query.created);
      const notice =
        Number.isSafeInteger(created) && created > 0
          ? m(`เพิ่มทรัพย์สินแล้ว ${created} รายการ`, `${created} assets were added`)
          : null;
      const state = { csv: '', preview: null, notice };
      return sendImportPage(ctx, request, reply, request.params.id, state);
    },
  );
  api.get(
    `${PAGE}/template.csv`,
    { preValidation: requireActor, schema: { params: IdParams } },
    async (request, reply) => {
      await loadAssetAgency(ctx.db.kysely, signedIn(request), request.params.id, false);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="asset-register-template.csv"')
        .send(assetTemplateCsv());
    },
  );
  // multipart or urlencoded: the body is read by readForm, not by a schema
  api.post(
    PAGE,
    {
      preValidation: [requireActor, requireCsrf],
      bodyLimit: BODY_LIMIT,
      schema: { params: IdParams },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { file, csv, confirm } = readForm(request.body);
      const preview = await importAssets(ctx, signedIn(request), id, file, { dryRun: !confirm });
      if (preview.created > 0)
        return reply.redirect(`${assetImportPath(id)}?created=${preview.created}`);
      // a clean workbook becomes the CSV that the confirm button sends
      const text =
        preview.format === 'xlsx'
          ? preview.valid
            ? formatAssetRows(preview).replace(/^\uFEFF/, '')
            : ''
          : csv;
      return sendImportPage(ctx, request, reply, id, { csv: text, preview, notice: null });
    },
  );
}

/** The asset register import: upload (CSV/XLSX) or paste, dry run, confirm; template CSV. */
export function registerAssetImportRoutes(app: FastifyInstance, options: AppOptions): void {
  registerImportScope(app, BODY_LIMIT, (scope) => registerPages(scope, options.ctx));
}
