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
    expect(html).toContain('<table class="keep"><caption>ตารางที่ 1 ตารางคะแนน</caption>');
    expect(html).toContain('<figcaption>แผนภูมิที่ 1 แผนภูมิ</figcaption>');
    expect(html).toContain('<svg id="c1"></svg>');
    expect(html).toContain('<p>(นายปี่ ใจดี)</p>');
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
      'ข้อแรก',
    ])
      expect(xml).toContain(text);
    expect(xml).not.toContain('((');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('w:cs="TH Sarabun New"');
    const styles =
      (await (await JSZip.loadAsync(bytes)).file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toContain('w:val="th-TH"');
  });
});

/** The paragraphs of a DOCX body (w:p elements), each as its XML. */
const paragraphsOf = (xml: string) => xml.match(/<w:p>.*?<\/w:p>/g) ?? [];
const textOf = (p: string) =>
  [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('report DOCX structure', () => {
  const lists: ReportDocument = {
    ...DOC,
    blocks: [
      { kind: 'list', ordered: true, items: ['ข้อแรก', 'ข้อสอง'] },
      { kind: 'list', ordered: false, items: ['จุดหนึ่ง', 'จุดสอง'] },
      { kind: 'list', ordered: true, items: ['ใหม่แรก'] },
      {
        kind: 'table',
        caption: 'คะแนนรายเครื่องมือ',
        columns: [{ label: 'เครื่องมือ' }],
        rows: [['IIT']],
      },
      { kind: 'table', columns: [{ label: 'ไม่มีชื่อตาราง' }], rows: [['x']] },
      { kind: 'chart', svg: '<svg></svg>', caption: 'คะแนนรายตัวชี้วัด' },
      { kind: 'table', caption: 'คะแนนรายตัวชี้วัด', columns: [{ label: 'ข้อ' }], rows: [['1']] },
    ],
  };

  it('writes lists as Word lists (w:numPr), bullets and numbers, each list numbered from 1', async () => {
    const zip = await JSZip.loadAsync(await reportToDocx(lists));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const numbering = (await zip.file('word/numbering.xml')?.async('string')) ?? '';
    const items = paragraphsOf(xml).filter((p) => p.includes('<w:numPr>'));
    expect(items.map(textOf)).toEqual(['ข้อแรก', 'ข้อสอง', 'จุดหนึ่ง', 'จุดสอง', 'ใหม่แรก']);
    // no typed bullet or number left in the text
    expect(xml).not.toContain('•');
    expect(xml).not.toContain('1. ข้อแรก');
    const numId = (p: string) => /<w:numId w:val="(\d+)"\/>/.exec(p)?.[1] ?? '';
    const [first, second, bullet1, bullet2, third] = items.map(numId);
    expect(first).toBe(second);
    expect(bullet1).toBe(bullet2);
    expect(new Set([first, bullet1, third]).size).toBe(3);
    // each list's numId points to its definition: decimal "%1." or a bullet
    const format = (id = '') => {
      const abstract = new RegExp(`<w:num w:numId="${id}"><w:abstractNumId w:val="(\\d+)"`).exec(
        numbering,
      )?.[1];
      const def = new RegExp(
        `<w:abstractNum w:abstractNumId="${abstract}".*?</w:abstractNum>`,
      ).exec(numbering)?.[0];
      return /<w:numFmt w:val="(\w+)"\/>/.exec(def ?? '')?.[1];
    };
    expect([format(first), format(bullet1), format(third)]).toEqual([
      'decimal',
      'bullet',
      'decimal',
    ]);
    expect(numbering).toContain('<w:lvlText w:val="%1."/>');
    // the third list is a new list: its numbering starts again at 1
    expect(numbering).toMatch(
      new RegExp(`<w:num w:numId="${third}">.*?<w:startOverride w:val="1"/>`),
    );
  });

  it("writes table and chart captions in Word's Caption style with a SEQ number, before the table", async () => {
    const zip = await JSZip.loadAsync(await reportToDocx(lists));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const captions = paragraphsOf(xml).filter((p) => p.includes('<w:pStyle w:val="Caption"/>'));
    expect(captions.map(textOf)).toEqual([
      'ตารางที่ 1 คะแนนรายเครื่องมือ',
      'แผนภูมิที่ 1 คะแนนรายตัวชี้วัด',
      'ตารางที่ 2 คะแนนรายตัวชี้วัด',
    ]);
    // a complex field (begin, code, separate, the number, end): readers that compute no fields
    // still find the number as text
    const seq = (kind: string, n: number) =>
      new RegExp(
        `<w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> SEQ ${kind} \\\\\\* ARABIC </w:instrText></w:r>` +
          `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r>(<w:rPr>.*?</w:rPr>)?<w:t[^>]*>${n}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/>`,
      );
    expect(captions[0]).toMatch(seq('Table', 1));
    expect(captions[1]).toMatch(seq('Figure', 1));
    expect(captions[2]).toMatch(seq('Table', 2));
    // the caption comes right before its table and is kept with it
    expect(xml).toMatch(/คะแนนรายเครื่องมือ<\/w:t><\/w:r><\/w:p><w:tbl>/);
    expect(captions[0]).toContain('<w:keepNext/>');
    // no bold paragraph stands in for a caption any more
    expect(paragraphsOf(xml).filter((p) => textOf(p) === 'คะแนนรายเครื่องมือ')).toEqual([]);
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toMatch(
      /<w:style w:type="paragraph" w:styleId="Caption">\s*<w:name w:val="caption"\/>/,
    );
    // the same numbers in the HTML
    const html = reportToHtml(lists);
    expect(html).toContain('<caption>ตารางที่ 2 คะแนนรายตัวชี้วัด</caption>');
    expect(html).toContain('<ol><li>ใหม่แรก</li></ol>');
    expect(html).toContain('<ul><li>จุดหนึ่ง</li><li>จุดสอง</li></ul>');
  });

  it('keeps headings as Word heading styles', async () => {
    const xml = await documentXml(await reportToDocx(DOC));
    const heading = paragraphsOf(xml).find((p) => textOf(p) === 'คะแนนรายเครื่องมือ');
    expect(heading).toContain('<w:pStyle w:val="Heading1"/>');
  });

  it("brackets the signer's name once, in HTML and DOCX", async () => {
    const doc: ReportDocument = {
      ...DOC,
      blocks: [{ kind: 'signature', name: ' นายสมศักดิ์ ตั้งมั่น ', position: 'อธิบดี' }],
    };
    const xml = await documentXml(await reportToDocx(doc));
    expect(paragraphsOf(xml).map(textOf)).toContain('(นายสมศักดิ์ ตั้งมั่น)');
    expect(reportToHtml(doc)).toContain('<p>(นายสมศักดิ์ ตั้งมั่น)</p>');
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
