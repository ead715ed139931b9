import { describe, expect, it } from 'vitest';
import { formatDate, pick } from './i18n.js';

describe('i18n', () => {
  it('shows dates in the Buddhist era in Thai and Gregorian in English', () => {
    expect(formatDate('th', '2026-11-26T05:00:00.000Z')).toBe('26 พ.ย. 2569');
    expect(formatDate('en', '2026-11-26T05:00:00.000Z')).toBe('26 Nov 2026');
    expect(formatDate('th', '2026-09-30T18:00:00.000Z', true)).toContain('1 ต.ค. 2569');
  });

  it('picks the wording of the language', () => {
    expect(pick('th', { th: 'บันทึก', en: 'Save' })).toBe('บันทึก');
    expect(pick('en', { th: 'บันทึก', en: 'Save' })).toBe('Save');
  });
});
