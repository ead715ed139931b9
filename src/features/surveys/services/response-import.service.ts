import { formatCsv } from '../../../core/csv-format.js';
import { isAllowed } from '../../../core/access/roles.js';
import { DomainError } from '../../../core/errors.js';
import type { Instrument, Scale } from '../../../core/framework/edition.schema.js';
import {
  buildTemplateHeader,
  formatReviewCsv,
  importFileError,
  mappingToKeep,
  MAX_IMPORT_ROWS,
  parseResponseCsv,
  parseResponseRecords,
  type ColumnMapping,
  type DayOrder,
  type ResponseImportResult,
  type ResponseImportSpec,
} from '../core/response-import.js';
import { findRound, type Round } from '../../rounds/feature.js';
import { insertResponses, type NewResponse } from '../db/survey.repository.js';
import { findImportMapping, saveImportMapping } from '../db/import-mapping.repository.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { readXlsxRecords } from '../../../platform/imports/xlsx-records.js';
import { headerWorkbook } from '../../../platform/reports/report-xlsx.js';
import { loadRoundEdition } from './survey.service.js';
import { releaseOfRound } from './released-answers.service.js';
import { bangkokDay } from '../../../core/thai-calendar.js';
import { earliestStorableDay } from '../../../core/disclosure/live-release.js';

/** A survey instrument of a round that the actor may import answers into. */
export interface ImportTarget {
  round: Round;
  instrument: Instrument;
  scales: Scale[];
  spec: ResponseImportSpec;
}

/** The file: CSV text or the bytes of an .xlsx workbook. */
export type ResponseImportFile = { csvText: string } | { xlsxBuffer: Buffer };

/** What an import did or would do; `imported` counts responses actually stored. */
export interface ResponseImportPreview extends ResponseImportResult {
  valid: boolean;
  instrument: string;
  format: 'csv' | 'xlsx';
  imported: number;
  /** An XLSX sheet as CSV for the page's text box, personal columns emptied (not in the API). */
  reviewCsv?: string;
}

/** How to read the file: dry run or not, and the person's corrections. */
export interface ResponseImportOptions {
  dryRun: boolean;
  /** Header (or "#position") → item code, 'date', 'comment' or 'ignore'. */
  mapping?: ColumnMapping;
  /** The order of D/M/YYYY days when the day column cannot settle it. */
  dayOrder?: DayOrder;
}

function notFound(): DomainError {
  return new DomainError('not_found', {
    th: 'ไม่พบรอบการประเมินหรือแบบวัดนี้',
    en: 'Assessment round or survey not found',
  });
}

/** Whether the round takes answers now (imports, like the public form, only while collecting). */
export function isImportOpen(round: Round): boolean {
  return round.state === 'collecting';
}

/**
 * Loads a round's survey instrument for import: the actor must be able to see the round
 * (otherwise "not found") and import its answers ('survey.import', otherwise "forbidden").
 */
export async function loadImportTarget(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  instrumentCode: string,
): Promise<ImportTarget> {
  const round = await findRound(ctx.db.kysely, roundId);
  if (!round || !isAllowed(actor.grants, 'round.view', round.agencyPath)) throw notFound();
  if (!isAllowed(actor.grants, 'survey.import', round.agencyPath)) {
    throw new DomainError('forbidden', {
      th: 'คุณไม่มีสิทธิ์นำเข้าคำตอบแบบวัดของหน่วยงานนี้',
      en: 'You may not import survey answers of this agency',
    });
  }
  const { edition } = await loadRoundEdition(ctx, round.editionId);
  const wanted = instrumentCode.toUpperCase();
  const instrument = edition.instruments.find((i) => i.code.toUpperCase() === wanted);
  if (!instrument || instrument.kind !== 'survey') throw notFound();
  const today = bangkokDay(ctx.clock.now());
  const savedMapping = await findImportMapping(ctx.db.kysely, mappingKey(round, instrument.code));
  const spec = { edition, instrumentCode: instrument.code, today, savedMapping };
  return { round, instrument, scales: edition.scales, spec };
}

function mappingKey(round: Round, instrument: string) {
  return { agencyId: round.agencyId, editionId: round.editionId, instrument };
}

function assertOpen(round: Round): void {
  if (isImportOpen(round)) return;
  throw new DomainError('round_not_collecting', {
    th: 'รอบการประเมินนี้ไม่อยู่ในช่วงเก็บข้อมูล จึงนำเข้าคำตอบไม่ได้',
    en: 'This round is not collecting answers, so none can be imported',
  });
}

