import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from './report-document.js';
import { reportToDocx, svgSize } from './report-docx.js';
import { cellHtml, escapeHtml, reportToHtml } from './report-html.js';

const DOC: ReportDocument = {
  lang: 'th',
  title: 'รายงานผลการประเมิน <ทดสอบ>',
  subtitle: 'ปีงบประมาณ พ.ศ. 2569',
  agencyName: 'กรมน้ำบาดาล & ตัวอย่าง',
  dateText: '26 พ.ย. 2569',
  blocks: [
    { kind: 'heading', level: 1, text: 'คะแนนรายเครื่องมือ' },
    { kind: 'paragraph', text: 'ผู้ใหญ่ <script>alert(1)</script>', align: 'justify' },
    { kind: 'list', ordered: true, items: ['ข้อแรก', 'ข้อสอง'] },
    { kind: 'keyValue', rows: [['คะแนนรวม', '88.40']] },
    {
      kind: 'table',
      caption: 'ตารางคะแนน',
      columns: [{ label: 'ตัวชี้วัด' }, { label: 'คะแนน', align: 'right' }],
      rows: [['การปฏิบัติหน้าที่', '91.25']],
    },
    { kind: 'chart', svg: '<svg id="c1"></svg>', caption: 'แผนภูมิ', rows: [['ตัวชี้วัด 1', '77.00']] },
    { kind: 'pageBreak' },
    { kind: 'signature', name: 'นายปี่ ใจดี', position: 'อธิบดี', dateText: 'วันที่ 26 พ.ย. 2569' },
  ],
};

async function documentXml(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

describe('report HTML', () => {
  it('lays out every block with the title, agency and date, all text escaped', () => {
    const html = reportToHtml(DOC, {
      fonts: { regular: 'data:font/ttf;base64,AA', bold: 'b.ttf' },
    });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="th">');
    expect(html).toContain('<h1>รายงานผลการประเมิน &lt;ทดสอบ&gt;</h1>');
    expect(html).toContain('กรมน้ำบาดาล &amp; ตัวอย่าง');
    expect(html).toContain('26 พ.ย. 2569');
    expect(html).toContain('<h2>คะแนนรายเครื่องมือ</h2>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('ผู้ใหญ่ &lt;script&gt;');
    expect(html).toContain('<ol><li>ข้อแรก</li><li>ข้อสอง</li></ol>');
    expect(html).toContain('<td class="align-right">91.25</td>');
    expect(html).toContain('<table class="keep"><caption>ตารางคะแนน</caption>');
    expect(html).toContain('<svg id="c1"></svg>');
    expect(html).toContain('(นายปี่ ใจดี)');
    expect(html).toContain('class="page-break"');
    expect(html).toContain('url("data:font/ttf;base64,AA")');
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toContain('font-size: 16pt');
  });

  it('lets long tables break across pages (their header row repeats)', () => {
    const rows = Array.from({ length: 13 }, (_, i) => [`แถว ${i}`]);
    const html = reportToHtml({
      ...DOC,
      blocks: [{ kind: 'table', columns: [{ label: 'รายการ' }], rows }],
    });
    expect(html).toContain('<table><thead>');
    expect(html).toContain('thead { display: table-header-group; }');
  });

  it('lets a long web address wrap inside its table cell, Thai text untouched', () => {
    expect(cellHtml('ดูที่ https://www.example.go.th/ita/o1.pdf?a=1&b=2 ครับ')).toBe(
      'ดูที่ https:/<wbr>/<wbr>www.<wbr>example.<wbr>go.<wbr>th/<wbr>ita/<wbr>o1.<wbr>pdf?<wbr>a=<wbr>1&amp;<wbr>b=<wbr>2 ครับ',
    );
    expect(cellHtml('<b>ผู้ใหญ่</b>')).toBe('&lt;b&gt;ผู้ใหญ่&lt;/b&gt;');
    const html = reportToHtml(DOC);
    expect(html).toContain('line-break: strict');
    expect(html).toContain('orphans: 2; widows: 2;');
  });

  it('uses the served Sarabun files by default and shows screen links', () => {
    const html = reportToHtml(DOC, { screenLinks: [{ href: '/x?a=1&b=2', text: 'กลับ' }] });
    expect(html).toContain('/assets/fonts/400Regular/Sarabun_400Regular.ttf');
    expect(html).toContain('<a href="/x?a=1&amp;b=2">กลับ</a>');
  });

  it('escapes quotes and angle brackets', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});

describe('report DOCX', () => {
  it('writes the texts, Thai language tag, Sarabun font, A4 page and tables', async () => {
    const bytes = await reportToDocx(DOC);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const xml = await documentXml(bytes);
    for (const text of [
      'รายงานผลการประเมิน &lt;ทดสอบ&gt;',
      'กรมน้ำบาดาล &amp; ตัวอย่าง',
      'คะแนนรายเครื่องมือ',
      '91.25',
      'ตัวชี้วัด 1',
      '77.00',
      '(นายปี่ ใจดี)',
      '1. ข้อแรก',
    ])
      expect(xml).toContain(text);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('w:cs="TH Sarabun New"');
    const styles =
      (await (await JSZip.loadAsync(bytes)).file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toContain('w:val="th-TH"');
  });
});

/** A 1×1 white PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);

describe('report DOCX charts', () => {
  it('puts the chart in as SVG with its PNG copy, sized from the SVG, beside its numbers', async () => {
    const chartDoc: ReportDocument = {
      ...DOC,
      blocks: [
        {
          kind: 'chart',
          svg: '<svg width="760" height="380" xmlns="http://www.w3.org/2000/svg"></svg>',
          caption: 'แผนภูมิคะแนน',
          rows: [['ตัวชี้วัด 1', '77.00']],
        },
      ],
    };
    const zip = await JSZip.loadAsync(await reportToDocx(chartDoc, { chartPngs: [PNG] }));
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.some((f) => f.endsWith('.png'))).toBe(true);
    expect(media.some((f) => f.endsWith('.svg'))).toBe(true);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    // 760×380 px scaled to the 600 px column: 600×300 px = 5715000×2857500 EMU
    expect(xml).toContain('cx="5715000" cy="2857500"');
    expect(xml).toContain('77.00');
    const without = await JSZip.loadAsync(await reportToDocx(chartDoc));
    expect(Object.keys(without.files).some((f) => f.startsWith('word/media/'))).toBe(false);
  });

  it('reads the size an SVG declares', () => {
    expect(svgSize('<svg width="640" height="374" viewBox="0 0 640 374">')).toEqual({
      width: 640,
      height: 374,
    });
    expect(svgSize('<svg viewBox="0 0 1 1">')).toEqual({ width: 720, height: 400 });
  });
});
