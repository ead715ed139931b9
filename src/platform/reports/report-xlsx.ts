import ExcelJS from 'exceljs';
import { guardCell } from '../../core/csv-format.js';
import type { Text } from '../../core/framework/edition.schema.js';
import type { ScoreNode } from '../../core/scoring/evaluate-scores.js';
import { WITHHELD_LABEL } from '../../core/disclosure/disclosure.js';

type Lang = keyof Text;

/** A node of a shown result (withheld ones carry no number, core/disclosure). */
export interface XlsxResultNode {
  type: ScoreNode['type'];
  code: string;
  name: Text;
  shown: number | null;
  lost: number | null;
  withheld: boolean;
  children: XlsxResultNode[];
}

/** What the results workbook holds. */
export interface ResultsWorkbookInput {
  agencyCode: string;
  agencyName: string;
  year: number;
  edition: string;
  total: number | null;
  level: Text | null;
  /** The total and level are withheld (too few respondents). */
  withheld: boolean;
  tree: XlsxResultNode;
}

/** One unit of a roll-up with its scores per instrument. */
export interface RollupWorkbookUnit {
  rank: number | null;
  code: string;
  name: string;
  type: string;
  instruments: Record<string, number | null>;
  total: number | null;
  level: Text | null;
  /** The instruments withheld (with them the total and level); null when nothing is. */
  withheld: string[] | null;
}

export interface RollupWorkbookInput {
  agencyName: string;
  year: number;
  instrumentCodes: string[];
  units: RollupWorkbookUnit[];
  weakest: { code: string; name: Text; mean: number; units: number }[];
  /** Units left out of every mean and count because figures of theirs are withheld. */
  withheldUnits: number;
}

const TYPE_NAMES: Record<ScoreNode['type'], Text> = {
  total: { th: 'คะแนนรวม', en: 'Total' },
  instrument: { th: 'เครื่องมือ', en: 'Instrument' },
  indicator: { th: 'ตัวชี้วัด', en: 'Indicator' },
  subindicator: { th: 'ตัวชี้วัดย่อย', en: 'Sub-indicator' },
  question: { th: 'ข้อคำถาม', en: 'Question' },
  item: { th: 'ข้อย่อย', en: 'Item' },
  oit_item: { th: 'ข้อ OIT', en: 'OIT item' },
};

const FONT = { name: 'TH Sarabun New', size: 14 };

function newBook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Prongsai';
  return book;
}

/** A sheet with a bold, frozen header row in the Thai office font. */
function sheetWith(
  book: ExcelJS.Workbook,
  name: string,
  columns: Array<{ header: string; width: number; number?: boolean }>,
): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width,
    style: { font: FONT, ...(c.number ? { numFmt: '0.00' } : {}) },
  }));
  sheet.getRow(1).font = { ...FONT, bold: true };
  return sheet;
}

const text = (value: string) => guardCell(value);

async function toBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

function addNodes(sheet: ExcelJS.Worksheet, node: XlsxResultNode, lang: Lang, path: string[]) {
  for (const child of node.children) {
    const instrument = child.type === 'instrument' ? child.code : (path[0] ?? '');
    const indicator = child.type === 'indicator' ? child.code : (path[1] ?? '');
    sheet.addRow([
      instrument,
      indicator,
      child.code,
      TYPE_NAMES[child.type][lang],
      text(child.name[lang]),
      child.withheld ? null : child.shown,
      child.withheld || child.lost === null ? null : Math.round(child.lost * 100) / 100,
      child.withheld ? WITHHELD_LABEL : '',
    ]);
    addNodes(sheet, child, lang, [instrument, indicator]);
  }
}

/**
 * A round's results as one sheet, instrument → indicator → question or item, each with its
 * score and the points of the total it lost; withheld ones carry no number and say
 * "ข้อมูลไม่พอ / not enough respondents" in the note column.
 */
