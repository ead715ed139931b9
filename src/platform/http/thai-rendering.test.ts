import { writeFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { reportToHtml } from '../reports/report-html.js';
import { createPdfRenderer, sarabunDataUrls } from '../infra/pdf-renderer.js';
import { pdfFonts, pdfPageGray, pdfPagePng, pdfText, type GrayImage } from '../infra/pdf-text.js';

/**
 * Thai must be shaped, not just drawn: upper vowels and tone marks sit above their consonant,
 * stacked (tone mark above the vowel), and every glyph comes from the bundled font. Checked on
 * the rasterised PDF, in pixels, against plain consonants and a string with a missing glyph.
 */

const DPI = 100;
const ROW_PX = 100;
const TOP_PX = 20;
/** A character no installed font draws (a private-use code point): it prints as a box. */
const MISSING = '\u{F0000}';

const SAMPLES = ['ท', 'ทิ', 'ที่', 'น', 'น้ำ', 'ป', 'ปี่', 'ผู้ใหญ่', `ท${MISSING}`] as const;

function samplesPage(): string {
  const { regular } = sarabunDataUrls();
  const rows = SAMPLES.map(
    (s, i) =>
      `<div style="position:absolute;left:40px;top:${TOP_PX + i * ROW_PX}px;height:${ROW_PX}px;` +
      `line-height:${ROW_PX}px;font-size:48px">${s}</div>`,
  ).join('');
  return (
    `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>` +
    `@font-face{font-family:'Sarabun';src:url("${regular}") format('truetype')}` +
    `body{margin:0;font-family:'Sarabun'}</style></head><body>${rows}</body></html>`
  );
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The bounding box of the dark pixels inside a horizontal band of the page. */
function inkBox(image: GrayImage, from: number, to: number): Box | null {
  let box: Box | null = null;
  for (let y = from; y < Math.min(to, image.height); y++)
    for (let x = 0; x < image.width; x++) {
      if ((image.pixels[y * image.width + x] ?? 255) > 128) continue;
      box ??= { top: y, bottom: y, left: x, right: x };
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y);
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x);
    }
  return box;
}

describe('Thai rendering in PDFs', () => {
  const renderer = createPdfRenderer();
  afterAll(() => renderer.close());

  it('stacks upper vowels and tone marks above the consonant, with no missing glyphs', async () => {
    const pdf = await renderer.render(samplesPage(), {
      margin: { top: '0', right: '0', bottom: '0', left: '0' },
      footerTemplate: '<span></span>',
    });
    const image = await pdfPageGray(pdf, 1, DPI);
    // the page is laid out in CSS pixels (96 per inch); the image is at DPI
    const scale = DPI / 96;
    const boxes = new Map<string, Box>();
    SAMPLES.forEach((s, i) => {
      const from = Math.floor((TOP_PX + i * ROW_PX) * scale);
      const box = inkBox(image, from, Math.floor(from + ROW_PX * scale));
      expect(box, `ink for ${s}`).not.toBeNull();
      // measured from the top of the sample's own row, so rows compare with each other
      const { top, bottom, left, right } = box as Box;
      boxes.set(s, { top: top - from, bottom: bottom - from, left, right });
    });
    const at = (s: string) => boxes.get(s) as Box;
    const width = (s: string) => at(s).right - at(s).left;
    const height = (s: string) => at(s).bottom - at(s).top;

    // the vowel adds ink above the consonant, and the tone mark more ink above the vowel
    expect(at('ทิ').top).toBeLessThan(at('ท').top - 3);
    expect(at('ที่').top).toBeLessThan(at('ทิ').top - 3);
    expect(at('น้ำ').top).toBeLessThan(at('น').top - 3);
    expect(at('ปี่').top).toBeLessThan(at('ป').top);
    // the marks sit over the consonant (combined), not beside it as separate glyphs
    expect(width('ที่')).toBeLessThan(width('ท') * 1.3);
    expect(width('ปี่')).toBeLessThan(width('ป') * 1.3);
    expect(height('ผู้ใหญ่')).toBeGreaterThan(height('ท') * 1.5);
    // a missing glyph shows up as extra ink beside the consonant: the check above would see it
    expect(width(`ท${MISSING}`)).toBeGreaterThan(width('ท') * 1.6);

    const text = await pdfText(pdf);
    for (const s of ['ที่', 'น้ำ', 'ผู้ใหญ่', 'ปี่']) expect(text).toContain(s);
  });

  it('draws every Thai character of a report from the embedded Sarabun alone', async () => {
    const html = reportToHtml(
      {
        lang: 'th',
        title: 'ตัวอย่างการแสดงผลภาษาไทย ที่ น้ำ ผู้ใหญ่ ปี่',
        agencyName: 'กรมน้ำบาดาลตัวอย่าง',
        dateText: 'ณ วันที่ 26 พ.ย. 2569',
        blocks: [
          {
            kind: 'paragraph',
            text: 'ผู้ใหญ่ที่ดูแลน้ำในปี่พาทย์ได้รับคำชี้แจงเรื่องคุณธรรมและความโปร่งใส ฯลฯ',
          },
          {
            kind: 'table',
            columns: [{ label: 'ตัวชี้วัด' }, { label: 'คะแนน', align: 'right' }],
            rows: [
              ['การปฏิบัติหน้าที่', '92.41'],
              ['การใช้งบประมาณ', '88.07'],
            ],
          },
          { kind: 'signature', name: 'นายปี่ น้ำใจ', position: 'ผู้ใหญ่บ้าน' },
        ],
      },
      { fonts: sarabunDataUrls() },
    );
    const pdf = await renderer.render(html, { footerTemplate: '<span></span>' });
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.name.includes('Sarabun') && f.embedded)).toBe(true);
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('ตัวอย่างการแสดงผลภาษาไทย ที่ น้ำ ผู้ใหญ่ ปี่');
    expect(text).toContain('ผู้ใหญ่ที่ดูแลน้ำในปี่');
    // SCREENSHOT_DIR=docs/screenshots refreshes the picture of a rendered page in the docs
    const shots = process.env.SCREENSHOT_DIR;
    if (shots) await writeFile(`${shots}/thai-report.png`, await pdfPagePng(pdf, 1, 110));
  });
});
