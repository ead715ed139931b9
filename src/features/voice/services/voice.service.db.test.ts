import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_MIN_GROUP_SIZE as MIN_GROUP_SIZE } from '../../../core/disclosure/disclosure.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { createFixedClock, randomIds } from '../../../platform/infra/clock.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { openU1Round, MINISTRY_TREE, worldAt } from '../../../app/test-world.js';
import { importResponses } from '../../surveys/feature.js';
import { moveRound } from '../../rounds/feature.js';
import { getRoundVoice } from './voice.service.js';
import { voiceReportBlocks } from './voice-report.js';

const NOW = '2026-05-20T03:00:00.000Z';
const { seedActor, seedAgencies } = worldAt(NOW);

/** A CSV of answers with a comment column: one row per comment, on the given day. */
function csvOf(item: string, answer: string, comments: string[], day = '2026-05-14'): string {
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const rows = comments.map((c) => `${day},${answer},${quote(c)}`);
  return [`date,${item},comment`, ...rows].join('\n');
}

const IIT_COMMENTS = [
  'นายสมชาย ใจดี เรียกรับเงินพิเศษ โทร 081-234-5678',
  'การใช้รถราชการไปธุระส่วนตัว แจ้งที่ somchai.j@example.co.th',
  'ขั้นตอนล่าช้า รอนานมาก',
  'ผู้บังคับบัญชาเลือกปฏิบัติ ไม่เป็นธรรม',
  'อยากให้ปรับปรุงอาคารจอดรถ',
  'ขั้นตอนล่าช้า รอนานมาก',
];

describeEachDialect('stakeholder voice service', (getDb) => {
  let ctx: ServiceContext;
  let member: Actor;
  let parent: Actor;
  let outsider: Actor;
  let roundId: string;

  beforeAll(async () => {
    const db = getDb();
    ctx = { db, clock: createFixedClock(NOW), ids: randomIds };
    await seedAgencies(
      db,
      MINISTRY_TREE.map((a) => ({ ...a, nameEn: a.id })),
    );
    parent = await seedActor(db, 'min@example.org', 'parent_admin', 'min');
    member = await seedActor(db, 'u1@example.org', 'agency_admin', 'u1');
    outsider = await seedActor(db, 'u2@example.org', 'agency_admin', 'u2');
    roundId = await openU1Round(ctx, parent);
    await moveRound(ctx, parent, roundId, 'collecting');
    const iit = await importResponses(
      ctx,
      member,
      roundId,
      'IIT',
      { csvText: csvOf('i2', '3', IIT_COMMENTS) },
      { dryRun: false },
    );
    expect(iit.imported).toBe(IIT_COMMENTS.length);
    // EIT: plenty of respondents, but fewer comments than the minimum group size
    const eitComments = ['บริการดีมาก เจ้าหน้าที่ยิ้มแย้ม', ...Array(9).fill('')];
    const eit = await importResponses(
      ctx,
      member,
      roundId,
      'EIT',
      { csvText: csvOf('e2', '4', eitComments) },
      { dryRun: false },
    );
    expect(eit.imported).toBe(10);
  });

  it('stores imported comments masked: no name, phone or e-mail reaches the table', async () => {
    const rows = await getDb()
      .kysely.selectFrom('survey_response')
      .select(['instrument', 'comment'])
      .where('round_id', '=', roundId)
      .execute();
    const comments = rows.map((r) => r.comment).filter((c): c is string => c !== null);
    expect(comments).toHaveLength(IIT_COMMENTS.length + 1);
    expect(comments).toContain('นาย[ชื่อ] เรียกรับเงินพิเศษ โทร [เบอร์โทร]');
    expect(comments).toContain('การใช้รถราชการไปธุระส่วนตัว แจ้งที่ [อีเมล]');
    expect(comments.join('\n')).not.toMatch(/สมชาย|somchai|@|5678/);
    expect(rows.filter((r) => r.comment === null)).toHaveLength(9);
  });

  it('summarises each instrument for a member: themes with indicators, words, masked quotes', async () => {
    const voice = await getRoundVoice(ctx, member, roundId);
    expect(voice.instruments.map((i) => i.code)).toEqual(['IIT', 'EIT']);
    const iit = voice.instruments[0]?.summary;
    if (!iit || iit.withheld) throw new Error('IIT should be shown');
    expect(iit.comments).toBe(IIT_COMMENTS.length);
    expect(iit.respondents).toBe(IIT_COMMENTS.length);
    const counts = Object.fromEntries(iit.themes.map((t) => [t.code, t.count]));
    expect(counts).toMatchObject({ gifts: 1, property: 1, service: 2, fairness: 1, other: 1 });
    expect(iit.themes.find((t) => t.code === 'property')?.indicator?.code).toBe('4');
    expect(iit.words.map((w) => [w.word, w.count])).toContainEqual(['ล่าช้า', 2]);
    // the same comment twice is quoted once
    expect(iit.quotes.filter((q) => q === 'ขั้นตอนล่าช้า รอนานมาก')).toHaveLength(1);
    expect(iit.quotes.join('\n')).not.toMatch(/สมชาย|somchai|@|5678/);
  });

  it(`withholds an instrument with fewer than ${MIN_GROUP_SIZE} comments: no count, word or quote`, async () => {
    const voice = await getRoundVoice(ctx, parent, roundId);
    expect(voice.instruments[1]?.summary).toEqual({
      withheld: true,
      reason: 'comments',
      minimum: MIN_GROUP_SIZE,
    });
  });

  it('leaves today’s answers out while collecting', async () => {
    const later = { ...ctx, clock: createFixedClock('2026-05-14T03:00:00.000Z') };
    const voice = await getRoundVoice(later, member, roundId);
    expect(voice.countedBefore).toBe('2026-05-14');
    expect(voice.instruments[0]?.summary).toMatchObject({ withheld: true, reason: 'respondents' });
  });

  it('is not found for a user of another agency', async () => {
    await expect(getRoundVoice(ctx, outsider, roundId)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('gives report blocks with the theme table and quotes, and only a note when withheld', async () => {
    const voice = await getRoundVoice(ctx, member, roundId);
    const blocks = await voiceReportBlocks(ctx, voice.round, 'th');
    expect(blocks[0]).toMatchObject({ kind: 'heading' });
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((r) => r[0])).toContain('ของขวัญและผลประโยชน์');
    const quotes = blocks.find((b) => b.kind === 'list');
    expect(quotes?.kind === 'list' && quotes.items.join('\n')).toContain('นาย[ชื่อ]');
    const text = JSON.stringify(blocks);
    expect(text).toContain('ไม่แสดง');
    expect(text).not.toContain('ยิ้มแย้ม');
  });
});
