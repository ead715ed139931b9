import { formatCsv } from '../../../core/csv-format.js';
import { WITHHELD_LABEL } from '../../../core/disclosure/disclosure.js';
import type { Text } from '../../../core/framework/edition.schema.js';
import type {
  CellValue,
  TableField,
  TableFieldType,
  TableSchema,
} from '../../../core/table-schema.js';

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

/** What may stand in the `withheld` column: the columns disclosure control can withhold. */
const WITHHOLDABLE = ['iit', 'eit', 'oit', 'total', 'level'] as const;

/** A score column: points out of 100. */
const SCORE = {
  type: 'number',
  unit: 'points',
  constraints: { minimum: 0, maximum: 100 },
} as const;

/**
 * One column of the open data: its name, type and meaning (title in Thai; description in Thai
 * and English, for the Table Schema), and its value in a record. The value is the logical one
 * (what JSON holds); CSV writes it as text, and a null as an empty cell.
 */
interface OpenDataColumn {
  name: string;
  type: TableFieldType;
  title: string;
  description: string;
  unit?: string;
  constraints?: { required?: boolean; minimum?: number; maximum?: number; pattern?: string };
  /** Its allowed values come from the data (agency types, the editions' rating levels). */
  enumOf?: 'agencyTypes' | 'levelCodes';
  value: (r: OpenDataRecord) => CellValue;
}

/** The note of a row with withheld figures: the text and the columns it applies to. */
function withheldNote(r: OpenDataRecord): string | null {
  return r.withheld.length === 0 ? null : `${WITHHELD_LABEL}: ${r.withheld.join(', ')}`;
}

const score = (name: 'iit' | 'eit' | 'oit' | 'total', th: string, en: string): OpenDataColumn => ({
  name,
  ...SCORE,
  title: th,
  description: `${th} (คะแนนเต็ม 100 ว่างเมื่อไม่มีคะแนนหรือข้อมูลไม่พอ) / ${en} (out of 100; empty when there is no score or too few respondents)`,
  value: (r) => r[name],
});

/**
 * The columns of the open data files, in order: one list drives the CSV header and cells, the
 * JSON records and the data package's Table Schema. Stable: people's scripts read them; `note`
 * was added after `level_name_th`, then `level_name_en` and `withheld` after it (added at the
 * end so that scripts reading columns by position keep working).
 */
