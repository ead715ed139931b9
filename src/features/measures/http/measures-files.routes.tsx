import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../core/errors.js';
import { uploadTooLarge } from '../../../platform/infra/file-store.js';
import { filesOf, type ServiceContext } from '../../../platform/services/context.js';
import {
  addMeasureFile,
  loadMeasureFile,
  removeMeasureFile,
} from '../services/measure-evidence.service.js';
import { getMeasure } from '../services/measure.service.js';
import { pageOf, type AppOptions } from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { domainStatus, signedIn } from '../../../platform/http/route-support.js';
import { sendErrorPage } from '../../../platform/http/views/error-page.js';
import { MeasureDetailPage } from './views/measures-detail.js';
import {
  evidenceSettings,
  isTooLarge,
  keepReceived,
  receivedFile,
  registerUploadParsing,
  sendDownload,
  type EvidenceSettings,
} from '../../oit-evidence/feature.js';
import { changing, guarded } from '../../../platform/http/route-kit.js';
import { typed } from '../../../platform/http/typed-routes.js';
import { MeasureFileParams, MeasureParams } from './measures-schemas.js';

const BASE = '/rounds/:id/measures/:measureId/files';

/** The detail page again with the upload's refusal next to the file field. */
async function showRefusal(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  { id, measureId }: { id: string; measureId: string },
  error: DomainError,
) {
  const detail = await getMeasure(ctx, signedIn(request), id, measureId);
  const page = (
    <MeasureDetailPage page={pageOf(request)} detail={detail} errors={{ file: error.messages }} />
  );
  return sendPage(reply, page, domainStatus(error));
}

/** The upload form (multipart: its file part is read here, as the scope's parser keeps it). */
function registerUpload(scope: FastifyInstance, ctx: ServiceContext, settings: EvidenceSettings) {
  const change = { ...changing, bodyLimit: settings.maxUploadBytes + 1024 * 1024 };
  typed(scope).post(
    BASE,
    { ...change, schema: { params: MeasureParams } },
    async (request, reply) => {
      const { id, measureId } = request.params;
      const upload = receivedFile(request.body);
      try {
        if (!upload)
          throw new DomainError('no_file', m('กรุณาเลือกไฟล์', 'Choose a file'), { field: 'file' });
        await addMeasureFile(ctx, signedIn(request), { roundId: id, measureId }, upload);
        keepReceived(upload);
        return reply.redirect(`/rounds/${id}/measures/${measureId}`);
      } catch (error) {
        // not found, forbidden and anything unexpected: the error page
        if (
          !(error instanceof DomainError) ||
          error.code === 'not_found' ||
          error.code === 'forbidden'
        )
          throw error;
        return showRefusal(ctx, request, reply, request.params, error);
      }
    },
  );
}

/** Evidence files on a measure: upload (multipart, checked like OIT uploads), download, remove. */
export function registerMeasureFilesRoutes(app: FastifyInstance, options: AppOptions): void {
  const { ctx } = options;
  const settings = evidenceSettings(options);
  void app.register(async (scope) => {
    await registerUploadParsing(scope, {
      files: filesOf(ctx),
      maxBytes: settings.maxUploadBytes,
      limits: { files: 1, fields: 10, parts: 12 },
      tooLargeFails: true,
    });
    scope.setErrorHandler(async (error, request, reply) => {
      if (!isTooLarge(error)) throw error;
      return sendErrorPage(request, reply, 413, uploadTooLarge(settings.maxUploadBytes).messages);
    });
    registerUpload(scope, ctx, settings);
  });
  const api = typed(app);
  const schema = { params: MeasureFileParams };
  api.get(`${BASE}/:fileId`, { ...guarded, schema }, async (request, reply) => {
    const { id, measureId, fileId } = request.params;
    const found = await loadMeasureFile(ctx, signedIn(request), {
      roundId: id,
      measureId,
      fileId,
    });
    return sendDownload(reply, found.file, found.opened);
  });
  api.post(`${BASE}/:fileId/delete`, { ...changing, schema }, async (request, reply) => {
    const { id, measureId, fileId } = request.params;
    await removeMeasureFile(ctx, signedIn(request), { roundId: id, measureId, fileId });
    return reply.redirect(`/rounds/${id}/measures/${measureId}`);
  });
}
