import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../core/errors.js';
import { uploadTooLarge } from '../../../platform/infra/file-store.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import {
  addMeasureFile,
  loadMeasureFile,
  removeMeasureFile,
  type MeasureFileSettings,
} from '../services/measure-evidence.service.js';
import { getMeasure } from '../services/measure.service.js';
import {
  pageOf,
  requireActor,
  requireCsrf,
  type AppOptions,
} from '../../../platform/http/request-context.js';
import { m } from '../../../platform/http/i18n.js';
import { sendPage } from '../../../platform/http/render.js';
import { domainStatus, signedIn } from '../../../platform/http/route-support.js';
import { sendErrorPage } from '../../../platform/http/views/error-page.js';
import { MeasureDetailPage } from './views/measures-detail.js';
import { sendDomainError } from '../../../platform/http/views/user-problem.js';
import { evidenceSettings, sendDownload } from '../../oit-evidence/feature.js';
import { isUploadTooLarge } from '../../../platform/http/route-kit.js';

type Params = { id: string; measureId: string; fileId: string };
const paramsOf = (request: FastifyRequest) => request.params as Params;
const BASE = '/rounds/:id/measures/:measureId/files';

/** The detail page again with the upload's refusal next to the file field. */
async function showRefusal(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  error: DomainError,
) {
  const { id, measureId } = paramsOf(request);
  const detail = await getMeasure(ctx, signedIn(request), id, measureId);
  const page = (
    <MeasureDetailPage page={pageOf(request)} detail={detail} errors={{ file: error.messages }} />
  );
  return sendPage(reply, page, domainStatus(error));
}

function registerUpload(
  scope: FastifyInstance,
  ctx: ServiceContext,
  settings: MeasureFileSettings,
) {
  const change = {
    preValidation: [requireActor, requireCsrf],
    bodyLimit: settings.maxUploadBytes + 1024 * 1024,
  };
  scope.post(BASE, change, async (request, reply) => {
    const { id, measureId } = paramsOf(request);
    const form = (request.body ?? {}) as Record<string, unknown>;
    const file = form.file as { filename?: string; bytes?: Buffer } | undefined;
    try {
      if (!file?.bytes || file.bytes.length === 0)
        throw new DomainError('no_file', m('กรุณาเลือกไฟล์', 'Choose a file'), { field: 'file' });
      const upload = { fileName: file.filename ?? '', bytes: file.bytes };
      await addMeasureFile(ctx, settings, signedIn(request), { roundId: id, measureId }, upload);
      return reply.redirect(`/rounds/${id}/measures/${measureId}`);
    } catch (error) {
      if (
        !(error instanceof DomainError) ||
        error.code === 'not_found' ||
        error.code === 'forbidden'
      )
        return sendDomainError(request, reply, error);
      return showRefusal(ctx, request, reply, error);
    }
  });
}

/** Evidence files on a measure: upload (multipart, checked like OIT uploads), download, remove. */
export function registerMeasureFilesRoutes(app: FastifyInstance, options: AppOptions): void {
  const { ctx } = options;
  const settings = evidenceSettings(options);
  void app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: settings.maxUploadBytes, files: 1, fields: 10, parts: 12 },
      onFile: async (part: MultipartFile) => {
        const bytes = await part.toBuffer();
        (part as unknown as { value: unknown }).value = { filename: part.filename, bytes };
      },
    });
    scope.setErrorHandler(async (error, request, reply) => {
      if (!isUploadTooLarge(error)) throw error;
      return sendErrorPage(request, reply, 413, uploadTooLarge(settings.maxUploadBytes).messages);
    });
    registerUpload(scope, ctx, settings);
  });
  app.get(`${BASE}/:fileId`, { preValidation: requireActor }, async (request, reply) => {
    const { id, measureId, fileId } = paramsOf(request);
    try {
      const found = await loadMeasureFile(ctx, settings, signedIn(request), {
        roundId: id,
        measureId,
        fileId,
      });
      return sendDownload(reply, found.file, found.bytes);
    } catch (error) {
      return sendDomainError(request, reply, error);
    }
  });
  app.post(
    `${BASE}/:fileId/delete`,
    { preValidation: [requireActor, requireCsrf] },
    async (request, reply) => {
      const { id, measureId, fileId } = paramsOf(request);
      try {
        await removeMeasureFile(ctx, signedIn(request), { roundId: id, measureId, fileId });
        return reply.redirect(`/rounds/${id}/measures/${measureId}`);
      } catch (error) {
        return sendDomainError(request, reply, error);
      }
    },
  );
}