const COLUMNS: readonly OpenDataColumn[] = [
  {
    name: 'agency_code',
    type: 'string',
    title: 'รหัสหน่วยงาน',
    description: 'รหัสหน่วยงาน / Agency code',
    constraints: { required: true },
    value: (r) => r.agencyCode,
  },
  {
    name: 'agency_name',
    type: 'string',
    title: 'ชื่อหน่วยงาน',
    description: 'ชื่อหน่วยงานตามที่เผยแพร่ผล / Agency name as published',
    constraints: { required: true },
    value: (r) => r.agencyName,
  },
  {
    name: 'agency_type',
    type: 'string',
    title: 'ประเภทหน่วยงาน',
    description: 'ประเภทหน่วยงาน (รหัส) / Kind of agency (code)',
    enumOf: 'agencyTypes',
    value: (r) => r.agencyType || null,
  },
  {
    name: 'year',
    type: 'integer',
    title: 'ปีงบประมาณที่ประเมิน (พ.ศ.)',
    description: 'ปีงบประมาณที่ประเมิน พุทธศักราช / Assessment year, Buddhist era',
    constraints: { required: true, minimum: 2500, maximum: 2800 },
    value: (r) => r.year,
  },
  score('iit', 'คะแนน IIT (การรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน)', 'IIT score (internal stakeholders)'),
  score('eit', 'คะแนน EIT (การรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก)', 'EIT score (external stakeholders)'),
  score('oit', 'คะแนน OIT (การเปิดเผยข้อมูลสาธารณะ)', 'OIT score (open data disclosure)'),
  score('total', 'คะแนนรวม ITA', 'ITA total score'),
  {
    name: 'level_code',
    type: 'string',
    title: 'รหัสระดับผลการประเมิน',
    description:
      'รหัสระดับผลการประเมินตามเกณฑ์ของปีนั้น ว่างเมื่อข้อมูลไม่พอ / Rating level code of the year’s scheme; empty when withheld',
    enumOf: 'levelCodes',
    value: (r) => r.levelCode,
  },
  {
    name: 'level_name_th',
    type: 'string',
    title: 'ระดับผลการประเมิน',
    description: 'ชื่อระดับผลการประเมิน (ภาษาไทย) / Rating level name in Thai',
    value: (r) => r.levelName?.th ?? null,
  },
  {
    name: 'note',
    type: 'string',
    title: 'หมายเหตุ',
    description: `คะแนนที่ไม่เผยแพร่และเหตุผล เช่น "${WITHHELD_LABEL}: iit, total, level" / Which figures are withheld and why`,
    value: (r) => withheldNote(r),
  },
  {
    name: 'level_name_en',
    type: 'string',
    title: 'ระดับผลการประเมิน (ภาษาอังกฤษ)',
    description: 'ชื่อระดับผลการประเมิน (ภาษาอังกฤษ) / Rating level name in English',
    value: (r) => r.levelName?.en ?? null,
  },
  {
    name: 'withheld',
    type: 'string',
    title: 'คอลัมน์ที่ไม่เผยแพร่',
    description:
      'คอลัมน์ที่ไม่เผยแพร่เพราะผู้ตอบน้อยกว่าเกณฑ์ คั่นด้วยจุลภาค (level คือ level_code และชื่อระดับ) ว่างเมื่อเผยแพร่ครบ / Columns withheld because too few people answered, comma-separated (level: level_code and the level names); empty when nothing is withheld',
    constraints: { pattern: `(${WITHHOLDABLE.join('|')})(,(${WITHHOLDABLE.join('|')}))*` },
    value: (r) => (r.withheld.length === 0 ? null : r.withheld.join(',')),
  },
];

/** Column names of the open data files, in order (the CSV header, each JSON record's keys). */
export const OPEN_DATA_COLUMNS = COLUMNS.map((c) => c.name);

/** A cell as CSV text: a number with two decimals, null empty. */
function cellText(column: OpenDataColumn, value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return column.type === 'number' ? value.toFixed(2) : String(value);
  return String(value);
}

/** The rows as CSV (UTF-8 with BOM, CRLF, formula-guarded) through the one CSV writer. */
export function openDataCsv(rows: readonly OpenDataRecord[]): string {
  return formatCsv(
    OPEN_DATA_COLUMNS,
    rows.map((r) => COLUMNS.map((c) => cellText(c, c.value(r)))),
  );
}

/** One record as JSON: exactly the columns, in order; null where the CSV cell is empty. */
function jsonRecord(r: OpenDataRecord): Record<string, CellValue> {
  return Object.fromEntries(COLUMNS.map((c) => [c.name, c.value(r)]));
}

/** The rows as a JSON document: what it is, for which year, its columns and one record each. */
export function openDataJson(year: number, rows: readonly OpenDataRecord[]) {
  return {
    dataset: 'ITA results (Prongsai open data)',
    year,
    count: rows.length,
    columns: OPEN_DATA_COLUMNS,
    records: rows.map(jsonRecord),
  };
}

/** The values the enumerated columns may take (from the agency types and the editions used). */
export interface OpenDataEnums {
  agencyTypes: readonly string[];
  levelCodes: readonly string[];
}

/**
 * The Frictionless Table Schema of the open data: every column with its type, Thai title,
 * Thai and English description, unit and constraints; one record per agency and year; an
 * empty cell means no value. Without `enums`, the enumerated columns list no values.
 */
