import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Message } from '../../../core/errors.js';
import { m } from '../../http/i18n.js';
import { isUploadTooLarge, sendTooLarge } from '../../http/route-kit.js';

/** The largest file an import (CSV or XLSX) takes. */
export const MAX_IMPORT_FILE = 5 * 1024 * 1024;

/** The refusal of a file over MAX_IMPORT_FILE, or of more than one file. */
export const IMPORT_TOO_LARGE: Message = m(
  `ไฟล์ใหญ่เกินไป (ไม่เกิน ${MAX_IMPORT_FILE / (1024 * 1024)} MB และครั้งละหนึ่งไฟล์) กรุณาแบ่งเป็นหลายไฟล์`,
  `The file is too large (${MAX_IMPORT_FILE / (1024 * 1024)} MB at most, one file at a time); split it into several files`,
);

/**
 * Registers an import's routes in their own scope, where a form may be multipart (one file of
 * at most MAX_IMPORT_FILE, fields up to `bodyLimit`, at most `maxFields` fields: 10 unless the
 * form has a field per column) and a too-large upload answers 413.
 */
export function registerImportScope(
  app: FastifyInstance,
  bodyLimit: number,
  register: (scope: FastifyInstance) => void,
  maxFields = 10,
): void {
  void app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: {
        fileSize: MAX_IMPORT_FILE,
        files: 1,
        fields: maxFields,
        parts: maxFields + 2,
        fieldSize: bodyLimit,
      },
    });
    scope.setErrorHandler(async (error, request, reply) => {
      if (!isUploadTooLarge(error)) throw error;
      return sendTooLarge(request, reply, IMPORT_TOO_LARGE);
    });
    register(scope);
  });
}
