import { afterAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from './report-document.js';
import { reportToHtml } from './report-html.js';
import { createPdfRenderer, sarabunDataUrls } from '../infra/pdf-renderer.js';
import { pdfFonts, pdfText } from '../infra/pdf-text.js';

/**
 * How a Thai report breaks into A4 pages (issue 13, part 8): no vowel or tone mark left alone at
 * the start of a line or page, no page left half empty by a table kept whole, tables within the
 * page width. Checked on the PDF Chromium prints, page by page (pdftotext).
 */

/** Thai marks written above or below their consonant: never the first character of a line. */
const COMBINING = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u;

const SENTENCE =
  'หน่วยงานได้ปรับปรุงขั้นตอนการให้บริการประชาชนให้โปร่งใสและตรวจสอบได้ ผู้รับบริการพึงพอใจต่อเจ้าหน้าที่ที่ให้ข้อมูลครบถ้วนและเป็นธรรม ';

function doc(blocks: ReportDocument['blocks']): ReportDocument {
  return {
    lang: 'th',
    title: 'รายงานทดสอบการตัดหน้า',
    agencyName: 'กรมตัวอย่าง',
    dateText: '6 ธันวาคม 2569',
    blocks,
  };
}

const pagesOf = (text: string) => text.split('\f').filter((p) => p.trim() !== '');
const linesOf = (page: string) =>
  page
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

describe('Thai reports on A4 pages', () => {
  const renderer = createPdfRenderer();
  afterAll(() => renderer.close());
  const fonts = sarabunDataUrls();
  const print = async (d: ReportDocument) =>
    pdfText(await renderer.render(reportToHtml(d, { fonts })));

  it('never starts a line or a page with a vowel or tone mark, in text and in tables', async () => {
    const long = SENTENCE.repeat(6);
    const text = await print(
      doc([
        ...Array.from({ length: 8 }, () => ({ kind: 'paragraph' as const, text: long })),
        {
          kind: 'table',
          columns: [{ label: 'ประเด็น' }, { label: 'รายละเอียด' }, { label: 'ลิงก์' }],
          rows: Array.from({ length: 20 }, (_, i) => [
            `ข้อที่ ${i + 1}`,
            SENTENCE.repeat(2),
            `https://www.example.go.th/ita/2569/o${i}/เอกสารประกอบการเผยแพร่ข้อมูลต่อสาธารณะ.pdf`,
          ]),
        },
      ]),
    );
    const pages = pagesOf(text);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) for (const line of linesOf(page)) expect(line).not.toMatch(COMBINING);
  }, 60_000);

  it('numbers the pages in the report font: Sarabun is the only font in the PDF', async () => {
    const pdf = await renderer.render(
      reportToHtml(
        doc(Array.from({ length: 3 }, () => ({ kind: 'paragraph', text: SENTENCE.repeat(6) }))),
        { fonts },
      ),
    );
    const pages = pagesOf(await pdfText(pdf));
    expect(pages.length).toBeGreaterThan(1);
    // each page ends with its number and the count, e.g. "2 / 4"
    pages.forEach((page, i) =>
      expect(page).toMatch(new RegExp(`\\b${i + 1}\\s*/\\s*${pages.length}\\s*$`)),
    );
    const used = await pdfFonts(pdf);
    expect(used.length).toBeGreaterThan(0);
    // before, the footer's numbers came in DejaVu Sans (Chromium's fallback): a second font
    expect(used.filter((f) => !/^[A-Z]{6}\+Sarabun-(Regular|Bold)$/.test(f.name))).toEqual([]);
    expect(used.every((f) => f.embedded)).toBe(true);
  }, 60_000);

  it('leaves no page half empty before a table that does not fit', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`แถวที่ ${i + 1}`, SENTENCE.repeat(2)]);
    const text = await print(
      doc([
        { kind: 'paragraph', text: SENTENCE.repeat(8) },
        { kind: 'table', columns: [{ label: 'ข้อ' }, { label: 'รายละเอียด' }], rows },
      ]),
    );
    const [first = '', second = ''] = pagesOf(text);
    // the table starts under the paragraph and runs on to the next page, its header repeated
    expect(first).toContain('รายละเอียด');
    expect(second).toContain('รายละเอียด');
  }, 60_000);
});