export function openDataSchema(enums?: OpenDataEnums): TableSchema {
  const fields = COLUMNS.map((c): TableField => {
    const list = c.enumOf && enums ? [...enums[c.enumOf]] : null;
    const constraints = { ...c.constraints, ...(list ? { enum: list } : {}) };
    return {
      name: c.name,
      type: c.type,
      title: c.title,
      description: c.description,
      ...(c.unit ? { unit: c.unit } : {}),
      ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
    };
  });
  return { fields, primaryKey: ['agency_code', 'year'], missingValues: [''] };
}

/**
 * The licence of the open data, said on the open data page and in the data package: reuse with
 * attribution (CC BY 4.0, a licence every CKAN portal knows, `cc-by`).
 */
export const OPEN_DATA_LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0 International',
} as const;

/**
 * Version of the data package: its major part changes when a column changes meaning or goes
 * away, its minor part when a column is added (2: `level_name_en` and `withheld` added, the
 * JSON records made to hold exactly the columns).
 */
export const OPEN_DATA_VERSION = '2.0.0';

/** Where the open data lives on the site. */
export const OPEN_DATA_PATH = '/public/open-data';
export const openDataFilePath = (year: number, format: 'csv' | 'json') =>
  `${OPEN_DATA_PATH}/${year}.${format}`;
export const DATA_PACKAGE_PATH = `${OPEN_DATA_PATH}/datapackage.json`;

export interface OpenDataPackageInput extends OpenDataEnums {
  /** The site's origin (from APP_URL) for the absolute addresses of the files. */
  origin: string;
  /** The years with published results, newest first. */
  years: readonly number[];
  /** When the latest of the published results was published (ISO), or null. */
  created: string | null;
}

/**
 * The Frictionless Data Package describing the open data (`datapackage.json`), the shape a CKAN
 * portal harvests: the package's name, title, description, licence, homepage, version and
 * keywords, and for each published year its CSV file (a tabular resource with the Table Schema)
 * and its JSON file (the same records under `records`, with the same schema).
 */
export function openDataPackage(input: OpenDataPackageInput) {
  const schema = openDataSchema(input);
  const url = (path: string) => `${input.origin}${path}`;
  return {
    profile: 'tabular-data-package',
    name: 'prongsai-ita-results',
    title:
      'ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) / ITA results of public agencies',
    description:
      'ผลการประเมิน ITA ที่เผยแพร่แล้วของทุกหน่วยงาน ปีละหนึ่งไฟล์ (CSV และ JSON): คะแนน IIT, EIT, OIT, คะแนนรวมและระดับผล คะแนนที่มีผู้ตอบน้อยกว่าเกณฑ์ไม่เผยแพร่ (ช่องว่าง) / Published ITA results of every agency, one file a year (CSV and JSON): IIT, EIT and OIT scores, the total and the rating level. Scores resting on fewer respondents than the edition’s minimum are withheld (empty).',
    homepage: url(OPEN_DATA_PATH),
    licenses: [OPEN_DATA_LICENSE],
    version: OPEN_DATA_VERSION,
    ...(input.created ? { created: input.created } : {}),
    keywords: ['ITA', 'คุณธรรมและความโปร่งใส', 'integrity', 'transparency', 'IIT', 'EIT', 'OIT'],
    resources: input.years.flatMap((year) => [
      {
        profile: 'tabular-data-resource',
        name: `ita-results-${year}-csv`,
        title: `ผลการประเมิน ITA ปี ${year} (CSV) / ITA results ${year} (CSV)`,
        path: url(openDataFilePath(year, 'csv')),
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', header: true, lineTerminator: '\r\n' },
        schema,
      },
      {
        profile: 'data-resource',
        name: `ita-results-${year}-json`,
        title: `ผลการประเมิน ITA ปี ${year} (JSON) / ITA results ${year} (JSON)`,
        description:
          'ระเบียนอยู่ใน records เป็นออบเจกต์ตามคอลัมน์ของ schema / The records are under `records`, one object with the schema’s columns each',
        path: url(openDataFilePath(year, 'json')),
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        dialect: { property: 'records', itemType: 'object' },
        schema,
      },
    ]),
  };
}
