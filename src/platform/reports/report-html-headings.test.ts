import { describe, expect, it } from 'vitest';
import { reportToHtml } from './report-html.js';
import type { ReportBlock } from './report-document.js';

const doc = (blocks: ReportBlock[]) => ({
  lang: 'th' as const,
  title: 'รายงาน',
  agencyName: 'กรมตัวอย่าง',
  dateText: '1 ธันวาคม พ.ศ. 2569',
  blocks,
});

const headingsOf = (html: string) =>
  [...html.matchAll(/<(h\d)>([^<]*)</g)].map((m) => `${m[1] ?? ''}${m[2] ?? ''}`);

describe('report headings in HTML never skip a level (valid HTML)', () => {
  it('a level-1 heading is h2 under the title, its level-2 child h3', () => {
    const html = reportToHtml(
      doc([
        { kind: 'heading', level: 1, text: 'ก' },
        { kind: 'heading', level: 2, text: 'ข' },
        { kind: 'heading', level: 1, text: 'ค' },
      ]),
    );
    expect(headingsOf(html)).toEqual(['h1รายงาน', 'h2ก', 'h3ข', 'h2ค']);
  });

  it('a report whose sections start at level 2 reads h2, and a deeper one one below', () => {
    const html = reportToHtml(
      doc([
        { kind: 'heading', level: 2, text: 'ก' },
        { kind: 'heading', level: 3, text: 'ข' },
        { kind: 'paragraph', text: 'ย่อหน้า' },
        { kind: 'heading', level: 2, text: 'ค' },
      ]),
    );
    expect(headingsOf(html)).toEqual(['h1รายงาน', 'h2ก', 'h3ข', 'h2ค']);
  });
});
