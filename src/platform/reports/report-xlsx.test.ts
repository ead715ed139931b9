import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  OPEN_DATA_COLUMNS,
  openDataCsv,
  openDataJson,
  type OpenDataRecord,
} from '../../features/results/feature.js';
import {
  ignoreNumbersStoredAsText,
  resultsWorkbook,
  rollupWorkbook,
  type XlsxResultNode,
} from './report-xlsx.js';

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  // exceljs types ask for an ArrayBuffer; it reads a Node Buffer as well
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

const leaf = (
  type: XlsxResultNode['type'],
  code: string,
  shown: number | null,
  withheld = false,
  children: XlsxResultNode[] = [],
): XlsxResultNode => ({
  type,
  code,
  name: { th: `ชื่อ ${code}`, en: `name ${code}` },
  shown,
  lost: shown === null ? null : (100 - shown) / 10,
  withheld,
  children,
});

describe('results workbook', () => {
  it('lists instrument → indicator → question with scores and withheld questions without a number', async () => {
    const tree = leaf('total', 'total', 80, false, [
      leaf('instrument', 'IIT', 80, false, [
        leaf('indicator', '1', 80, false, [
          leaf('question', 'i1', 75),
          leaf('question', 'i2', null, true),
        ]),
      ]),
    ]);
    const bytes = await resultsWorkbook({
      agencyCode: 'D01',
      agencyName: '=กรมทดสอบ',
      year: 2568,
      edition: 'ita-2568',
      total: 80,
      level: { th: 'ต้องปรับปรุง', en: 'Needs improvement' },
      withheld: false,
      tree,
    });
    const sheet = (await read(bytes)).getWorksheet('ผลการประเมิน');
    const rows = (sheet?.getSheetValues() ?? []).slice(1) as unknown[][];
    const cells = rows.map((r) => r.slice(1));
    expect(cells[0]).toEqual([
      'เครื่องมือ',
      'ตัวชี้วัด',
      'รหัส',
      'ประเภท',
      'รายการ',
      'คะแนน',
      'คะแนนรวมที่เสีย',
      'หมายเหตุ',
    ]);
    expect(cells[1]?.[4]).toBe("'=กรมทดสอบ · ita-2568 · ต้องปรับปรุง");
    expect(cells[1]?.[5]).toBe(80);
    expect(cells[4]).toEqual(['IIT', '1', 'i1', 'ข้อคำถาม', 'ชื่อ i1', 75, 2.5, '']);
    expect(cells[5]?.slice(0, 5)).toEqual(['IIT', '1', 'i2', 'ข้อคำถาม', 'ชื่อ i2']);
    expect(cells[5]?.[5]).toBeUndefined();
    expect(cells[5]?.[6]).toBeUndefined();
    expect(cells[5]?.[7]).toBe('ข้อมูลไม่พอ / not enough respondents');
  });

  it('writes no withheld total or level: an empty cell and the note', async () => {
    const tree = leaf('total', 'total', null, true, [leaf('instrument', 'IIT', null, true)]);
    const bytes = await resultsWorkbook(
      {
        agencyCode: 'D01',
        agencyName: 'กรมทดสอบ',
        year: 2569,
        edition: 'ita-2569',
        total: null,
        level: null,
        withheld: true,
        tree,
      },
      'en',
    );
    const rows = ((await read(bytes)).getWorksheet('Results')?.getSheetValues() ?? []).slice(1);
    const total = (rows[1] as unknown[]).slice(1);
    expect(total[4]).toBe('กรมทดสอบ · ita-2569 · ข้อมูลไม่พอ / not enough respondents');
    expect(total[5]).toBeUndefined();
    expect(total[7]).toBe('ข้อมูลไม่พอ / not enough respondents');
    expect((rows[2] as unknown[]).slice(1)).toEqual([
      'IIT',
      '',
      'IIT',
      'Instrument',
      'name IIT',
      undefined,
      undefined,
      'ข้อมูลไม่พอ / not enough respondents',
    ]);
  });
});

