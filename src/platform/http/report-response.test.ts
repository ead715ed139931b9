import Fastify, { type FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSharedPdfRenderer, configureSharedPdfRenderer } from '../infra/pdf-renderer.js';
import { pdfFonts, pdfText } from '../infra/pdf-text.js';
import type { ReportDocument } from '../reports/report-document.js';
import { contentDisposition, sendReport, type ReportFormat } from './report-response.js';

const DOC: ReportDocument = {
  lang: 'th',
  title: 'รายงานผลการประเมินคุณธรรมและความโปร่งใส',
  agencyName: 'กรมน้ำบาดาลตัวอย่าง',
  dateText: '26 พฤศจิกายน 2569',
  blocks: [
    {
      kind: 'keyValue',
      rows: [
        ['คะแนนรวม', '87.65'],
        ['ระดับผลการประเมิน', 'A'],
      ],
    },
    { kind: 'paragraph', text: 'ผู้ใหญ่ที่ดูแลน้ำ' },
    {
      kind: 'chart',
      svg: '<svg width="300" height="120" xmlns="http://www.w3.org/2000/svg"><rect x="10" y="10" width="200" height="40" fill="#1f6f8b"/><text x="10" y="100" font-family="Sarabun">ตัวชี้วัดที่ 1</text></svg>',
      caption: 'แผนภูมิ',
      rows: [['ตัวชี้วัดที่ 1', '66.00']],
    },
  ],
};

describe('sendReport', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    app.decorateRequest('lang', 'th');
    app.decorateRequest('actor', null);
    app.get('/r.:format', async (request, reply) => {
      const { format } = request.params as { format: ReportFormat };
      return sendReport(reply, DOC, format, 'ผลการประเมิน-D01-2569');
    });
  });
  afterAll(async () => {
    await app.close();
    await closeSharedPdfRenderer();
  });

  it('prints a PDF with the Thai text and the bundled Sarabun embedded', async () => {
    const response = await app.inject({ url: '/r.pdf' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('attachment; filename="');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(response.rawPayload);
    expect(text).toContain('รายงานผลการประเมินคุณธรรมและความโปร่งใส');
    expect(text).toContain('กรมน้ำบาดาลตัวอย่าง');
    expect(text).toContain('87.65');
    expect(text).toContain('ผู้ใหญ่ที่ดูแลน้ำ');
    const fonts = await pdfFonts(response.rawPayload);
    expect(fonts.some((f) => /Sarabun-Regular$/.test(f.name) && f.embedded)).toBe(true);
  });

  it('answers 503 with a way out when Chromium is missing', async () => {
    configureSharedPdfRenderer('/nonexistent/chromium');
    try {
      const response = await app.inject({ url: '/r.pdf' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('ขณะนี้สร้างไฟล์ PDF ไม่ได้');
      expect(response.body).toContain('DOCX');
    } finally {
      configureSharedPdfRenderer('/usr/bin/chromium');
    }
  });

  it('sends a DOCX whose document holds the texts', async () => {
    const response = await app.inject({ url: '/r.docx' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('กรมน้ำบาดาลตัวอย่าง');
    expect(xml).toContain('87.65');
    const png = Object.keys(zip.files).find((f) => /^word\/media\/.+\.png$/.test(f));
    const bytes = await zip.file(png ?? '')?.async('nodebuffer');
    // the chart drawn by Chromium at twice its size: a real PNG of 600×240 pixels
    expect(bytes?.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes?.readUInt32BE(16)).toBe(600);
    expect(bytes?.readUInt32BE(20)).toBe(240);
  });

  it('shows HTML inline under a policy that allows its own styles but no script', async () => {
    const response = await app.inject({ url: '/r.html' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(String(response.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(response.body).toContain('<h1>รายงานผลการประเมินคุณธรรมและความโปร่งใส</h1>');
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    const value = contentDisposition('attachment', 'ผลการประเมิน-D01-2569.pdf');
    expect(value).toBe(
      `attachment; filename="D01-2569.pdf"; filename*=UTF-8''${encodeURIComponent('ผลการประเมิน-D01-2569.pdf')}`,
    );
  });

  it('never lets quotes or path parts through', () => {
    const value = contentDisposition('attachment', '../"a b".docx');
    expect(value).toBe(`attachment; filename="a-b.docx"; filename*=UTF-8''..%2F%22a%20b%22.docx`);
  });
});
