import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxRecords } from './xlsx-records.js';
import { readZipWithin, ZipRefused } from './zip-bounds.js';

/** A ZIP archive of deflated entries; `declared` overrides the uncompressed size it states. */
function zipOf(entries: { name: string; data: Buffer; declared?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const packed = deflateRawSync(entry.data);
    const size = entry.declared ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof ZipRefused ? error.reason : 'other';
  }
  return 'read';
};

describe('ZIP archives are inflated within bounds', () => {
  const bounds = { maxUncompressedBytes: 1_000_000, maxEntries: 10 };

  it('reads entries within the bounds', () => {
    const zip = zipOf([{ name: 'a.xml', data: Buffer.from('<a>สวัสดี</a>') }]);
    const [entry] = readZipWithin(zip, bounds);
    expect(entry?.name).toBe('a.xml');
    expect(entry?.data.toString()).toBe('<a>สวัสดี</a>');
  });

  it('stops a bomb at the ceiling, whatever size the archive declares', () => {
    const bomb = Buffer.alloc(5_000_000, 32);
    expect(reason(() => readZipWithin(zipOf([{ name: 'x', data: bomb }]), bounds))).toBe(
      'too_large',
    );
    const lying = zipOf([{ name: 'x', data: bomb, declared: 100 }]);
    expect(reason(() => readZipWithin(lying, bounds))).toBe('too_large');
    const many = zipOf(
      Array.from({ length: 4 }, (_, i) => ({ name: `p${i}`, data: Buffer.alloc(400_000, 32) })),
    );
    expect(reason(() => readZipWithin(many, bounds))).toBe('too_large');
  });

  it('refuses too many entries and what is not a ZIP', () => {
    const entries = Array.from({ length: 11 }, (_, i) => ({
      name: `e${i}`,
      data: Buffer.from('x'),
    }));
    expect(reason(() => readZipWithin(zipOf(entries), bounds))).toBe('too_many_entries');
    expect(reason(() => readZipWithin(Buffer.from('PK\u0003\u0004 not really'), bounds))).toBe(
      'not_zip',
    );
  });
});

describe('readXlsxRecords checks a workbook before reading it', () => {
  it('reads an ordinary workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('คำตอบ');
    sheet.addRow(['ประทับเวลา', 'i1']);
    sheet.addRow(['2026-05-01', 4]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const { records, error } = await readXlsxRecords(buffer, 100);
    expect(error).toBeNull();
    expect(records.map((r) => r.fields)).toEqual([
      ['ประทับเวลา', 'i1'],
      ['2026-05-01', '4'],
    ]);
  });

  it('refuses a workbook that unpacks past 64 MB before the reader sees it', async () => {
    const sheet = Buffer.alloc(70 * 1024 * 1024, 32);
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: sheet, declared: 1000 }]);
    expect(bomb.length).toBeLessThan(200_000);
    const { records, error } = await readXlsxRecords(bomb, 100);
    expect(records).toEqual([]);
    expect(error?.en).toMatch(/too large once unpacked/);
  });

  it('refuses a sheet with far more rows than an import takes, before building them', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `<row r="${i + 1}"></row>`).join('');
    const xml = Buffer.from(`<worksheet><sheetData>${rows}</sheetData></worksheet>`);
    const zip = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: xml }]);
    const { error } = await readXlsxRecords(zip, 100);
    expect(error?.en).toMatch(/more than 100 rows/);
  });
});
