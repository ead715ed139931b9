import type { Kysely } from 'kysely';
import type { CsvRecord } from '../../../core/csv-records.js';
import {
  ASSET_CSV_COLUMNS,
  MAX_ASSET_ROWS,
  parseAssetCsv,
  parseAssetRecords,
  type AssetCsvResult,
  type AssetCsvRow,
} from '../core/asset-csv.js';
import { formatCsv } from '../../../core/csv-format.js';
import type { Message } from '../../../core/errors.js';
import { insertAsset, listAssetNumbers } from '../db/asset.repository.js';
import type { Database } from '../../../platform/db/schema.js';
import { newAsset } from './asset.service.js';
import { loadAssetAgency } from './asset-support.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { readXlsxRecords } from '../../../platform/imports/xlsx-records.js';

/** The file: CSV text or the bytes of an .xlsx workbook. */
export type AssetImportFile = { csvText: string } | { xlsxBuffer: Buffer };

/** What an import did or would do; `created` counts assets actually added. */
export interface AssetImportPreview {
  valid: boolean;
  format: 'csv' | 'xlsx';
  rows: AssetCsvRow[];
  fileErrors: Message[];
  created: number;
}

async function readFile(
  db: Kysely<Database>,
  agencyId: string,
  file: AssetImportFile,
): Promise<AssetCsvResult> {
  const existing = new Set(await listAssetNumbers(db, agencyId));
  if ('csvText' in file) return parseAssetCsv(file.csvText, existing);
  const { records, error }: { records: CsvRecord[]; error: Message | null } = await readXlsxRecords(
    file.xlsxBuffer,
    MAX_ASSET_ROWS,
  );
  if (error) return { rows: [], fileErrors: [error] };
  return parseAssetRecords(records, existing);
}

function toPreview(result: AssetCsvResult, format: 'csv' | 'xlsx'): AssetImportPreview {
  const valid = result.fileErrors.length === 0 && result.rows.every((r) => r.errors.length === 0);
  return { valid, format, ...result, created: 0 };
}

/**
 * Checks an asset register file and, unless `dryRun` or any row has a problem, adds every
 * asset in one transaction (all or nothing) with one audit entry for the import.
 */
export async function importAssets(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  file: AssetImportFile,
  options: { dryRun: boolean },
): Promise<AssetImportPreview> {
  const format = 'csvText' in file ? 'csv' : 'xlsx';
  const agency = await loadAssetAgency(ctx.db.kysely, actor, agencyId, true);
  if (options.dryRun) return toPreview(await readFile(ctx.db.kysely, agency.id, file), format);
  return inTransaction(ctx, async (trx) => {
    await loadAssetAgency(trx, actor, agencyId, true);
    // checked again inside the transaction: a number added meanwhile shows as a row error
    const preview = toPreview(await readFile(trx, agency.id, file), format);
    if (!preview.valid) return preview;
    for (const row of preview.rows)
      if (row.input) await insertAsset(trx, newAsset(ctx, agency.id, row.input));
    await recordAudit(trx, ctx, actor, {
      action: 'asset.import',
      entityType: 'asset',
      entityId: null,
      agencyId: agency.id,
      details: { format, count: preview.rows.length },
    });
    return { ...preview, created: preview.rows.length };
  });
}

/** The rows of a clean preview as CSV, so a checked XLSX can be confirmed as text. */
export function formatAssetRows(preview: AssetImportPreview): string {
  const rows = preview.rows.map((r) => [
    r.input?.assetNumber ?? r.assetNumber,
    r.input?.name ?? r.name,
    r.input?.category ?? '',
    r.input?.location ?? '',
    r.input?.custodianUnit ?? '',
    r.input?.acquiredOn ?? '',
  ]);
  return formatCsv([...ASSET_CSV_COLUMNS], rows);
}

/** An empty register file with the column names and one example row. */
export function assetTemplateCsv(): string {
  return formatCsv(
    [...ASSET_CSV_COLUMNS],
    [
      [
        '7440-001-0001/69',
        'เครื่องฉายภาพ',
        'ครุภัณฑ์สำนักงาน',
        'ห้องประชุม 1',
        'ฝ่ายบริหารทั่วไป',
        '2025-12-01',
      ],
    ],
  );
}
