import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAgencyByCode } from '../../agencies/feature.js';
import { pdfText } from '../../../platform/infra/pdf-text.js';
import {
  createDemoApp,
  signedIn,
  type TestApp,
  type TestClient,
} from '../../../app/test-client.js';

/** Follows a progress page until its file is ready (the in-process queue runs the job). */
async function finished(client: TestClient, progressUrl: string) {
  let page = await client.get(progressUrl);
  for (let i = 0; i < 600 && !page.body.includes('data-download'); i++) {
    expect(page.body).not.toContain('class="error"');
    await new Promise((r) => setTimeout(r, 50));
    page = await client.get(progressUrl);
  }
  return page;
}

describe('roll-up reports: every unit’s result report as PDFs in one ZIP [sqlite]', () => {
  let t: TestApp;
  let ministry: TestClient;
  let m00 = '';

  beforeAll(async () => {
    t = await createDemoApp('sqlite');
    ministry = await signedIn(t, 'ministry@example.org');
    m00 = (await findAgencyByCode(t.ctx.db.kysely, 'M00'))?.id ?? '';
  });
  afterAll(async () => {
    await t.close();
  });

  it('is offered beside the roll-up workbook, as a form (a link would let a prefetch start it)', async () => {
    const page = await ministry.get(`/agencies/${m00}/rollup?year=2568&type=department`);
    expect(page.body).toContain(
      `<form method="post" action="/agencies/${m00}/rollup-reports.zip">`,
    );
    expect(page.body).toContain('<input type="hidden" name="type" value="department"/>');
    expect(page.body).toContain('สร้างรายงานผลของทุกหน่วยงาน (PDF ในไฟล์ ZIP)');
    expect(page.body).not.toContain('rollup-reports.zip?');
    // a GET starts nothing
    expect((await ministry.get(`/agencies/${m00}/rollup-reports.zip?year=2568`)).statusCode).toBe(
      404,
    );
  });

  it('is refused without the form token', async () => {
    const forged = await ministry.post(
      `/agencies/${m00}/rollup-reports.zip`,
      { year: '2568' },
      false,
    );
    expect(forged.statusCode).toBe(403);
  });

  it('queues a job whose progress page offers a ZIP with one PDF per unit, named by code', async () => {
    const started = await ministry.post(`/agencies/${m00}/rollup-reports.zip`, {
      year: '2568',
      type: 'department',
    });
    expect(started.statusCode).toBe(303);
    const progressUrl = String(started.headers.location);
    expect(progressUrl).toMatch(/^\/exports\/[\w-]+$/);
    // while it runs, the page reloads itself: the refresh is in the head, where HTML allows it
    const running = await ministry.get(progressUrl);
    expect(running.body).toMatch(/<progress /);
    expect(running.body).toMatch(/<head>.*<meta http-equiv="refresh" content="2"\/>.*<\/head>/);
    const page = await finished(ministry, progressUrl);
    expect(page.body).toContain(`${progressUrl}/download`);
    expect(page.body).toContain('ita-reports-M00-2568.zip');
    const file = await ministry.get(`${progressUrl}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(file.rawPayload));
    expect(Object.keys(entries).sort()).toEqual(['D01.pdf', 'D02.pdf', 'D03.pdf']);
    for (const [name, bytes] of Object.entries(entries)) {
      const pdf = Buffer.from(bytes);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = await pdfText(pdf);
      // each report is its own unit's: its name is on it, no other unit's
      const code = name.replace('.pdf', '');
      const agency = await findAgencyByCode(t.ctx.db.kysely, code);
      expect(text.replace(/\s+/g, '')).toContain(agency?.nameTh.replace(/\s+/g, ''));
      for (const other of ['D01', 'D02', 'D03'].filter((c) => c !== code)) {
        const otherName = (await findAgencyByCode(t.ctx.db.kysely, other))?.nameTh ?? '';
        expect(text.replace(/\s+/g, '')).not.toContain(otherName.replace(/\s+/g, ''));
      }
    }
    // the job and its file are the asker's alone
    const agency = await signedIn(t, 'agency@example.org');
    expect((await agency.get(progressUrl)).statusCode).toBe(404);
    expect((await agency.get(`${progressUrl}/download`)).statusCode).toBe(404);
  });

  it('is refused (not found) to someone who may not see the parent body’s results', async () => {
    const agency = await signedIn(t, 'agency@example.org');
    // their own department's roll-up page, for its form token
    const d01 = (await findAgencyByCode(t.ctx.db.kysely, 'D01'))?.id ?? '';
    expect((await agency.get(`/agencies/${d01}/rollup?year=2568`)).statusCode).toBe(200);
    const refused = await agency.post(`/agencies/${m00}/rollup-reports.zip`, { year: '2568' });
    expect(refused.statusCode).toBe(404);
    // their own department is theirs: its one report
    const own = await agency.post(`/agencies/${d01}/rollup-reports.zip`, { year: '2568' });
    expect(own.statusCode).toBe(303);
    const file = await agency.get(
      `${String((await finished(agency, String(own.headers.location))).body.match(/href="(\/exports\/[\w-]+\/download)"/)?.[1])}`,
    );
    expect(Object.keys(unzipSync(new Uint8Array(file.rawPayload)))).toEqual(['D01.pdf']);
    const anonymous = t.client();
    const asked = await anonymous.post(
      `/agencies/${m00}/rollup-reports.zip`,
      { year: '2568' },
      false,
    );
    expect([302, 303, 401, 403]).toContain(asked.statusCode);
  });
});