describe('roll-up workbook', () => {
  it('writes ranked units with instrument scores, units without a result, and the weakest indicators', async () => {
    const bytes = await rollupWorkbook({
      agencyName: 'กระทรวงทดสอบ',
      year: 2568,
      instrumentCodes: ['IIT', 'EIT', 'OIT'],
      units: [
        {
          rank: 1,
          code: 'D01',
          name: 'กรมหนึ่ง',
          type: 'department',
          instruments: { IIT: 90, EIT: 88.5, OIT: 100 },
          total: 93.55,
          level: { th: 'ผ่านดี', en: 'Good pass' },
          withheld: null,
        },
        {
          rank: null,
          code: 'D02',
          name: 'กรมสอง',
          type: 'department',
          instruments: {},
          total: null,
          level: null,
          withheld: null,
        },
        {
          rank: null,
          code: 'L01',
          name: 'อบต.',
          type: 'local',
          instruments: { IIT: null, EIT: 91, OIT: 100 },
          total: null,
          level: null,
          withheld: ['IIT'],
        },
      ],
      weakest: [
        { code: '7', name: { th: 'ประสิทธิภาพการสื่อสาร', en: 'Communication' }, mean: 71.2, units: 1 },
      ],
      withheldUnits: 1,
    });
    const book = await read(bytes);
    const units = book.getWorksheet('ผลรายหน่วยงาน');
    expect(units?.getRow(1).values).toEqual([
      undefined,
      'อันดับ',
      'รหัส',
      'หน่วยงาน',
      'ประเภท',
      'IIT',
      'EIT',
      'OIT',
      'คะแนนรวม',
      'ระดับ',
      'หมายเหตุ',
    ]);
    expect(units?.getRow(2).values).toEqual([
      undefined,
      1,
      'D01',
      'กรมหนึ่ง',
      'department',
      90,
      88.5,
      100,
      93.55,
      'ผ่านดี',
      '',
    ]);
    expect(units?.getRow(3).getCell(9).value).toBe('ยังไม่มีผล');
    expect(units?.getRow(3).getCell(1).value).toBeNull();
    // a unit with withheld figures: empty cells where withheld, the text for its level and a note
    const withheld = units?.getRow(4).values as unknown[];
    expect(withheld.slice(5, 9)).toEqual([undefined, 91, 100, undefined]);
    expect(withheld[9]).toBe('ข้อมูลไม่พอ / not enough respondents');
    expect(withheld[10]).toBe('ข้อมูลไม่พอ / not enough respondents: IIT, คะแนนรวม ระดับ');
    const weak = book.getWorksheet('ตัวชี้วัดที่อ่อนที่สุด');
    expect(weak?.getRow(2).values).toEqual([undefined, '7', 'ประสิทธิภาพการสื่อสาร', 71.2, 1]);
    expect(weak?.getRow(3).getCell(2).value).toBe(
      'ไม่นับ 1 หน่วยงานที่ข้อมูลไม่พอ / not enough respondents',
    );
  });
});

/** The XML of each worksheet of a written workbook, by its path in the zip. */
async function sheetXmls(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const xmls = new Map<string, string>();
  for (const path of Object.keys(zip.files).filter((f) =>
    /^xl\/worksheets\/sheet\d+\.xml$/.test(f),
  ))
    xmls.set(path, (await zip.file(path)?.async('string')) ?? '');
  return xmls;
}

describe('workbook cells as Excel shows them', () => {
  const tree = leaf('total', 'total', 80, false, [
    leaf('instrument', 'IIT', 80, false, [
      leaf('indicator', '1', 80, false, [leaf('item', '1.10', 75)]),
    ]),
  ]);
  const results = () =>
    resultsWorkbook({
      agencyCode: '00123',
      agencyName: 'กรมทดสอบ',
      year: 2569,
      edition: 'เกณฑ์ปี 2569',
      total: 80,
      level: { th: 'ผ่าน', en: 'Pass' },
      withheld: false,
      tree,
    });

  it('keeps codes as text (leading zeros, 1.10) and tells Excel not to flag them as numbers stored as text', async () => {
    const bytes = await results();
    const sheet = (await read(bytes)).getWorksheet('ผลการประเมิน');
    expect(sheet?.getRow(2).getCell(3).value).toBe('00123');
    const item = sheet?.getRow(5);
    expect([item?.getCell(2).value, item?.getCell(3).value]).toEqual(['1', '1.10']);
    expect(item?.getCell(3).type).toBe(ExcelJS.ValueType.String);
    const xmls = [...(await sheetXmls(bytes)).values()];
    expect(xmls).toHaveLength(1);
    const xml = xmls[0] ?? '';
    expect(xml).toContain(
      `<ignoredErrors><ignoredError sqref="${sheet?.dimensions.range}" numberStoredAsText="1"/></ignoredErrors>`,
    );
    expect(sheet?.dimensions.range).toBe('A1:H5');
    // in the order a worksheet's elements must come: after the page set-up, last here
    expect(xml.indexOf('<ignoredErrors>')).toBeGreaterThan(xml.indexOf('<pageMargins'));
    expect(xml.endsWith('</ignoredErrors></worksheet>')).toBe(true);
  });

  it('marks every sheet of a workbook, each over its own cells', async () => {
    const bytes = await rollupWorkbook({
      agencyName: 'กระทรวงทดสอบ',
      year: 2569,
      instrumentCodes: ['IIT'],
      units: [
        {
          rank: 1,
          code: '0101',
          name: 'กรมหนึ่ง',
          type: 'สำนักงานเขตพื้นที่การศึกษา',
          instruments: { IIT: 90 },
          total: 90,
          level: { th: 'ผ่านดี', en: 'Good pass' },
          withheld: null,
        },
      ],
      weakest: [{ code: '7', name: { th: 'การสื่อสาร', en: 'Communication' }, mean: 71.2, units: 1 }],
      withheldUnits: 0,
    });
    const ranges = [...(await sheetXmls(bytes)).values()].map(
      (xml) => /<ignoredError sqref="([^"]+)" numberStoredAsText="1"\/>/.exec(xml)?.[1],
    );
    expect(ranges).toEqual(['A1:H2', 'A1:D2']);
    expect((await read(bytes)).getWorksheet('ผลรายหน่วยงาน')?.getRow(2).getCell(2).value).toBe(
      '0101',
    );
  });

  it('wraps long text (names, notes) at the top of its row, in columns wide enough to read', async () => {
    const sheet = (await read(await results())).getWorksheet('ผลการประเมิน');
    const name = sheet?.getRow(5).getCell(5);
    expect(name?.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet?.getRow(5).getCell(8).alignment).toMatchObject({ wrapText: true });
    // a code stays on one line, at the top
    expect(sheet?.getRow(5).getCell(3).alignment?.wrapText).toBeUndefined();
    expect(sheet?.getRow(5).getCell(3).alignment?.vertical).toBe('top');
    expect(sheet?.getColumn(5).width).toBeGreaterThanOrEqual(50);
    expect(sheet?.getRow(1).getCell(7).alignment).toMatchObject({ wrapText: true });
  });

  it('puts <ignoredErrors> before the elements a worksheet must end with, once', () => {
    const xml = '<worksheet><sheetData/><pageMargins/><tableParts count="0"/><extLst/></worksheet>';
    const once = ignoreNumbersStoredAsText(xml, 'A1:B2');
    expect(once).toBe(
      '<worksheet><sheetData/><pageMargins/><ignoredErrors><ignoredError sqref="A1:B2" numberStoredAsText="1"/></ignoredErrors><tableParts count="0"/><extLst/></worksheet>',
    );
    expect(ignoreNumbersStoredAsText(once, 'A1:B2')).toBe(once);
  });
});

