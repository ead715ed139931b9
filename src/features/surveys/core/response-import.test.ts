import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../../core/csv-records.js';
import { EditionSchema } from '../../../core/framework/edition.schema.js';
import { makeScoringEdition } from '../../../core/scoring/scoring.fixture.js';
import {
  buildTemplateHeader,
  parseImportDay,
  parseResponseCsv,
  parseResponseRecords,
  type ResponseImportSpec,
} from './response-import.js';

/** The scoring fixture with the real Thai labels of the four-level and yes/no scales. */
function makeEdition() {
  const input = makeScoringEdition();
  const labels: Record<string, [string, string]> = {
    '1': ['น้อยที่สุดหรือไม่มีเลย', 'least or none'],
    '2': ['น้อย', 'a little'],
    '3': ['มาก', 'much'],
    '4': ['มากที่สุด', 'most'],
    Y: ['มี', 'yes'],
    N: ['ไม่มี', 'no'],
  };
  for (const scale of input.scales ?? []) {
    for (const option of scale.options) {
      const label = labels[String(option.code)];
      if (label) option.label = { th: label[0], en: label[1] };
    }
  }
  return EditionSchema.parse(input);
}

const spec: ResponseImportSpec = {
  edition: makeEdition(),
  instrumentCode: 'IIT',
  today: '2026-05-20',
};
const parse = (text: string) => parseResponseCsv(text, spec);

describe('response import', () => {
  it('reads codes and Thai labels, a date column, and blank cells as unanswered', () => {
    const result = parse(
      [
        'date,i1.1,i1.2,i2,i3,i4',
        '2026-05-14,4,3,N,2,1',
        '2569-05-15,มากที่สุด,น้อย,ไม่มี,,น้อยที่สุดหรือไม่มีเลย',
        ',most,1,y,DK,',
      ].join('\n'),
    );
    expect(result.fileErrors).toEqual([]);
    expect(result.itemColumns).toEqual(['i1.1', 'i1.2', 'i2', 'i3', 'i4']);
    expect(result.rows.map((r) => [r.line, r.day, r.answers, r.errors])).toEqual([
      [2, '2026-05-14', { 'i1.1': '4', 'i1.2': '3', i2: 'N', i3: '2', i4: '1' }, []],
      [3, '2026-05-15', { 'i1.1': '4', 'i1.2': '2', i2: 'N', i4: '1' }, []],
      [4, '2026-05-20', { 'i1.1': '4', 'i1.2': '1', i2: 'Y', i3: 'DK' }, []],
    ]);
  });

  it('names the line and the column of an invalid answer, and refuses an empty row', () => {
    const result = parse('i1.1,i2\n5,Y\n,\n4,\n"",""\n,x');
    const errors = result.rows.map((r) => [r.line, r.errors.map((e) => e.column)]);
    // line 3 (",") is blank and skipped; a row of only blank cells is no respondent
    expect(errors).toEqual([
      [2, ['i1.1']],
      [4, []],
      [6, ['i2']],
    ]);
    expect(result.rows[0]?.errors[0]?.message.th).toContain('บรรทัดที่ 2 คอลัมน์ i1.1');
    expect(result.rows[0]?.errors[0]?.message.en).toContain('Line 2, column i1.1');
    const empty = parse('date,i1.1,i2\n2026-05-01,,');
    expect(empty.rows[0]?.errors[0]?.column).toBe('row');
    expect(empty.rows[0]?.errors[0]?.message.en).toContain('no answer');
  });

  it('refuses unknown item columns, question codes with sub-items and other instruments', () => {
    const result = parse('i1.1,i9,i1,e1,i1.1\n4,4,4,4,4');
    expect(result.rows).toEqual([]);
    const text = result.fileErrors.map((e) => e.en).join('\n');
    expect(text).toContain('no item i9 in IIT');
    expect(text).toContain('i1 has sub-items; answer them in columns i1.1, i1.2');
    expect(text).toContain('e1 belongs to EIT');
    expect(text).toContain('repeats the column i1.1');
    expect(parse('name,score\nA,4').fileErrors[0]?.en).toContain('no item code of IIT');
    expect(parse('').fileErrors[0]?.en).toContain('empty');
    expect(parse('i1.1,i2').fileErrors[0]?.en).toContain('no answer rows');
    expect(parse('i1.1\n"4').fileErrors[0]?.en).toContain('never closed');
  });

  it('ignores Google Forms identity columns with a warning and keeps only the timestamp day', () => {
    const result = parse(
      [
        'ประทับเวลา,ที่อยู่อีเมล,"[i1.1] ทำตามขั้นตอน",i1.2. ทำเสร็จตามเวลา,i2,หมายเหตุ',
        '2026/05/14 10:23:11 AM GMT+7,somchai@example.org,มาก,4,ไม่มี,ok',
        '15/5/2569 8:01:00,suda@example.org,1,2,Y,',
      ].join('\n'),
    );
    expect(result.fileErrors).toEqual([]);
    expect(result.itemColumns).toEqual(['i1.1', 'i1.2', 'i2']);
    expect(result.rows.map((r) => [r.day, r.answers])).toEqual([
      ['2026-05-14', { 'i1.1': '3', 'i1.2': '4', i2: 'N' }],
      ['2026-05-15', { 'i1.1': '1', 'i1.2': '2', i2: 'Y' }],
    ]);
    expect(JSON.stringify(result.rows)).not.toContain('example.org');
    expect(result.ignoredColumns.map((c) => c.column)).toEqual(['ประทับเวลา', 'ที่อยู่อีเมล', 'หมายเหตุ']);
    expect(result.ignoredColumns[1]?.reason.en).toContain('Identifies a person');
  });

  it('prefers the date column to a timestamp and refuses dates it cannot read or yet to come', () => {
    const result = parse(
      'Timestamp,date,i2\n2026-01-01 09:00,2026-05-02,Y\nx,2026-02-30,N\n,2026-06-01,N',
    );
    expect(result.ignoredColumns[0]?.reason.en).toContain('date column is used');
    expect(result.rows[0]?.day).toBe('2026-05-02');
    expect(result.rows[1]?.errors[0]?.message.en).toContain('Cannot read the date "2026-02-30"');
    expect(result.rows[2]?.errors[0]?.message.en).toContain('in the future');
  });

  it('reads Gregorian and Buddhist-era days, year or day first', () => {
    expect(parseImportDay('2569-05-14')).toBe('2026-05-14');
    expect(parseImportDay('2026-5-4T10:00:00')).toBe('2026-05-04');
    expect(parseImportDay('14/05/2569, 10:23')).toBe('2026-05-14');
    expect(parseImportDay('2026-13-01')).toBeNull();
    expect(parseImportDay('May 14')).toBeNull();
  });

  it('builds the template header of an instrument', () => {
    expect(buildTemplateHeader(spec.edition, 'IIT')).toEqual([
      'date',
      'i1.1',
      'i1.2',
      'i2',
      'i3',
      'i4',
    ]);
    const records = readCsvRecords(`date,e1\n2026-05-01,3`).records;
    const eit = parseResponseRecords(records, { ...spec, instrumentCode: 'EIT' });
    expect(eit.rows[0]?.answers).toEqual({ e1: '3' });
  });

  it('refuses a row with more fields than the header', () => {
    const result = parse('i1.1,i2\n4,Y,extra');
    expect(result.rows[0]?.errors.map((e) => e.column)).toEqual(['row']);
  });
});
