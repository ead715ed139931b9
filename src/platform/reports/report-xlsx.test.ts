import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openDataCsv, openDataJson, type OpenDataRecord } from '../../features/results/feature.js';
import { resultsWorkbook, rollupWorkbook, type XlsxResultNode } from './report-xlsx.js';

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
  lost: shown === null ? 0 : (100 - shown) / 10,
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
    expect(cells[5]?.[7]).toBe('ไม่แสดง (ผู้ตอบน้อยกว่า 5 คน)');
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
        },
        {
          rank: null,
          code: 'D02',
          name: 'กรมสอง',
          type: 'department',
          instruments: {},
          total: null,
          level: null,
        },
      ],
      weakest: [
        { code: '7', name: { th: 'ประสิทธิภาพการสื่อสาร', en: 'Communication' }, mean: 71.2, units: 1 },
      ],
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
    ]);
    expect(units?.getRow(3).getCell(9).value).toBe('ยังไม่มีผล');
    expect(units?.getRow(3).getCell(1).value).toBeNull();
    const weak = book.getWorksheet('ตัวชี้วัดที่อ่อนที่สุด');
    expect(weak?.getRow(2).values).toEqual([undefined, '7', 'ประสิทธิภาพการสื่อสาร', 71.2, 1]);
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
      levelCode: null,
      levelName: null,
    },
  ];

  it('writes CSV through the one CSV writer: quoted, formula-guarded, two decimals, empty for none', () => {
    expect(openDataCsv(rows)).toBe(
      '\uFEFFagency_code,agency_name,agency_type,year,iit,eit,oit,total,level_code,level_name_th\r\n' +
        `D01,"'+กรม, ""หนึ่ง""",department,2568,90.00,88.46,,,,\r\n`,
    );
  });

  it('writes JSON with the year, the count and one record per agency', () => {
    expect(openDataJson(2568, rows)).toMatchObject({
      year: 2568,
      count: 1,
      records: [
        { agency_code: 'D01', agency_name: '+กรม, "หนึ่ง"', iit: 90, oit: null, level_name: null },
      ],
    });
  });
});
