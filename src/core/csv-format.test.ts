import { describe, expect, it } from 'vitest';
import { formatCsv, guardCell } from './csv-format.js';

describe('formatCsv', () => {
  it('writes Thai with a byte-order mark, quotes what needs it and guards formulas', () => {
    const csv = formatCsv(
      ['code', 'คำอธิบาย'],
      [
        ['O1', 'มี "โครงสร้าง", และอำนาจหน้าที่'],
        ['O2', '=HYPERLINK("x")'],
        ['O3', 'บรรทัด 1\nบรรทัด 2'],
      ],
    );
    expect(csv.startsWith('\uFEFFcode,คำอธิบาย\r\n')).toBe(true);
    expect(csv).toContain('O1,"มี ""โครงสร้าง"", และอำนาจหน้าที่"');
    expect(csv).toContain(`O2,"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('O3,"บรรทัด 1\nบรรทัด 2"');
  });

  it('guards every formula lead', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r'])
      expect(guardCell(`${lead}1`)).toBe(`'${lead}1`);
    expect(guardCell('ปกติ')).toBe('ปกติ');
  });
});
