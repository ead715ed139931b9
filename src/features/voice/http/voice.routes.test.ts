import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, SURVEY_RESPONSE_COLUMNS } from '../../../platform/db/test-databases.js';
import { findUserByEmail } from '../../users/feature.js';
import { createFixedClock } from '../../../platform/infra/clock.js';
import { pdfText } from '../../../platform/infra/pdf-text.js';
import { loadActor } from '../../users/feature.js';
import { DEMO_PASSWORD } from '../../../app/demo.js';
import { ensureSurveyLinks } from '../../surveys/feature.js';
import {
  csrfOf,
  createDemoApp,
  type TestApp,
  type TestClient,
  signedIn,
} from '../../../app/test-client.js';

function hiddenOf(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of body.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[match[1]!] = match[2]!;
  return fields;
}

/** The first option of every radio group of a step page. */
function answersOf(body: string): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const match of body.matchAll(/type="radio" id="[^"]+" name="([^"]+)" value="([^"]+)"/g))
    answers[match[1]!] ??= match[2]!;
  return answers;
}

const COMMENT = 'นางสาวสมหญิง รักงาน เรียกรับสินน้ำใจ โทร 089-876-5432 หรือ somying.r@example.com';

for (const dialect of DIALECTS) {
  describe(`stakeholder voice page and survey comment [${dialect}]`, () => {
    let t: TestApp;
    let agency: TestClient;
    let roundId = '';
    let iitCode = '';

    beforeAll(async () => {
      t = await createDemoApp(dialect, createFixedClock('2026-11-26T03:00:00.000Z'));
      agency = await signedIn(t, 'agency@example.org');
      const { rounds } = (await agency.api('GET', '/api/v1/rounds?state=collecting')).json() as {
        rounds: { id: string; agencyCode: string; editionCode: string }[];
      };
      roundId =
        rounds.find((r) => r.agencyCode === 'D01' && r.editionCode === 'ita-2569')?.id ?? '';
      const user = await findUserByEmail(t.ctx.db.kysely, 'agency@example.org');
      const actor = user ? await loadActor(t.ctx.db.kysely, user.id) : null;
      if (!actor) throw new Error('demo account missing');
      const links = await ensureSurveyLinks(t.ctx, actor, roundId);
      iitCode = links.find((l) => l.instrument === 'IIT')?.code ?? '';
    }, 180_000);
    afterAll(async () => t.close());

    it('shows themes with their indicators and masked quotes, and withholds a small group', async () => {
      const page = await agency.get(`/rounds/${roundId}/voice`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('เสียงผู้มีส่วนได้ส่วนเสีย');
      // the title once, as the page's one heading (issue 13, part 8)
      expect(page.body.match(/<h1[^>]*>[^<]*เสียงผู้มีส่วนได้ส่วนเสีย/g)).toHaveLength(1);
      expect(page.body).toContain('ของขวัญและผลประโยชน์');
      expect(page.body).toContain('4 การใช้ทรัพย์สินของราชการ');
      expect(page.body).toContain('นับเฉพาะคำตอบก่อนวันที่ 26 พ.ย. 2569');
      expect(page.body).toContain('อื่น ๆ');
      expect(page.body).toContain('นาย[ชื่อ]');
      expect(page.body).toContain('[เบอร์โทร]');
      expect(page.body).toContain('<svg');
      expect(page.body).not.toMatch(/สมชาย|081-234-5678|staff\.d01@/);
      const eit = page.body.slice(page.body.indexOf('data-instrument="EIT"'));
      expect(eit).toContain('ไม่แสดง: มีผู้เขียนข้อเสนอแนะน้อยกว่า 5 คน');
      expect(eit).not.toContain('รอคิวนาน');
      expect(eit).not.toContain('<q>');
      const round = await agency.get(`/rounds/${roundId}`);
      expect(round.body).toContain(`/rounds/${roundId}/voice`);
    });

    it('speaks English when asked, dates in the Gregorian calendar', async () => {
      const c = await signedIn(t, 'agency@example.org');
      await c.get(`/lang/en?next=/rounds/${roundId}/voice`);
      const page = await c.get(`/rounds/${roundId}/voice`);
      expect(page.body).toContain('Stakeholder voice');
      expect(page.body).toContain('Gifts and benefits');
      expect(page.body).toContain('Withheld: fewer than 5 people wrote a comment');
      expect(page.body).toContain('only answers before 26 Nov 2026 are counted');
    });

    it('gives the same summary as JSON, the small group withheld', async () => {
      const api = await agency.api('GET', `/api/v1/rounds/${roundId}/voice`);
      expect(api.statusCode).toBe(200);
      const body = api.json() as {
        instruments: { code: string; summary: { withheld: boolean } }[];
      };
      expect(body.instruments.map((i) => [i.code, i.summary.withheld])).toEqual([
        ['IIT', false],
        ['EIT', true],
      ]);
    });

    it('shows imported comments masked in the import preview and stores nothing on a check', async () => {
      const csv = `date,i1.1,comment\n2026-11-20,3,"${COMMENT}"\n`;
      await agency.get(`/rounds/${roundId}/surveys/IIT/import`); // the form's token
      const check = await agency.post(`/rounds/${roundId}/surveys/IIT/import`, {
        csv,
        mode: 'preview',
      });
      expect(check.statusCode).toBe(200);
      expect(check.body).toContain('ข้อเสนอแนะ (ปิดบังข้อมูลส่วนบุคคลแล้ว)');
      expect(check.body).toContain('นางสาว[ชื่อ] เรียกรับสินน้ำใจ โทร [เบอร์โทร] หรือ [อีเมล]');
      // (the text box gives the user back their own paste; the checked rows are masked)
      const table = check.body.slice(check.body.indexOf('<table'), check.body.indexOf('</table>'));
      expect(table).toContain('[อีเมล]');
      expect(table).not.toMatch(/สมหญิง|8765|somying/);
    });

    it('puts the voice section in the analysis report (HTML, DOCX, PDF), masked and withheld alike', async () => {
      const base = `/rounds/${roundId}/reports/analysis`;
      const html = await agency.get(`${base}.html`);
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('เสียงผู้มีส่วนได้ส่วนเสีย');
      expect(html.body).toContain('ของขวัญและผลประโยชน์');
      expect(html.body).toContain('นาย[ชื่อ]');
      expect(html.body).toContain('ไม่แสดง: มีผู้เขียนข้อเสนอแนะน้อยกว่า 5 คน');
      expect(html.body).not.toMatch(/สมชาย|081-234-5678|รอคิวนาน/);
      const docx = await agency.get(`${base}.docx`);
      expect(docx.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(docx.rawPayload);
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(xml).toContain('การใช้ทรัพย์สินของราชการ');
      expect(xml).not.toContain('สมชาย');
      const pdf = await agency.get(`${base}.pdf`);
      expect(pdf.statusCode).toBe(200);
      const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, '');
      expect(text).toContain('เสียงผู้มีส่วนได้ส่วนเสีย');
      expect(text).not.toContain('สมชาย');
    });

    it('is not found for an account of another agency', async () => {
      const admin = await signedIn(t, 'admin@example.org');
      const csrf = await csrfOf(admin);
      const agencies = (await admin.api('GET', '/api/v1/agencies')).json().agencies as {
        id: string;
        code: string;
      }[];
      const created = await admin.api(
        'POST',
        '/api/v1/users',
        {
          email: 'd02-voice@example.org',
          displayName: 'ผู้ดูแล D02',
          password: DEMO_PASSWORD,
          agencyId: agencies.find((a) => a.code === 'D02')?.id,
          role: 'agency_admin',
        },
        csrf,
      );
      expect(created.statusCode).toBe(201);
      const outsider = await signedIn(t, 'd02-voice@example.org');
      expect((await outsider.get(`/rounds/${roundId}/voice`)).statusCode).toBe(404);
      const api = await outsider.api('GET', `/api/v1/rounds/${roundId}/voice`);
      expect(api.statusCode).toBe(404);
    });

    it('stores a comment sent through /s/:code masked, with no identifying column', async () => {
      const c = t.client();
      const consent = await c.get(`/s/${iitCode}`);
      let page = await c.post(`/s/${iitCode}/start`, hiddenOf(consent.body), false);
      let steps = 0;
      while (!page.body.includes('name="comment"') && steps < 10) {
        page = await c.post(
          `/s/${iitCode}/step`,
          { ...hiddenOf(page.body), ...answersOf(page.body), go: 'next' },
          false,
        );
        steps += 1;
      }
      expect(page.body).toContain('<textarea');
      expect(page.body).toContain('โปรดอย่าเขียนชื่อ เบอร์โทรศัพท์ อีเมล');
      // going back keeps the comment in a hidden field
      const lastForm = { ...hiddenOf(page.body), ...answersOf(page.body) };
      const back = await c.post(
        `/s/${iitCode}/step`,
        { ...lastForm, comment: COMMENT, go: 'back' },
        false,
      );
      expect(hiddenOf(back.body).comment).toBe(COMMENT);
      const forward = await c.post(
        `/s/${iitCode}/step`,
        { ...hiddenOf(back.body), ...answersOf(back.body), go: 'next' },
        false,
      );
      expect(forward.body).toContain(`>${COMMENT}</textarea>`);
      const done = await c.post(
        `/s/${iitCode}/step`,
        // the browser sends the textarea's content with the last step
        { ...hiddenOf(forward.body), ...answersOf(forward.body), comment: COMMENT, go: 'next' },
        false,
      );
      expect(done.body).toContain('ขอบคุณที่ตอบแบบวัด');
      const rows = await t.ctx.db.kysely
        .selectFrom('survey_response')
        .selectAll()
        .where('round_id', '=', roundId)
        .where('comment', 'like', '%สินน้ำใจ%')
        .execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.comment).toBe('นางสาว[ชื่อ] เรียกรับสินน้ำใจ โทร [เบอร์โทร] หรือ [อีเมล]');
      expect(rows[0]?.source).toBe('web');
      expect(Object.keys(rows[0] ?? {}).sort()).toEqual(SURVEY_RESPONSE_COLUMNS);
      expect(JSON.stringify(rows)).not.toMatch(/สมหญิง|8765|somying/);
    });
  });
}
