import { describe, expect, it } from 'vitest';
import { aggregateGifts } from '../core/gift-report.js';
import { declarationReport, giftYearReport } from './integrity-reports.js';
import JSZip from 'jszip';
import { reportToHtml } from '../../../platform/reports/report-html.js';
import { reportToDocx } from '../../../platform/reports/report-docx.js';

describe('integrity report documents', () => {
  it('prints the declaration as paragraphs with the head’s signature and a Buddhist-era date', async () => {
    const doc = declarationReport('th', {
      agencyName: 'กรมตัวอย่าง',
      fiscalYear: 2569,
      headName: 'นายหนึ่ง สอง',
      headPosition: 'อธิบดีกรมตัวอย่าง',
      declaredOn: '2025-10-01',
      body: 'ย่อหน้าแรก\n\nย่อหน้าที่สอง',
    });
    expect(doc.title).toContain('ประกาศกรมตัวอย่าง');
    expect(doc.title).toContain('พ.ศ. 2569');
    expect(doc.dateText).toBe('1 ตุลาคม พ.ศ. 2568');
    expect(
      doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.kind === 'paragraph' && b.text),
    ).toEqual(['ย่อหน้าแรก', 'ย่อหน้าที่สอง']);
    expect(doc.blocks.at(-1)).toEqual({
      kind: 'signature',
      name: 'นายหนึ่ง สอง',
      position: 'อธิบดีกรมตัวอย่าง',
      dateText: '1 ตุลาคม พ.ศ. 2568',
    });
    const html = reportToHtml(doc);
    expect(html).toContain('ย่อหน้าที่สอง');
    // the name is bracketed once (it read "((นายหนึ่ง สอง))")
    expect(html).toContain('<p>(นายหนึ่ง สอง)</p>');
    expect(html).not.toContain('((');
    const docx = await JSZip.loadAsync(await reportToDocx(doc));
    const xml = (await docx.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('>(นายหนึ่ง สอง)<');
    expect(xml).not.toContain('((');
  });

  it('prints the yearly gift report with the rule, totals and tables by giver and month', () => {
    const report = aggregateGifts(2569, [
      {
        giftOn: '2025-12-26',
        giverType: 'business',
        disposition: 'received',
        valueBaht: 1200,
        flagged: false,
        decided: false,
      },
      {
        giftOn: '2026-04-10',
        giverType: 'business',
        disposition: 'received',
        valueBaht: 8500,
        flagged: true,
        decided: false,
      },
      {
        giftOn: '2026-02-10',
        giverType: 'person',
        disposition: 'refused',
        valueBaht: 2000,
        flagged: false,
        decided: false,
      },
    ]);
    const doc = giftYearReport('th', {
      agencyName: 'กรมตัวอย่าง',
      report,
      threshold: 3000,
      issuedOn: '2026-05-01',
    });
    expect(doc.title).toBe(
      'รายงานผลการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ประจำปีงบประมาณ พ.ศ. 2569',
    );
    const kv = doc.blocks.find((b) => b.kind === 'keyValue');
    expect(kv?.kind === 'keyValue' && kv.rows).toEqual(
      expect.arrayContaining([
        ['จำนวนรายการทั้งหมด', '3'],
        ['มูลค่ารวมโดยประมาณ (บาท)', '11,700'],
        ['รับไว้', '2 (9,700 บาท)'],
        ['มูลค่าเกิน 3,000 บาท (เสนอหัวหน้าหน่วยงาน)', '1'],
      ]),
    );
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(2);
    const [byGiver, byMonth] = tables;
    expect(byGiver?.kind === 'table' && byGiver.rows[1]).toEqual([
      'ภาคเอกชน/ผู้ประกอบการ',
      '–',
      '2 (9,700)',
      '–',
      '2 (9,700)',
    ]);
    expect(byMonth?.kind === 'table' && byMonth.rows.map((r) => r[0])).toContain('ธันวาคม 2568');
    expect(byMonth?.kind === 'table' && byMonth.rows[2]).toEqual([
      'ธันวาคม 2568',
      '–',
      '1 (1,200)',
      '–',
      '1 (1,200)',
    ]);
    expect(JSON.stringify(doc)).toContain('เกิน 3,000 บาท');
    // each table named apart, numbered as a caption ("ตารางที่ 1 …") in the printed report
    const html = reportToHtml(doc);
    expect(html).toContain('<caption>ตารางที่ 1 จำนวนรายการ (มูลค่า บาท) จำแนกตามประเภทผู้ให้</caption>');
    expect(html).toContain('<caption>ตารางที่ 2 จำนวนรายการ (มูลค่า บาท) จำแนกรายเดือน</caption>');
  });
});
