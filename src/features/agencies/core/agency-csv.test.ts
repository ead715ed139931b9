import { describe, expect, it } from 'vitest';
import { parseAgencyCsv, type AgencyCsvRow } from './agency-csv.js';
import { readCsvRecords } from '../../../core/csv-records.js';

const HEADER = 'code,parent_code,type,name_th,name_en,website,eligible_staff';

function errorsOf(row: AgencyCsvRow | undefined) {
  return (row?.errors ?? []).map((e) => `${e.field}: ${e.message.th}`);
}

function rowAt(rows: AgencyCsvRow[], line: number) {
  return rows.find((row) => row.line === line);
}

describe('readCsvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks (RFC 4180)', () => {
    const { records, error } = readCsvRecords('a,b\r\n"x, y","say ""hi""\r\nthere"\r\nlast,1');
    expect(error).toBeNull();
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"\r\nthere'] },
      { line: 4, fields: ['last', '1'] },
    ]);
  });

  it('skips blank lines but keeps the line count', () => {
    const { records } = readCsvRecords('a\n\nb\n');
    expect(records).toEqual([
      { line: 1, fields: ['a'] },
      { line: 3, fields: ['b'] },
    ]);
  });

  it('reports a quote that is never closed, with the line it opens on', () => {
    expect(readCsvRecords('a\nb,"open\nstill').error).toEqual({
      line: 2,
      kind: 'unterminated_quote',
    });
  });
});