async function readFile(
  file: ResponseImportFile,
  spec: ResponseImportSpec,
): Promise<{ result: ResponseImportResult; reviewCsv?: string }> {
  if ('csvText' in file) return { result: parseResponseCsv(file.csvText, spec) };
  const { records, error } = await readXlsxRecords(file.xlsxBuffer, MAX_IMPORT_ROWS);
  if (error) return { result: importFileError(error) };
  const result = parseResponseRecords(records, spec);
  return { result, reviewCsv: formatReviewCsv(records, result) };
}

function toPreview(
  { result, reviewCsv }: { result: ResponseImportResult; reviewCsv?: string },
  instrument: string,
  format: 'csv' | 'xlsx',
): ResponseImportPreview {
  const valid = result.fileErrors.length === 0 && result.rows.every((r) => r.errors.length === 0);
  const review = reviewCsv === undefined ? {} : { reviewCsv };
  return { valid, instrument, format, ...result, imported: 0, ...review };
}

/**
 * Checks a file of survey answers against a round's instrument and, unless `dryRun` or
 * anything is wrong, stores every row in one transaction (all or nothing) with source
 * 'import' and the day only, plus one audit entry with the count (never the answers). The
 * columns matched by wording or by the person are kept as the agency's mapping for the next
 * file of this instrument and edition.
 */
export async function importResponses(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  instrumentCode: string,
  file: ResponseImportFile,
  options: ResponseImportOptions,
): Promise<ResponseImportPreview> {
  const target = await loadImportTarget(ctx, actor, roundId, instrumentCode);
  assertOpen(target.round);
  const format = 'csvText' in file ? 'csv' : 'xlsx';
  const spec = {
    ...target.spec,
    ...(options.mapping ? { mapping: options.mapping } : {}),
    ...(options.dayOrder ? { dayOrder: options.dayOrder } : {}),
  };
  const preview = toPreview(await readFile(file, spec), target.instrument.code, format);
  if (options.dryRun || !preview.valid) return preview;
  await inTransaction(ctx, async (trx) => {
    // the round may have moved on since the page was read
    const round = await findRound(trx, roundId);
    if (!round) throw notFound();
    assertOpen(round);
    // an answer dated on a day whose answers are already in the live scores is stored on the
    // day after them: otherwise those scores would move by the answers of fewer than the
    // minimum number of people (core/disclosure/live-release.ts)
    const compiled = await loadRoundEdition(ctx, round.editionId);
    const scope = { ...ctx, db: { ...ctx.db, kysely: trx } };
    const release = (await releaseOfRound(scope, compiled, round)).get(target.instrument.code);
    const responses: NewResponse[] = preview.rows.map((row) => ({
      id: ctx.ids.uuid(),
      roundId,
      agencyId: round.agencyId,
      instrument: target.instrument.code,
      answers: row.answers,
      submittedOn: release ? earliestStorableDay(row.day, release) : row.day,
      source: 'import',
      comment: row.comment ?? null,
    }));
    await insertResponses(trx, responses);
    const saved = target.spec.savedMapping ?? {};
    const kept = mappingToKeep(preview, saved);
    if (JSON.stringify(kept) !== JSON.stringify(saved)) {
      const key = mappingKey(round, target.instrument.code);
      await saveImportMapping(trx, key, kept, ctx.clock.now().toISOString());
    }
    await recordAudit(trx, ctx, actor, {
      action: 'survey_response.import',
      entityType: 'assessment_round',
      entityId: roundId,
      agencyId: round.agencyId,
      details: { instrument: target.instrument.code, count: responses.length, format },
    });
  });
  return { ...preview, imported: preview.rows.length };
}

/** The template of a round's instrument: a date column and one column per item, as CSV. */
export async function buildImportTemplate(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  instrumentCode: string,
): Promise<{ filename: string; csv: string }> {
  const { filename, header } = await templateOf(ctx, actor, roundId, instrumentCode);
  return { filename: `${filename}.csv`, csv: formatCsv(header) };
}

/** The same template as an Excel workbook (the header row the same as the CSV's). */
export async function buildImportTemplateXlsx(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  instrumentCode: string,
): Promise<{ filename: string; xlsx: Buffer }> {
  const { filename, header, instrument } = await templateOf(ctx, actor, roundId, instrumentCode);
  const xlsx = await headerWorkbook(instrument, header);
  return { filename: `${filename}.xlsx`, xlsx };
}

async function templateOf(ctx: ServiceContext, actor: Actor, roundId: string, code: string) {
  const { round, instrument, spec } = await loadImportTarget(ctx, actor, roundId, code);
  const header = buildTemplateHeader(spec.edition, instrument.code);
  const name = `${round.editionCode}-${instrument.code}-${round.agencyCode}-template`;
  return { filename: name.replace(/[^A-Za-z0-9._-]/g, '_'), header, instrument: instrument.code };
}
