import { describe, expect, it } from 'vitest';
import { parseAssetCsv } from './asset-csv.js';

describe('asset register CSV', () => {
  it('reads valid rows with optional columns left out', () => {
    const result = parseAssetCsv(
      '\uFEFFasset_number,name,category\r\nA-1,โปรเจกเตอร์,สำนักงาน\r\n',
      new Set(),
    );
    expect(result.fileErrors).toEqual([]);
    expect(result.rows[0]?.input).toEqual({
      assetNumber: 'A-1',
      name: 'โปรเจกเตอร์',
      category: 'สำนักงาน',
      location: '',
      custodianUnit: '',
      acquiredOn: null,
    });
  });

  it('reports each row problem with its line and column', () => {
    const text = [
      'asset_number,name,category,acquired_on',
      'A-1,โปรเจกเตอร์,สำนักงาน,2024-01-01',
      'A-1,โปรเจกเตอร์สำรอง,สำนักงาน,',
      'A-2,,สำนักงาน,1/1/2024',
      'B-9,รถตู้,ยานพาหนะ,',
    ].join('\n');
    const result = parseAssetCsv(text, new Set(['B-9']));
    const problems = result.rows.map((r) => [r.line, r.errors.map((e) => e.field)]);
    expect(problems).toEqual([
      [2, []],
      [3, ['asset_number']],
      [4, ['name', 'acquired_on']],
      [5, ['asset_number']],
    ]);
    expect(result.rows[1]?.errors[0]?.message.th).toContain('ซ้ำกับบรรทัดที่ 2');
    expect(result.rows[3]?.errors[0]?.message.th).toContain('มีในทะเบียนแล้ว');
  });

  it('refuses a file without the needed columns, an empty file and a broken quote', () => {
    expect(parseAssetCsv('number,name\nA,B\n', new Set()).fileErrors[0]?.th).toContain(
      'asset_number',
    );
    expect(parseAssetCsv('', new Set()).fileErrors[0]?.en).toContain('empty');
    expect(parseAssetCsv('asset_number,name,category\n', new Set()).fileErrors[0]?.en).toContain(
      'no asset rows',
    );
    expect(
      parseAssetCsv('asset_number,name,category\n"A,b,c\n', new Set()).fileErrors[0]?.th,
    ).toContain('บรรทัดที่ 2');
  });
});
