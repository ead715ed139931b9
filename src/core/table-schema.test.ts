import { describe, expect, it } from 'vitest';
import {
  castCell,
  csvTableProblems,
  dataPackageProblems,
  recordsProblems,
  type TableSchema,
} from './table-schema.js';

const schema: TableSchema = {
  fields: [
    {
      name: 'code',
      type: 'string',
      title: 'รหัส',
      description: 'รหัส / Code',
      constraints: { required: true },
    },
    { name: 'year', type: 'integer', title: 'ปี', description: 'ปี / Year' },
    {
      name: 'score',
      type: 'number',
      title: 'คะแนน',
      description: 'คะแนน / Score',
      unit: 'points',
      constraints: { minimum: 0, maximum: 100 },
    },
    {
      name: 'level',
      type: 'string',
      title: 'ระดับ',
      description: 'ระดับ / Level',
      constraints: { enum: ['A', 'B'] },
    },
    {
      name: 'withheld',
      type: 'string',
      title: 'ไม่เผยแพร่',
      description: 'ไม่เผยแพร่ / Withheld',
      constraints: { pattern: '(iit|total)(,(iit|total))*' },
    },
    { name: 'open', type: 'boolean', title: 'เปิด', description: 'เปิด / Open' },
    { name: 'on', type: 'date', title: 'วันที่', description: 'วันที่ / Day' },
  ],
  primaryKey: ['code', 'year'],
  missingValues: [''],
};

const good = {
  code: 'D01',
  year: 2568,
  score: 87.5,
  level: 'A',
  withheld: null,
  open: true,
  on: '2025-10-01',
};

describe('Table Schema checks (Frictionless)', () => {
  it('accepts records of exactly the fields, typed and within their constraints', () => {
    expect(recordsProblems(schema, [good, { ...good, year: 2569, score: null }])).toEqual([]);
  });

  it('names each problem: fields, types, range, enum, pattern, required, date and repeated key', () => {
    const { open: _open, ...withoutOpen } = good;
    expect(
      recordsProblems(schema, [
        good,
        { ...good, year: 2568.5, score: 101 },
        { ...good, code: null, level: 'C', withheld: 'iit, total', on: '2025-13-40' },
        { ...withoutOpen, year: 2570, extra: 1 },
        good,
      ]),
    ).toEqual([
      'record 2: year is not an integer',
      'record 2: score is above 100',
      'record 3: code is required but missing',
      'record 3: level "C" is not one of A, B',
      'record 3: withheld "iit, total" does not match (iit|total)(,(iit|total))*',
      'record 3: on is not a date (YYYY-MM-DD)',
      'record 4: fields are code, year, score, level, withheld, on, extra; the schema declares code, year, score, level, withheld, open, on',
      'record 5: primary key ["D01",2568] repeats',
    ]);
  });

  it('reads CSV cells through the schema: empty is missing, numbers and booleans typed', () => {
    const [code, year, score, , , open] = schema.fields;
    expect(castCell(schema, score!, '')).toBeNull();
    expect(castCell(schema, score!, '87.50')).toBe(87.5);
    expect(castCell(schema, score!, '8,7')).toBeUndefined();
    expect(castCell(schema, year!, '2568')).toBe(2568);
    expect(castCell(schema, year!, '2568.0')).toBeUndefined();
    expect(castCell(schema, open!, 'true')).toBe(true);
    expect(castCell(schema, code!, '007')).toBe('007');
  });

  it('checks a CSV table: its header, its cells and its rows as records', () => {
    const header = ['code', 'year', 'score', 'level', 'withheld', 'open', 'on'];
    const fine = csvTableProblems(schema, header, [
      ['D01', '2568', '87.50', 'A', '', 'true', '2025-10-01'],
    ]);
    expect(fine.problems).toEqual([]);
    expect(fine.records).toEqual([good]);
    expect(
      csvTableProblems(
        schema,
        ['code', 'year', 'total'],
        [['D01', 'two', '', 'A', 'iit,total', 'false', '2025-10-01', 'x']],
      ).problems,
    ).toEqual([
      'header is code, year, total; the schema declares code, year, score, level, withheld, open, on',
      'row 1: 8 cells for 7 fields',
      'row 1: year "two" is not of type integer',
    ]);
  });
});

describe('Data Package checks (Frictionless)', () => {
  const resource = {
    profile: 'tabular-data-resource',
    name: 'results-2568-csv',
    path: 'https://ita.example.go.th/public/open-data/2568.csv',
    format: 'csv',
    mediatype: 'text/csv',
    schema,
  };
  const pkg = {
    name: 'prongsai-ita-results',
    version: '2.0.0',
    created: '2026-11-26T03:00:00.000Z',
    licenses: [{ name: 'CC-BY-4.0' }],
    resources: [resource],
  };

  it('accepts a package with a name, a licence and absolute, described resources', () => {
    expect(dataPackageProblems(pkg)).toEqual([]);
  });

  it('names what breaks the standard', () => {
    expect(
      dataPackageProblems({
        name: 'ITA Results',
        version: '2',
        created: '26/11/2569',
        licenses: [{ title: 'open' }],
        resources: [
          { ...resource, path: '/public/open-data/2568.csv', schema: undefined },
          { ...resource, mediatype: undefined },
        ],
      }),
    ).toEqual([
      'name must be lower-case letters, digits, ".", "-" or "_"',
      'version must be major.minor.patch',
      'created must be an RFC 3339 date-time',
      'each licence needs a name or a path',
      'resource 1: path must be an absolute http(s) URL',
      'resource 1: a tabular resource needs a schema with fields',
      'resource 2: name results-2568-csv repeats',
      'resource 2: format and mediatype are needed',
    ]);
    expect(dataPackageProblems({ ...pkg, resources: [] })).toEqual([
      'a data package has at least one resource',
    ]);
  });
});
