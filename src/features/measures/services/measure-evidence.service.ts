import { DomainError } from '../../../core/errors.js';
import { acceptUpload, type OpenedFile } from '../../../platform/infra/file-store.js';
import {
  deleteMeasureFile,
  insertMeasureFile,
  listMeasureFiles,
  type MeasureFile,
} from '../db/measure-evidence.repository.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import {
  filesOf,
  nowIso,
  type Actor,
  type ServiceContext,
} from '../../../platform/services/context.js';
import { loadMeasure, loadRound } from './measure-support.js';
import type { UploadedFile } from '../../oit-evidence/feature.js';

export type { MeasureFile } from '../db/measure-evidence.repository.js';

/** Most files one measure may hold (a register, not an archive). */
export const MAX_FILES_PER_MEASURE = 20;

function fileNotFound(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบไฟล์', en: 'File not found' });
}

/** The evidence files of one measure, for anyone who may see the round. */
export async function listEvidenceOfMeasure(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  measureId: string,
): Promise<MeasureFile[]> {
  await loadRound(ctx.db.kysely, actor, roundId, false);
  await loadMeasure(ctx.db.kysely, roundId, measureId);
  return listMeasureFiles(ctx.db.kysely, [measureId]);
}

/** Attaches an evidence file to a measure (checked like OIT uploads); audited. */
export async function addMeasureFile(
  ctx: ServiceContext,
  actor: Actor,
  ref: { roundId: string; measureId: string },
  upload: UploadedFile,
): Promise<MeasureFile> {
  const stored = acceptUpload(upload);
  return inTransaction(ctx, async (trx) => {
    const round = await loadRound(trx, actor, ref.roundId, true);
    await loadMeasure(trx, ref.roundId, ref.measureId);
    if ((await listMeasureFiles(trx, [ref.measureId])).length >= MAX_FILES_PER_MEASURE)
      throw new DomainError(
        'too_many_files',
        {
          th: `แนบไฟล์ได้ไม่เกิน ${MAX_FILES_PER_MEASURE} ไฟล์ต่อมาตรการ ไฟล์นี้ยังไม่ได้บันทึก`,
          en: `At most ${MAX_FILES_PER_MEASURE} files per measure; this file was not saved`,
        },
        { field: 'file' },
      );
    const file: MeasureFile = {
      id: ctx.ids.uuid(),
      measureId: ref.measureId,
      originalName: upload.fileName.slice(0, 200),
      storedName: stored.storedName,
      contentType: stored.contentType,
      size: stored.size,
      sha256: stored.sha256,
      uploadedBy: actor.user.id,
      uploadedAt: nowIso(ctx),
    };
    await insertMeasureFile(trx, file);
    await recordAudit(trx, ctx, actor, {
      action: 'measure.file_add',
      entityType: 'improvement_measure',
      entityId: ref.measureId,
      agencyId: round.agencyId,
      details: { fileId: file.id, name: file.originalName, sha256: file.sha256 },
    });
    return file;
  });
}

/** A measure's file opened for reading, for anyone who may see the round. */
export async function loadMeasureFile(
  ctx: ServiceContext,
  actor: Actor,
  ref: { roundId: string; measureId: string; fileId: string },
): Promise<{ file: MeasureFile; opened: OpenedFile }> {
  const files = await listEvidenceOfMeasure(ctx, actor, ref.roundId, ref.measureId);
  const file = files.find((f) => f.id === ref.fileId);
  const opened = file ? await filesOf(ctx).open(file.storedName) : null;
  if (!file || !opened) throw fileNotFound();
  return { file, opened };
}

/**
 * Takes a file off a measure; audited. The bytes stay in the store (the audit log names them by
 * sha256, and a backup restores them with the database).
 */
export async function removeMeasureFile(
  ctx: ServiceContext,
  actor: Actor,
  ref: { roundId: string; measureId: string; fileId: string },
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const round = await loadRound(trx, actor, ref.roundId, true);
    await loadMeasure(trx, ref.roundId, ref.measureId);
    const file = (await listMeasureFiles(trx, [ref.measureId])).find((f) => f.id === ref.fileId);
    if (!file) throw fileNotFound();
    await deleteMeasureFile(trx, file.id);
    await recordAudit(trx, ctx, actor, {
      action: 'measure.file_remove',
      entityType: 'improvement_measure',
      entityId: ref.measureId,
      agencyId: round.agencyId,
      details: { fileId: file.id, name: file.originalName, sha256: file.sha256 },
    });
  });
}
