import { describe, expect, it } from 'vitest';
import { describeFile, editionCodeLabel, editionYearLabel, fileSizeText } from './plain-labels.js';

describe('plain labels', () => {
  it('describes a file by its kind and size, never its MIME type or bytes', () => {
    expect(describeFile('application/pdf', 29824)).toEqual({
      th: 'ไฟล์ PDF 29 KB',
      en: 'PDF file 29 KB',
    });
    expect(describeFile('image/png; charset=binary', 300)).toEqual({
      th: 'ไฟล์ ภาพ PNG 1 KB',
      en: 'PNG image file 1 KB',
    });
    expect(describeFile('application/x-unknown', 3 * 1024 * 1024).th).toBe('ไฟล์ 3.0 MB');
    expect(describeFile(null, null)).toEqual({ th: 'ไฟล์', en: 'File' });
    expect(describeFile('application/pdf', 29824).th).not.toMatch(/application|\d B\b/);
    expect(fileSizeText(1536 * 1024)).toBe('1.5 MB');
  });

  it('names an edition by its year', () => {
    expect(editionYearLabel(2569)).toEqual({ th: 'เกณฑ์ปี 2569', en: '2569 criteria' });
    expect(editionCodeLabel('ita-2569')).toEqual({ th: 'เกณฑ์ปี 2569', en: '2569 criteria' });
    expect(editionCodeLabel('custom')).toEqual({ th: 'custom', en: 'custom' });
  });
});
