import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAuditEntries } from '../../audit/feature.js';
import { findScoreSnapshot } from '../../rounds/feature.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { randomIds } from '../../../platform/infra/clock.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { openFileStore } from '../../../platform/services/file-store.service.js';
import { countStored, received } from '../../../platform/services/file-store.test-support.js';
import { openU1Round, worldAt } from '../../../app/test-world.js';
import { answerClarification, getClarification } from './oit-review-clarify.service.js';
import { getReviewItem } from './oit-review-item.service.js';
import { confirmOitRound, getRoundOitScores } from './oit-review-score.service.js';
import {
  assignAssessor,
  getReviewRound,
  listMyReviewRounds,
  recordDecision,
} from './oit-review.service.js';
import { moveRound } from '../../rounds/feature.js';
import { step } from '../../../app/test-steps.js';

const NOW = '2026-11-26T03:00:00.000Z';
const { seedActor, seedAgencies, tickingClock } = worldAt(NOW);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

describeEachDialect('OIT review service', (getDb) => {
  let ctx: ServiceContext;
  let parent: Actor;
  let first: Actor;
  let second: Actor;
  let agency: Actor;
  let outsider: Actor;
  let roundId: string;
  let filesDir: string;

  /** Clarification files and answers in the database, and files in the store. */
  async function stored() {
    const db = getDb().kysely;
    return {
      files: await db
        .selectFrom('oit_file')
        .selectAll()
        .where('added_in', '=', 'clarification')
        .orderBy('uploaded_at')
        .execute(),
      answers: await db.selectFrom('oit_clarification').selectAll().orderBy('created_at').execute(),
      onDisk: await countStored(ctx, 'uploads'),
    };
  }

  afterAll(async () => {
    await rm(filesDir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    filesDir = await mkdtemp(join(tmpdir(), 'prongsai-clarify-'));
    const db = getDb();
    ctx = {
      db,
      clock: tickingClock(),
      ids: randomIds,
      files: openFileStore(db, { FILES_DIR: filesDir }),
    };
    await seedAgencies(db);
    parent = await seedActor(db, 'min@example.org', 'parent_admin', 'min');
    first = await seedActor(db, 'a1@example.org', 'assessor', 'min');
    second = await seedActor(db, 'a2@example.org', 'assessor', 'min');
    agency = await seedActor(db, 'u1@example.org', 'agency_admin', 'u1');
    outsider = await seedActor(db, 'u2@example.org', 'agency_admin', 'u2');
    roundId = await openU1Round(ctx, parent);
    await moveRound(ctx, parent, roundId, 'collecting');
    await db.kysely
      .insertInto('oit_evidence')
      .values({
        id: 'ev1',
        round_id: roundId,
        item_code: 'O1',
        owner_user_id: agency.user.id,
        status: 'submitted',
        explanation: '',
        elements_json: JSON.stringify({ 'O1.1': { done: true, where: 'หน้า 2' } }),
        updated_at: NOW,
      })
      .execute();
    await moveRound(ctx, parent, roundId, 'oit_review');
  });

  /** The round's story (app/test-steps.ts): assessors a1 (primary) and a2 (second) assigned. */
  const assigned = step(async () => {
    await expect(assignAssessor(ctx, agency, roundId, { email: 'a1@example.org' })).rejects.toThrow(
      /may not assign/,
    );
    await expect(
      assignAssessor(ctx, parent, roundId, { email: 'u1@example.org', role: 'primary' }),
    ).rejects.toThrow(/not an assessor/);
    await assignAssessor(ctx, parent, roundId, { email: 'a1@example.org', role: 'primary' });
    const all = await assignAssessor(ctx, parent, roundId, {
      email: 'a2@example.org',
      role: 'second',
    });
    expect(all.map((a) => a.role).sort()).toEqual(['primary', 'second']);
    expect((await listMyReviewRounds(ctx, first)).map((r) => r.round.id)).toEqual([roundId]);
    const audit = await listAuditEntries(getDb().kysely, 0, 1000);
    expect(audit.filter((e) => e.action === 'oit.assign')).toHaveLength(2);
  });

  /** Both assessors decide O1 and O2. */
  const decided = step(async () => {
    await assigned();
    const fail = { itemCode: 'O1', score: 0, reason: '', advice: '' };
    await expect(recordDecision(ctx, first, roundId, fail)).rejects.toThrow(/reason/);
    await expect(
      recordDecision(ctx, first, roundId, { ...fail, score: 50, reason: 'x' }),
    ).rejects.toThrow(/only pass or fail/);
    await recordDecision(ctx, first, roundId, { ...fail, reason: 'ลิงก์เปิดไม่ได้', advice: 'แก้ลิงก์' });
    await recordDecision(ctx, first, roundId, { itemCode: 'O2', score: 100 });
    await recordDecision(ctx, second, roundId, { itemCode: 'O1', score: 100 });
    await recordDecision(ctx, second, roundId, { itemCode: 'O2', score: 100 });
    const overview = await getReviewRound(ctx, first, roundId);
    expect(overview.items.find((i) => i.item.code === 'O1')?.primary?.score).toBe(0);
    expect(overview.agreement).toMatchObject({ items: 2, agreed: 1, percent: 0.5 });
    const item = await getReviewItem(ctx, first, roundId, 'O1');
    expect(item.elements[0]).toMatchObject({ code: 'O1.1', done: true, where: 'หน้า 2' });
    const audit = await listAuditEntries(getDb().kysely, 0, 1000);
    expect(audit.filter((e) => e.action === 'oit.decide')).toHaveLength(4);
  });

  /** The clarification window: O1 answered, then passed in the final decision. */
  const o1Clarified = step(async () => {
    await decided();
    const answer = { itemCode: 'O1', text: 'แก้ลิงก์แล้ว' };
    await expect(answerClarification(ctx, agency, roundId, answer)).rejects.toThrow(/not open/);
    // the parent body moves the round on; its assessors review it (issue 12)
    await expect(moveRound(ctx, first, roundId, 'clarification')).rejects.toThrow(/may not change/);
    await moveRound(ctx, parent, roundId, 'clarification');
    await expect(
      answerClarification(ctx, agency, roundId, { itemCode: 'O2', text: 'x' }),
    ).rejects.toThrow(/Only failed/);
    await expect(
      answerClarification(ctx, agency, roundId, { ...answer, newUrl: 'https://x.example/a' }),
    ).rejects.toThrow(/first links/);
    await expect(
      answerClarification(ctx, agency, roundId, { ...answer, text: ' ' }),
    ).rejects.toThrow();
    await answerClarification(ctx, agency, roundId, answer);
    const view = await getClarification(ctx, agency, roundId);
    expect(view.mayAnswer).toBe(true);
    expect(view.items.map((i) => i.item.code)).toEqual(['O1']);
    expect(view.items[0]?.decision.reason).toBe('ลิงก์เปิดไม่ได้');
    const before = await getRoundOitScores(ctx, first, roundId);
    await recordDecision(ctx, first, roundId, { itemCode: 'O1', score: 100 });
    const after = await getRoundOitScores(ctx, first, roundId);
    expect(after.oit?.score ?? 0).toBeGreaterThan(before.oit?.score ?? 0);
    expect(after.indicators.map((i) => i.code)).toEqual(['9', '10']);
  });

  /** O3 failed, and answered with a file. */
  const o3FileAnswered = step(async () => {
    await o1Clarified();
    // the file as the form brings it: in the store on arrival (the route drops it if refused)
    const upload = (name: string, bytes: Buffer) => received(ctx, name, bytes, 1024);
    const pdf = await upload('หลักฐาน.pdf', PDF);
    await recordDecision(ctx, first, roundId, { itemCode: 'O3', score: 0, reason: 'ไม่มีข้อมูล' });
    const before = await stored();
    const refusals: [Actor, Awaited<ReturnType<typeof upload>>, RegExp][] = [
      [agency, await upload('tool.exe', Buffer.from('MZ\x90')), /Only .* files/],
      [agency, await upload('big.pdf', Buffer.concat([PDF, Buffer.alloc(2048)])), /too large/],
      [agency, await upload('fake.pdf', Buffer.from('<html>')), /Only .* files/],
      [outsider, pdf, /not found/],
    ];
    for (const [who, file, message] of refusals)
      await expect(
        answerClarification(ctx, who, roundId, { itemCode: 'O3', text: 'x' }, file),
      ).rejects.toThrow(message);
    await expect(
      answerClarification(ctx, agency, roundId, { itemCode: 'O2', text: 'x' }, pdf),
    ).rejects.toThrow(/Only failed/);
    expect(await stored()).toEqual(before);

    // O3 was never filled in: the file gets an evidence row of its own
    const row = await answerClarification(
      ctx,
      agency,
      roundId,
      { itemCode: 'O3', text: 'แนบแล้ว' },
      pdf,
    );
    const { files, answers, onDisk } = await stored();
    expect(files).toHaveLength(before.files.length + 1);
    const file = files.at(-1);
    expect(file).toMatchObject({
      id: row.fileId,
      added_in: 'clarification',
      original_name: 'หลักฐาน.pdf',
      content_type: 'application/pdf',
      size: PDF.length,
      uploaded_by: agency.user.id,
    });
    expect(answers.at(-1)).toMatchObject({ id: row.id, file_id: file?.id, item_code: 'O3' });
    // the one copy stored on arrival is the one referred to: nothing written twice
    expect(onDisk).toBe(before.onDisk);
    const audit = (await listAuditEntries(getDb().kysely, 0, 1000)).filter(
      (e) => e.action === 'oit.clarify' && e.entityId === row.id,
    );
    expect(JSON.stringify(audit[0]?.details)).toContain(file?.sha256 ?? 'missing');
    const view = await getClarification(ctx, agency, roundId);
    expect(view.items.find((i) => i.item.code === 'O3')?.files.map((f) => f.id)).toEqual([
      file?.id,
    ]);
    const item = await getReviewItem(ctx, first, roundId, 'O3');
    expect(item.files.map((f) => [f.id, f.addedIn])).toEqual([[file?.id, 'clarification']]);
    expect(item.clarifications.map((c) => c.fileId)).toEqual([file?.id]);
  });

  it('lets only a parent admin assign assessors, and audits it', () => assigned());

  it('records decisions with reasons, refuses partial scores, and measures agreement', () =>
    decided());

  it('hides the round from another agency entirely', async () => {
    await expect(getReviewRound(ctx, outsider, roundId)).rejects.toThrow(/not found/);
    await expect(getReviewItem(ctx, outsider, roundId, 'O1')).rejects.toThrow(/not found/);
    await expect(getClarification(ctx, outsider, roundId)).rejects.toThrow(/not found/);
    await expect(getRoundOitScores(ctx, outsider, roundId)).rejects.toThrow(/not found/);
    await expect(
      answerClarification(ctx, outsider, roundId, { itemCode: 'O1', text: 'x' }),
    ).rejects.toThrow(/not found/);
    await expect(getReviewRound(ctx, agency, roundId)).rejects.toThrow(/not found/);
  });

  it('takes clarifications only for failed items in the window, then a final decision', () =>
    o1Clarified());

  it('stores a new file with an answer as a clarification file, audited, and refuses bad files', () =>
    o3FileAnswered());

  it('confirms the round with a score snapshot and then changes nothing', async () => {
    await o3FileAnswered();
    await expect(confirmOitRound(ctx, agency, roundId)).rejects.toThrow(/may not change/);
    // confirming is the parent body's, never the assessor's who reviewed the round (issue 12)
    await expect(confirmOitRound(ctx, first, roundId)).rejects.toThrow(/may not change/);
    const summary = await confirmOitRound(ctx, parent, roundId);
    expect(summary.decided).toBe(3);
    const snapshot = await findScoreSnapshot(getDb().kysely, roundId);
    expect(snapshot?.resultJson).toContain('"engineVersion"');
    await expect(
      recordDecision(ctx, first, roundId, { itemCode: 'O3', score: 100 }),
    ).rejects.toThrow(/only during/);
    await expect(
      answerClarification(ctx, agency, roundId, { itemCode: 'O1', text: 'x' }),
    ).rejects.toThrow(/not open/);
  });
});
