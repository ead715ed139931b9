import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../platform/db/test-databases.js';
import { findRound } from '../../rounds/feature.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import { pdfFonts, pdfText } from '../../../platform/infra/pdf-text.js';
import { resultsEvidence } from '../evidence.js';
import { readCsvRecords } from '../../../core/csv-records.js';
import {
  csvTableProblems,
  dataPackageProblems,
  recordsProblems,
  type TableSchema,
} from '../../../core/table-schema.js';
import {
  createDemoApp,
  createTestApp,
  roundsOf,
  type ListedRound,
  type TestApp,
  type TestClient,
  signedIn,
  createOutsider,
} from '../../../app/test-client.js';

interface DataPackage {
  name: string;
  title: string;
  homepage: string;
  keywords: string[];
  resources: {
    name: string;
    path: string;
    format: string;
    mediatype: string;
    schema: TableSchema;
  }[];
}

/** A CSV file's header and rows of cells. */
function csvTable(text: string): { header: string[]; rows: string[][] } {
  const { records, error } = readCsvRecords(text);
  expect(error).toBeNull();
  const [header = [], ...rows] = records.map((r) => r.fields);
  return { header, rows };
}

describe('open data before anything is published', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t.close());

  it('has no data package (it would list no resource) and says so on the page', async () => {
    expect((await t.client().get('/public/open-data/datapackage.json')).statusCode).toBe(404);
    const page = await t.client().get('/public/open-data');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('ยังไม่มีผลการประเมินที่เผยแพร่');
    expect(page.body).not.toContain('datapackage.json');
  });
});

