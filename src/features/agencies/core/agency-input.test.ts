import { describe, expect, it } from 'vitest';
import { AgencyChangesSchema, AgencyInputSchema, splitMessage } from './agency-input.js';

const base = { code: 'MOPH.01', type: 'hospital', nameTh: 'โรงพยาบาลตัวอย่าง' };

describe('AgencyInputSchema', () => {
  it('fills the defaults: English name from Thai, no website, no staff count', () => {
    expect(AgencyInputSchema.parse({ ...base, nameEn: '  ', website: '' })).toEqual({
      ...base,
      nameEn: 'โรงพยาบาลตัวอย่าง',
      website: null,
      eligibleStaff: null,
    });
  });

  it('reads staff counts typed with separators or sent as numbers', () => {
    const staff = (value: unknown) =>
      AgencyInputSchema.safeParse({ ...base, eligibleStaff: value });
    expect(staff(' 1,250 ').data?.eligibleStaff).toBe(1250);
    expect(staff(0).data?.eligibleStaff).toBe(0);
    expect(staff(null).data?.eligibleStaff).toBeNull();
    for (const bad of ['-1', '2.5', 'many', 2.5, -3, true]) expect(staff(bad).success).toBe(false);
  });

  it('accepts only http(s) websites and safe codes, with Thai / English messages', () => {
    const result = AgencyInputSchema.safeParse({
      ...base,
      code: 'รหัส',
      website: 'javascript:alert(1)',
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => [i.path[0], splitMessage(i.message).th]);
    expect(messages).toEqual([
      ['code', 'รหัสหน่วยงานใช้ได้เฉพาะอักษรอังกฤษ ตัวเลข และ . - _'],
      ['website', 'เว็บไซต์ต้องขึ้นต้นด้วย http:// หรือ https://'],
    ]);
    expect(AgencyInputSchema.safeParse({ ...base, code: 'x'.repeat(41) }).success).toBe(false);
  });
});

describe('AgencyChangesSchema', () => {
  it('keeps only the fields given and refuses unknown ones', () => {
    expect(AgencyChangesSchema.parse({ eligibleStaff: '12' })).toEqual({ eligibleStaff: 12 });
    expect(AgencyChangesSchema.parse({ website: '' })).toEqual({ website: null });
    expect(AgencyChangesSchema.safeParse({ path: '/x/' }).success).toBe(false);
  });
});