describe('parseAgencyCsv', () => {
  it('reads Thai text, a byte-order mark and CRLF, and defaults the English name', () => {
    const text = `\uFEFF${HEADER}\r\nMOI,,ministry,"กระทรวงมหาดไทย, สำนักงานปลัด",,https://moi.go.th,"1,200"\r\n`;
    const { rows, fileErrors } = parseAgencyCsv(text);
    expect(fileErrors).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ line: 2, code: 'MOI', parentCode: null, errors: [] });
    expect(rows[0]?.input).toEqual({
      code: 'MOI',
      type: 'ministry',
      nameTh: 'กระทรวงมหาดไทย, สำนักงานปลัด',
      nameEn: 'กระทรวงมหาดไทย, สำนักงานปลัด',
      website: 'https://moi.go.th',
      eligibleStaff: 1200,
    });
  });

  it('accepts a file without the optional columns, in any column order', () => {
    const { rows, fileErrors } = parseAgencyCsv(
      'name_th,type,code,parent_code\nกรมหนึ่ง,department,D1,',
    );
    expect(fileErrors).toEqual([]);
    expect(rows[0]?.input).toMatchObject({ code: 'D1', nameEn: 'กรมหนึ่ง', eligibleStaff: null });
  });

  it('puts parents before their children whatever the file order', () => {
    const text = [
      HEADER,
      'C1,B1,unit,หน่วย ค,,,',
      'B1,A1,department,กรม ข,,,',
      'A1,,ministry,กระทรวง ก,,,',
      'B2,A1,department,กรม ง,,,',
    ].join('\n');
    const { rows } = parseAgencyCsv(text);
    expect(rows.map((row) => row.code)).toEqual(['A1', 'B1', 'C1', 'B2']);
    expect(rows.every((row) => row.errors.length === 0)).toBe(true);
  });

  it('reports each invalid field with its line and CSV column', () => {
    const text = [
      HEADER,
      'OK1,,ministry,ดี,,,',
      'bad code!,,ministry,ชื่อ,,,',
      'X2,,castle,ชื่อ,,,',
      'X3,,unit,,,,',
      'X4,,unit,ชื่อ,,ftp://example.org,',
      'X5,,unit,ชื่อ,,,-3',
      'X6,,unit,ชื่อ,,,,extra',
    ].join('\n');
    const { rows } = parseAgencyCsv(text);
    expect(errorsOf(rowAt(rows, 2))).toEqual([]);
    expect(errorsOf(rowAt(rows, 3))).toEqual([
      'code: รหัสหน่วยงานใช้ได้เฉพาะอักษรอังกฤษ ตัวเลข และ . - _',
    ]);
    expect(errorsOf(rowAt(rows, 4))).toEqual(['type: กรุณาเลือกประเภทหน่วยงาน']);
    expect(errorsOf(rowAt(rows, 5))).toEqual(['name_th: กรุณากรอกชื่อหน่วยงานภาษาไทย']);
    expect(errorsOf(rowAt(rows, 6))[0]).toMatch(/^website: เว็บไซต์ต้องขึ้นต้นด้วย http/);
    expect(errorsOf(rowAt(rows, 7))[0]).toMatch(/^eligible_staff: จำนวนบุคลากรต้องเป็นจำนวนเต็ม/);
    expect(errorsOf(rowAt(rows, 8))[0]).toMatch(/^row: มี 8 ช่อง/);
    expect(rowAt(rows, 3)?.input).toBeNull();
    expect(rowAt(rows, 5)?.errors[0]?.message.en).toBe('enter the Thai name');
  });

  it('reports a code repeated in the file on the later line, and a code already in use', () => {
    const text = [HEADER, 'A1,,ministry,ก,,,', 'A1,,ministry,ข,,,', 'OLD,,ministry,ค,,,'].join(
      '\n',
    );
    const { rows } = parseAgencyCsv(text, new Set(['OLD']));
    expect(errorsOf(rowAt(rows, 2))).toEqual([]);
    expect(errorsOf(rowAt(rows, 3))).toEqual(['code: รหัส "A1" ซ้ำกับบรรทัดที่ 2']);
    expect(errorsOf(rowAt(rows, 4))).toEqual(['code: รหัส "OLD" มีในระบบแล้ว']);
  });

  it('accepts a parent already in the system and refuses an unknown one', () => {
    const text = [HEADER, 'U1,MOI,unit,หน่วย 1,,,', 'U2,NOPE,unit,หน่วย 2,,,'].join('\n');
    const { rows } = parseAgencyCsv(text, new Set(['MOI']));
    expect(errorsOf(rowAt(rows, 2))).toEqual([]);
    expect(errorsOf(rowAt(rows, 3))).toEqual([
      'parent_code: ไม่พบหน่วยงานแม่รหัส "NOPE" ทั้งในไฟล์และในระบบ',
    ]);
    expect(rowAt(rows, 2)?.parentCode).toBe('MOI');
  });

  it('reports parent cycles on every row of the cycle, and an agency that is its own parent', () => {
    const text = [
      HEADER,
      'A,C,unit,ก,,,',
      'B,A,unit,ข,,,',
      'C,B,unit,ค,,,',
      'D,,unit,ง,,,',
      'E,E,unit,จ,,,',
    ].join('\n');
    const { rows } = parseAgencyCsv(text);
    for (const line of [2, 3, 4])
      expect(errorsOf(rowAt(rows, line))).toEqual([
        'parent_code: หน่วยงานแม่วนกันเป็นวง (บรรทัด 2, 3, 4)',
      ]);
    expect(errorsOf(rowAt(rows, 5))).toEqual([]);
    expect(errorsOf(rowAt(rows, 6))).toEqual(['parent_code: หน่วยงานเป็นหน่วยงานแม่ของตัวเองไม่ได้']);
    expect(rows).toHaveLength(5);
  });

  it('handles a long chain of parents without running out of stack', () => {
    const lines = [HEADER];
    for (let i = 5000; i >= 1; i -= 1)
      lines.push(`N${i},${i > 1 ? `N${i - 1}` : ''},unit,หน่วย ${i},,,`);
    const { rows } = parseAgencyCsv(lines.join('\n'));
    expect(rows[0]?.code).toBe('N1');
    expect(rows.at(-1)?.code).toBe('N5000');
  });

  it('reports problems with the file itself', () => {
    expect(parseAgencyCsv('').fileErrors[0]?.th).toContain('ไฟล์ว่าง');
    expect(parseAgencyCsv(HEADER).fileErrors[0]?.th).toBe('ไฟล์ไม่มีข้อมูลหน่วยงาน');
    expect(parseAgencyCsv('code,type\nA,unit').fileErrors[0]?.th).toBe(
      'บรรทัดที่ 1 ขาดคอลัมน์: parent_code, name_th',
    );
    expect(parseAgencyCsv(`${HEADER},colour\n`).fileErrors[0]?.en).toBe(
      'Line 1 has unknown column(s): colour',
    );
    expect(parseAgencyCsv(`${HEADER}\nA,,unit,"ก`).fileErrors[0]?.th).toBe(
      'บรรทัดที่ 2: เครื่องหมายคำพูด (") ไม่ได้ปิด',
    );
  });
});

describe('readCsvRecords on larger input', () => {
  it('reports a quote inside an unquoted field', () => {
    expect(readCsvRecords('a,b"c').error).toEqual({ line: 1, kind: 'stray_quote' });
  });

  it('reads the largest allowed file quickly', () => {
    const row = '"หน่วย, ""ทดสอบ""",unit,https://example.go.th,123';
    const text = Array.from({ length: 20_000 }, () => row).join('\r\n');
    const started = performance.now();
    const { records } = readCsvRecords(text);
    expect(records).toHaveLength(20_000);
    expect(records[1]?.fields[0]).toBe('หน่วย, "ทดสอบ"');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