async function documentXml(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

async function readBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  // exceljs types ask for an ArrayBuffer; it reads a Node Buffer as well
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

for (const dialect of DIALECTS) {
  describe(`reports, exports and public results [${dialect}]`, () => {
    let t: TestApp;
    let agency: TestClient;
    let ministry: TestClient;
    let last: ListedRound;
    let current: ListedRound;
    let lastJson: { result: { total: number; level: { name: { th: string } } } };

    beforeAll(async () => {
      t = await createDemoApp(dialect, createFixedClock('2026-11-26T03:00:00.000Z'));
      agency = await signedIn(t, 'agency@example.org');
      ministry = await signedIn(t, 'ministry@example.org');
      const d01 = (await roundsOf(agency)).filter((r) => r.agencyCode === 'D01');
      last = d01.find((r) => r.editionYear === 2568) as ListedRound;
      current = d01.find((r) => r.editionYear === 2569) as ListedRound;
      lastJson = (await agency.api('GET', `/api/v1/rounds/${last.id}/results`)).json();
    }, 180_000);
    afterAll(async () => t.close());

    it('lists every report of a round with its formats', async () => {
      const page = await agency.get(`/rounds/${last.id}/reports`);
      expect(page.statusCode).toBe(200);
      for (const href of [
        `/rounds/${last.id}/reports/result.pdf`,
        `/rounds/${last.id}/reports/result.docx`,
        `/rounds/${last.id}/reports/analysis.html`,
        `/rounds/${last.id}/results.xlsx`,
        '/public/D01/2568/results',
      ])
        expect(page.body).toContain(`href="${href}"`);
    });

    it('prints the result report as HTML with total, level and the Buddhist-era date', async () => {
      expect(last.state).toBe('published');
      const total = lastJson.result.total.toFixed(2);
      const html = await agency.get(`/rounds/${last.id}/reports/result.html`);
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('รายงานผลการประเมินคุณธรรมและความโปร่งใส');
      expect(html.body).toContain('ประจำปีงบประมาณ พ.ศ. 2568');
      expect(html.body).toContain(`<td>${total}</td>`);
      expect(html.body).toContain(lastJson.result.level.name.th);
      expect(html.body).toContain('26 พฤศจิกายน พ.ศ. 2569');
      expect(html.body).toContain('<svg');
      expect(html.body).toContain('ที่มาของคะแนน');
      expect(html.body).toContain(`<a href="/rounds/${last.id}/reports">กลับ</a>`);
      expect(html.body).toContain('<a href="result.pdf">ดาวน์โหลด PDF</a>');
    });

    it('prints the reports in English for someone who chose English', async () => {
      const english = await signedIn(t, 'agency@example.org');
      await english.get('/lang/en?next=/');
      const html = await english.get(`/rounds/${last.id}/reports/analysis.html`);
      expect(html.body).toContain('<html lang="en">');
      expect(html.body).toContain(
        'Analysis of the Integrity and Transparency Assessment result, fiscal year 2025',
      );
      expect(html.body).toContain('As of 26 November 2026');
      expect(html.body).toContain('3. Weak points');
    });

    it('prints the result report as a PDF with Sarabun embedded', async () => {
      const response = await agency.get(`/rounds/${last.id}/reports/result.pdf`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(String(response.headers['content-disposition'])).toContain(
        'filename="ita-result-D01-2568.pdf"',
      );
      const text = (await pdfText(response.rawPayload)).replace(/\s+/g, ' ');
      const round = await findRound(t.ctx.db.kysely, last.id);
      expect(text).toContain('รายงานผลการประเมินคุณธรรมและความโปร่งใส');
      expect(text).toContain(round?.agencyNameTh ?? '?');
      expect(text).toContain(lastJson.result.total.toFixed(2));
      expect(text).toContain(lastJson.result.level.name.th);
      expect(text).toContain('พ.ศ. 2568');
      // a formal document: the month in full
      expect(text).toContain('ณ วันที่ 26 พฤศจิกายน พ.ศ. 2569');
      const fonts = await pdfFonts(response.rawPayload);
      expect(fonts.some((f) => f.name.includes('Sarabun') && f.embedded)).toBe(true);
      // the chart's axis and value labels too: no fallback font, no Type 3 outlines
      expect(fonts.filter((f) => !f.name.includes('Sarabun') || !f.embedded)).toEqual([]);
    });

    it('writes the analysis report with strengths, weak points and the measures as DOCX', async () => {
      await agency.get(`/rounds/${current.id}/measures`);
      const added = await agency.post(`/rounds/${current.id}/measures`, {
        targetType: 'indicator',
        targetCode: '1',
        title: 'อบรมการปฏิบัติหน้าที่อย่างโปร่งใส',
        description: '',
      });
      expect(added.statusCode).toBe(302);
      const response = await agency.get(`/rounds/${current.id}/reports/analysis.docx`);
      expect(response.statusCode).toBe(200);
      const xml = await documentXml(response.rawPayload);
      expect(xml).toContain('รายงานผลการวิเคราะห์ผลการประเมิน');
      expect(xml).toContain('จุดแข็ง');
      expect(xml).toContain('จุดที่ควรพัฒนา');
      expect(xml).toContain('คะแนนรวมที่เสีย');
      expect(xml).toContain('อบรมการปฏิบัติหน้าที่อย่างโปร่งใส');
      expect(xml).toContain('ผลระหว่างการประเมิน');
    });

    it('exports the round results as a workbook read back cell by cell', async () => {
      const response = await agency.get(`/rounds/${last.id}/results.xlsx`);
      expect(response.statusCode).toBe(200);
      const sheet = (await readBook(response.rawPayload)).getWorksheet('ผลการประเมิน');
      expect(sheet?.getRow(1).getCell(5).value).toBe('รายการ');
      expect(sheet?.getRow(2).getCell(6).value).toBe(lastJson.result.total);
      // the edition by its year, never its code (issue 13, part 8)
      expect(String(sheet?.getRow(2).getCell(5).value)).toContain(`เกณฑ์ปี ${last.editionYear}`);
      expect(String(sheet?.getRow(2).getCell(5).value)).not.toMatch(/ita-\d/);
      const kinds = new Set<string>();
      sheet?.eachRow((row, n) => {
        if (n > 2) kinds.add(String(row.getCell(4).value));
      });
      expect(kinds.has('เครื่องมือ')).toBe(true);
      expect(kinds.has('ตัวชี้วัด')).toBe(true);
      expect(kinds.has('ข้อ OIT')).toBe(true);
    });

    it('exports the ministry roll-up directly and in the background with progress', async () => {
      const agencies = (await ministry.api('GET', '/api/v1/agencies')).json().agencies as {
        id: string;
        code: string;
        parentId: string | null;
      }[];
      const top = agencies.find((a) => a.parentId === null) as { id: string };
      const direct = await ministry.get(`/agencies/${top.id}/rollup.xlsx?year=2568`);
      expect(direct.statusCode).toBe(200);
      const book = await readBook(direct.rawPayload);
      const units = book.getWorksheet('ผลรายหน่วยงาน');
      expect(units?.getRow(1).values).toContain('คะแนนรวม');
      expect(units?.rowCount).toBe(agencies.length + 1);
      expect(units?.getRow(2).getCell(1).value).toBe(1);
      // agency types in words, not their codes
      const types = new Set<string>();
      units?.eachRow((row, n) => {
        if (n > 1) types.add(String(row.getCell(4).value));
      });
      for (const type of types) expect(type).toMatch(/[\u0E00-\u0E7F]/);
      expect(book.getWorksheet('ตัวชี้วัดที่อ่อนที่สุด')?.rowCount).toBeGreaterThan(1);

      const started = await ministry.get(`/agencies/${top.id}/rollup.xlsx?year=2568&background=1`);
      expect(started.statusCode).toBe(303);
      const progressUrl = String(started.headers.location);
      expect(progressUrl).toMatch(/^\/exports\/[\w-]+$/);
      let page = await ministry.get(progressUrl);
      for (let i = 0; i < 200 && !page.body.includes('data-download'); i++) {
        await new Promise((r) => setTimeout(r, 20));
        page = await ministry.get(progressUrl);
      }
      expect(page.body).toContain(`${progressUrl}/download`);
      const file = await ministry.get(`${progressUrl}/download`);
      expect(file.statusCode).toBe(200);
      expect((await readBook(file.rawPayload)).getWorksheet('ผลรายหน่วยงาน')?.rowCount).toBe(
        agencies.length + 1,
      );
      expect((await agency.get(`${progressUrl}/download`)).statusCode).toBe(404);
    });

    it('shows the published results publicly, never a collecting round', async () => {
      const anonymous = t.client();
      const page = await anonymous.get('/public/D01/2568/results');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(lastJson.result.total.toFixed(2));
      expect(page.body).toContain('<svg');
      expect((await anonymous.get('/public/D01/2569/results')).statusCode).toBe(404);
      expect((await anonymous.get('/public/D01/2569/results.json')).statusCode).toBe(404);
      expect((await anonymous.get('/public/NOPE/2568/results')).statusCode).toBe(404);
      const json = (await anonymous.get('/public/D01/2568/results.json')).json();
      expect(json.total).toBe(lastJson.result.total);
      expect(json.agency.code).toBe('D01');
      const csv = (await anonymous.get('/public/D01/2568/results.csv')).body;
      expect(csv.startsWith('\uFEFFcode,type,depth,name_th,score,points_lost,note\r\n')).toBe(true);
      const html = await anonymous.get('/public/D01/2568/analysis.html');
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('จุดที่ควรพัฒนา');
      expect((await anonymous.get('/public/D01/2569/analysis.html')).statusCode).toBe(404);
    });

    it('publishes national open data for the year as CSV and JSON', async () => {
      const anonymous = t.client();
      const json = (await anonymous.get('/public/open-data/2568.json')).json() as {
        count: number;
        records: { agency_code: string; total: number; year: number }[];
      };
      expect(json.count).toBeGreaterThan(1);
      const d01 = json.records.find((r) => r.agency_code === 'D01');
      expect(d01?.total).toBe(lastJson.result.total);
      expect(d01?.year).toBe(2568);
      const csv = (await anonymous.get('/public/open-data/2568.csv')).body.split('\r\n');
      expect(csv[0]).toBe(
        '\uFEFFagency_code,agency_name,agency_type,year,iit,eit,oit,total,level_code,level_name_th,note,level_name_en,withheld',
      );
      expect(csv.filter((l) => l !== '').length).toBe(json.count + 1);
      const empty = (await anonymous.get('/public/open-data/2569.json')).json();
      expect(empty.count).toBe(0);
    });

    it('describes the open data as a Frictionless Data Package that its files follow', async () => {
      // a Host header of the client's choosing changes nothing: addresses come from APP_URL
      const anonymous = t.client();
      const answer = await anonymous.get('/public/open-data/datapackage.json', {
        host: 'evil.example',
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toContain('application/json');
      expect(answer.headers['access-control-allow-origin']).toBe('*');
      const pkg = answer.json() as DataPackage;
      expect(pkg).toMatchObject({
        name: 'prongsai-ita-results',
        homepage: 'http://localhost/public/open-data',
        licenses: [{ name: 'CC-BY-4.0' }],
        version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
        created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      expect(dataPackageProblems(pkg)).toEqual([]);
      expect(pkg.title).toMatch(/^ผลการประเมิน/);
      expect(pkg.keywords).toContain('ITA');
      // one CSV and one JSON resource per published year (2568 in the demo), absolute addresses
      expect(pkg.resources.map((r) => [r.name, r.path, r.format, r.mediatype])).toEqual([
        ['ita-results-2568-csv', 'http://localhost/public/open-data/2568.csv', 'csv', 'text/csv'],
        [
          'ita-results-2568-json',
          'http://localhost/public/open-data/2568.json',
          'json',
          'application/json',
        ],
      ]);
      for (const resource of pkg.resources) {
        const { schema } = resource;
        expect(schema.primaryKey).toEqual(['agency_code', 'year']);
        expect(schema.missingValues).toEqual(['']);
        const fields = Object.fromEntries(schema.fields.map((f) => [f.name, f]));
        expect(fields.total).toMatchObject({
          type: 'number',
          unit: 'points',
          constraints: { minimum: 0, maximum: 100 },
        });
        expect(fields.level_code?.constraints?.enum).toEqual(
          expect.arrayContaining(['excellent', 'AA']),
        );
        for (const field of schema.fields) {
          expect(field.title).toMatch(/[\u0E00-\u0E7F]/);
          expect(field.description).toMatch(/[\u0E00-\u0E7F].* \/ [A-Z]/);
        }
        const file = await anonymous.get(new URL(resource.path).pathname);
        expect(file.statusCode).toBe(200);
        if (resource.format === 'csv') {
          const { header, rows } = csvTable(file.body);
          const read = csvTableProblems(schema, header, rows);
          expect(read.problems).toEqual([]);
          expect(read.records.length).toBeGreaterThan(1);
        } else {
          const json = file.json() as { columns: string[]; records: Record<string, unknown>[] };
          // the columns declared are exactly each record's, in order, and the schema's fields
          expect(json.columns).toEqual(schema.fields.map((f) => f.name));
          expect(recordsProblems(schema, json.records)).toEqual([]);
          for (const record of json.records) expect(Object.keys(record)).toEqual(json.columns);
        }
      }
      // the CSV and the JSON say the same: the CSV read through the schema is the JSON, but
      // for the two decimals of the CSV's figures
      const schema = pkg.resources[0]!.schema;
      const table = csvTable((await anonymous.get('/public/open-data/2568.csv')).body);
      const csvRead = csvTableProblems(schema, table.header, table.rows).records;
      const jsonRecords = (await anonymous.get('/public/open-data/2568.json')).json()
        .records as Record<string, unknown>[];
      const rounded = (record: Record<string, unknown>) =>
        Object.fromEntries(
          Object.entries(record).map(([k, v]) => [
            k,
            typeof v === 'number' && k !== 'year' ? Number(v.toFixed(2)) : v,
          ]),
        );
      expect(csvRead.map(rounded)).toEqual(jsonRecords.map(rounded));
    });

    it('has a public open data page linking each year, the licence and the data package', async () => {
      const page = await t.client().get('/public/open-data');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(
        '<link rel="describedby" type="application/json" href="/public/open-data/datapackage.json"',
      );
      for (const href of [
        '/public/open-data/2568.csv',
        '/public/open-data/2568.json',
        '/public/open-data/datapackage.json',
        'https://creativecommons.org/licenses/by/4.0/',
      ])
        expect(page.body).toContain(`href="${href}"`);
      expect(page.body).toContain('<code>level_name_en</code>');
      const results = await t.client().get('/public/D01/2568/results');
      expect(results.body).toContain('href="/public/open-data"');
      expect(results.body).toContain(
        '<link rel="alternate" type="application/json" href="/public/D01/2568/results.json"',
      );
    });

    it("refuses another agency's user with 404", async () => {
      const outsider = await createOutsider(t);
      expect((await outsider.get(`/rounds/${last.id}/reports`)).statusCode).toBe(404);
      expect((await outsider.get(`/rounds/${last.id}/reports/result.html`)).statusCode).toBe(404);
      expect((await outsider.get(`/rounds/${last.id}/results.xlsx`)).statusCode).toBe(404);
      const agencies = (await ministry.api('GET', '/api/v1/agencies')).json().agencies as {
        id: string;
        parentId: string | null;
      }[];
      const top = agencies.find((a) => a.parentId === null)?.id ?? '';
      expect((await outsider.get(`/agencies/${top}/rollup.xlsx?year=2568`)).statusCode).toBe(404);
      expect(
        (await outsider.get(`/agencies/${top}/rollup.xlsx?year=2568&background=1`)).statusCode,
      ).toBe(404);
    });

    it('offers last year’s public results as OIT evidence of this year', async () => {
      const round = await findRound(t.ctx.db.kysely, current.id);
      const documents = await resultsEvidence(t.ctx, round!);
      expect(documents.map((d) => [d.source, d.url, d.fiscalYear])).toEqual([
        ['ita_results', '/public/D01/2568/results', 2568],
        ['ita_analysis', '/public/D01/2568/analysis.pdf', 2568],
      ]);
      const lastRound = await findRound(t.ctx.db.kysely, last.id);
      expect(await resultsEvidence(t.ctx, lastRound!)).toEqual([]);
    });
  });
}