describe('open data', () => {
  const rows: OpenDataRecord[] = [
    {
      agencyCode: 'D01',
      agencyName: '+กรม, "หนึ่ง"',
      agencyType: 'department',
      year: 2568,
      iit: 90,
      eit: 88.456,
      oit: null,
      total: null,
      levelCode: 'excellent',
      levelName: { th: 'ผ่านดีเยี่ยม', en: 'Excellent pass' },
      withheld: [],
    },
    {
      agencyCode: 'L01',
      agencyName: 'อบต.',
      agencyType: 'local',
      year: 2568,
      iit: null,
      eit: 91,
      oit: 100,
      total: null,
      levelCode: null,
      levelName: null,
      withheld: ['iit', 'total', 'level'],
    },
  ];

  it('writes CSV through the one CSV writer: quoted, formula-guarded, two decimals, empty for none', () => {
    expect(openDataCsv(rows)).toBe(
      '\uFEFFagency_code,agency_name,agency_type,year,iit,eit,oit,total,level_code,level_name_th,note,level_name_en,withheld\r\n' +
        `D01,"'+กรม, ""หนึ่ง""",department,2568,90.00,88.46,,,excellent,ผ่านดีเยี่ยม,,Excellent pass,\r\n` +
        'L01,อบต.,local,2568,,91.00,100.00,,,,"ข้อมูลไม่พอ / not enough respondents: iit, total, level",,"iit,total,level"\r\n',
    );
  });

  it('writes JSON with the year, the count and one record per agency, of exactly the columns', () => {
    const json = openDataJson(2568, rows);
    expect(json).toMatchObject({ year: 2568, count: 2, columns: OPEN_DATA_COLUMNS });
    // each record: the CSV's columns in its order, null where the CSV cell is empty
    expect(json.records).toEqual([
      {
        agency_code: 'D01',
        agency_name: '+กรม, "หนึ่ง"',
        agency_type: 'department',
        year: 2568,
        iit: 90,
        eit: 88.456,
        oit: null,
        total: null,
        level_code: 'excellent',
        level_name_th: 'ผ่านดีเยี่ยม',
        note: null,
        level_name_en: 'Excellent pass',
        withheld: null,
      },
      {
        agency_code: 'L01',
        agency_name: 'อบต.',
        agency_type: 'local',
        year: 2568,
        iit: null,
        eit: 91,
        oit: 100,
        total: null,
        level_code: null,
        level_name_th: null,
        note: 'ข้อมูลไม่พอ / not enough respondents: iit, total, level',
        level_name_en: null,
        withheld: 'iit,total,level',
      },
    ]);
    for (const record of json.records) expect(Object.keys(record)).toEqual(OPEN_DATA_COLUMNS);
  });
});
