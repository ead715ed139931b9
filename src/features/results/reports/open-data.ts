import { formatCsv } from '../../../core/csv-format.js';
import { WITHHELD_LABEL } from '../../../core/disclosure/disclosure.js';
import type { Text } from '../../../core/framework/edition.schema.js';

/** One published result as open data (one agency, one year). */
export interface OpenDataRecord {
  agencyCode: string;
  agencyName: string;
  agencyType: string;
  year: number;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  total: number | null;
  levelCode: string | null;
  levelName: Text | null;
  /** Columns withheld (too few respondents, core/disclosure): empty in CSV, null in JSON. */
  withheld: readonly string[];
}

/**
 * Column names of the open data files (stable: people's scripts read them; `note` was added
 * last: it says which figures are withheld and why, "ข้อมูลไม่พอ / not enough respondents").
 */
export const OPEN_DATA_COLUMNS = [
  'agency_code',
  'agency_name',
  'agency_type',
  'year',
  'iit',
  'eit',
  'oit',
  'total',
  'level_code',
  'level_name_th',
  'note',
] as const;

/** The note of a row with withheld figures: the text and the columns it applies to. */
function withheldNote(r: OpenDataRecord): string {
  return r.withheld.length === 0 ? '' : `${WITHHELD_LABEL}: ${r.withheld.join(', ')}`;
}

const number = (n: number | null) => (n === null ? '' : n.toFixed(2));

/** The rows as CSV (UTF-8 with BOM, CRLF, formula-guarded) through the one CSV writer. */
export function openDataCsv(rows: readonly OpenDataRecord[]): string {
  return formatCsv(
    OPEN_DATA_COLUMNS,
    rows.map((r) => [
      r.agencyCode,
      r.agencyName,
      r.agencyType,
      String(r.year),
      number(r.iit),
      number(r.eit),
      number(r.oit),
      number(r.total),
      r.levelCode ?? '',
      r.levelName?.th ?? '',
      withheldNote(r),
    ]),
  );
}

/** The rows as a JSON document: what it is, for which year, and one object per agency. */
export function openDataJson(year: number, rows: readonly OpenDataRecord[]) {
  return {
    dataset: 'ITA results (Prongsai open data)',
    year,
    count: rows.length,
    columns: OPEN_DATA_COLUMNS,
    records: rows.map((r) => ({
      agency_code: r.agencyCode,
      agency_name: r.agencyName,
      agency_type: r.agencyType,
      year: r.year,
      iit: r.iit,
      eit: r.eit,
      oit: r.oit,
      total: r.total,
      level_code: r.levelCode,
      level_name: r.levelName,
      withheld: [...r.withheld],
      withheld_reason: r.withheld.length === 0 ? null : WITHHELD_LABEL,
    })),
  };
}