export async function resultsWorkbook(
  input: ResultsWorkbookInput,
  lang: Lang = 'th',
): Promise<Buffer> {
  const book = newBook();
  const th = lang === 'th';
  const sheet = sheetWith(book, th ? 'ผลการประเมิน' : 'Results', [
    { header: th ? 'เครื่องมือ' : 'Instrument', width: 10 },
    { header: th ? 'ตัวชี้วัด' : 'Indicator', width: 10 },
    { header: th ? 'รหัส' : 'Code', width: 10 },
    { header: th ? 'ประเภท' : 'Kind', width: 14 },
    { header: th ? 'รายการ' : 'Name', width: 60 },
    { header: th ? 'คะแนน' : 'Score', width: 10, number: true },
    { header: th ? 'คะแนนรวมที่เสีย' : 'Points lost', width: 14, number: true },
    { header: th ? 'หมายเหตุ' : 'Note', width: 30 },
  ]);
  sheet.addRow([
    '',
    '',
    input.agencyCode,
    th ? 'คะแนนรวม' : 'Total',
    text(
      `${input.agencyName} · ${input.edition} · ${input.withheld ? WITHHELD_LABEL : (input.level?.[lang] ?? '')}`,
    ),
    input.withheld ? null : input.total,
    null,
    input.withheld ? WITHHELD_LABEL : '',
  ]);
  addNodes(sheet, input.tree, lang, []);
  return toBuffer(book);
}

/**
 * A parent body's roll-up: units with their scores per instrument, total, level and rank
 * (units without a result yet at the end), and a second sheet of the weakest indicators.
 */
export async function rollupWorkbook(
  input: RollupWorkbookInput,
  lang: Lang = 'th',
): Promise<Buffer> {
  const book = newBook();
  const th = lang === 'th';
  const units = sheetWith(book, th ? 'ผลรายหน่วยงาน' : 'Units', [
    { header: th ? 'อันดับ' : 'Rank', width: 8 },
    { header: th ? 'รหัส' : 'Code', width: 10 },
    { header: th ? 'หน่วยงาน' : 'Agency', width: 40 },
    { header: th ? 'ประเภท' : 'Type', width: 14 },
    ...input.instrumentCodes.map((code) => ({ header: code, width: 10, number: true })),
    { header: th ? 'คะแนนรวม' : 'Total', width: 12, number: true },
    { header: th ? 'ระดับ' : 'Level', width: 22 },
    { header: th ? 'หมายเหตุ' : 'Note', width: 40 },
  ]);
  for (const unit of input.units)
    units.addRow([
      unit.rank,
      text(unit.code),
      text(unit.name),
      text(unit.type),
      ...input.instrumentCodes.map((code) => unit.instruments[code] ?? null),
      unit.total,
      unit.withheld ? WITHHELD_LABEL : (unit.level?.[lang] ?? (th ? 'ยังไม่มีผล' : 'no result yet')),
      unit.withheld
        ? `${WITHHELD_LABEL}: ${[...unit.withheld, th ? 'คะแนนรวม ระดับ' : 'total, level'].join(', ')}`
        : '',
    ]);
  const weak = sheetWith(book, th ? 'ตัวชี้วัดที่อ่อนที่สุด' : 'Weakest indicators', [
    { header: th ? 'รหัส' : 'Code', width: 10 },
    { header: th ? 'ตัวชี้วัด' : 'Indicator', width: 50 },
    { header: th ? 'คะแนนเฉลี่ย' : 'Mean score', width: 12, number: true },
    { header: th ? 'จำนวนหน่วยงาน' : 'Units', width: 14 },
  ]);
  for (const x of input.weakest) weak.addRow([x.code, text(x.name[lang]), x.mean, x.units]);
  if (input.withheldUnits > 0)
    weak.addRow([
      '',
      th
        ? `ไม่นับ ${input.withheldUnits} หน่วยงานที่${WITHHELD_LABEL}`
        : `${input.withheldUnits} units left out: ${WITHHELD_LABEL}`,
    ]);
  book.title = `${input.agencyName} ${input.year}`;
  return toBuffer(book);
}
