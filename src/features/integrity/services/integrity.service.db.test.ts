import { beforeAll, expect, it } from 'vitest';
import { listAuditEntries } from '../../audit/feature.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { createFixedClock, randomIds } from '../../../platform/infra/clock.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { worldAt } from '../../../app/test-world.js';
import { integrityEvidence } from '../evidence.js';
import {
  decideGift,
  getGiftRegister,
  getGiftYearReport,
  publishGiftReport,
  reportGift,
} from './gift-register.service.js';
import { loadPublicGiftReport, loadPublicNoGift } from './integrity-public.service.js';
import {
  acknowledgeDeclaration,
  addCommunication,
  advanceDeclaration,
  createDeclaration,
  editDeclaration,
  getNoGiftPage,
} from './integrity.service.js';
import type { CommunicationInput, GiftInput } from './integrity-support.js';
import { integrityReminders } from '../reminders.js';
import { step } from '../../../app/test-steps.js';

const NOW = '2026-05-20T03:00:00.000Z';
const { seedActor, seedAgencies } = worldAt(NOW);

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

const fakeRound = (year: number) =>
  ({ agencyId: 'u1', agencyCode: 'U1', editionYear: year }) as Parameters<
    typeof integrityEvidence
  >[1];

describeEachDialect('integrity registers (No Gift Policy, gift register)', (getDb) => {
  let ctx: ServiceContext;
  let admin: Actor;
  let head: Actor;
  let staff: Actor;
  let viewer: Actor;
  let outsider: Actor;
  let parent: Actor;

  beforeAll(async () => {
    const db = getDb();
    ctx = { db, clock: createFixedClock(NOW), ids: randomIds };
    await seedAgencies(db);
    parent = await seedActor(db, 'min@example.org', 'parent_admin', 'min');
    admin = await seedActor(db, 'adm@example.org', 'agency_admin', 'u1');
    head = await seedActor(db, 'head@example.org', 'head_of_agency', 'u1');
    staff = await seedActor(db, 'staff@example.org', 'item_owner', 'u1');
    viewer = await seedActor(db, 'viewer@example.org', 'viewer', 'u1');
    outsider = await seedActor(db, 'out@example.org', 'agency_admin', 'u2');
  });

  // The story's steps (app/test-steps.ts), each done once by the first test that needs it.
  const communicated = step(() =>
    addCommunication(ctx, admin, 'u1', 2569, {
      communicatedOn: '2025-10-05',
      channel: 'meeting',
      audience: 'ทุกคน',
      reachedCount: '1,250',
    } as CommunicationInput),
  );

  /** u1's 2569 declaration drafted, edited, approved and published. */
  const declarationPublished = step(async () => {
    const draft = await createDeclaration(ctx, admin, 'u1', {
      fiscalYear: '2569',
      headName: 'นายทดสอบ ใจซื่อ',
      headPosition: 'ผู้อำนวยการหน่วยงาน u1',
      declaredOn: '2025-10-01',
      thresholdBaht: '1,000',
    });
    expect(draft.status).toBe('draft');
    expect(draft.thresholdBaht).toBe(1000);
    expect(draft.body).toContain('ข้าพเจ้า นายทดสอบ ใจซื่อ ตำแหน่ง ผู้อำนวยการหน่วยงาน u1');
    expect(draft.body).toContain('1 ตุลาคม พ.ศ. 2568');
    expect(draft.body).toContain('ไม่เกิน 1,000 บาท');
    expect(
      await code(
        createDeclaration(ctx, admin, 'u1', {
          fiscalYear: 2569,
          headName: 'x',
          headPosition: 'y',
          declaredOn: '2025-10-01',
        }),
      ),
    ).toBe('declaration_exists');
    expect(
      await code(
        createDeclaration(ctx, admin, 'u1', {
          fiscalYear: 2570,
          headName: 'x',
          headPosition: 'y',
          declaredOn: '2025-10-01',
          thresholdBaht: 5000,
        }),
      ),
    ).not.toBe('ok');
    expect(
      await code(
        createDeclaration(ctx, staff, 'u1', {
          fiscalYear: 2570,
          headName: 'x',
          headPosition: 'y',
          declaredOn: '2025-10-01',
        }),
      ),
    ).toBe('forbidden');

    const edited = await editDeclaration(ctx, admin, 'u1', 2569, {
      headName: 'นายทดสอบ ใจซื่อ',
      headPosition: 'ผู้อำนวยการ',
      declaredOn: '2025-10-01',
      thresholdBaht: '',
      body: 'ข้อความที่แก้ไขเอง',
    });
    expect(edited.body).toBe('ข้อความที่แก้ไขเอง');
    expect(edited.thresholdBaht).toBe(3000);

    expect(await code(advanceDeclaration(ctx, admin, 'u1', 2569, 'approved'))).toBe('forbidden');
    expect(await code(advanceDeclaration(ctx, head, 'u1', 2569, 'published'))).toBe(
      'declaration_state',
    );
    expect(await code(acknowledgeDeclaration(ctx, staff, 'u1', 2569))).toBe('declaration_state');
    const approved = await advanceDeclaration(ctx, head, 'u1', 2569, 'approved');
    expect(approved.approvedBy).toBe(head.user.id);
    expect(
      await code(
        editDeclaration(ctx, admin, 'u1', 2569, {
          headName: 'a',
          headPosition: 'b',
          declaredOn: '2025-10-01',
          body: 'c',
        }),
      ),
    ).toBe('declaration_state');
    const published = await advanceDeclaration(ctx, head, 'u1', 2569, 'published');
    expect(published.publishedAt).toBe(NOW);
    const actions = (await listAuditEntries(getDb().kysely, 0, 100)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['no_gift.draft', 'no_gift.approve', 'no_gift.publish']),
    );
  });

  /** The staff member and the viewer acknowledge the 2569 declaration. */
  const acknowledged = step(async () => {
    await declarationPublished();
    const first = await acknowledgeDeclaration(ctx, staff, 'u1', 2569);
    expect(first.acknowledgedOn).toBe('2026-05-20');
    const again = await acknowledgeDeclaration(ctx, staff, 'u1', 2569);
    expect(again.share).toEqual({ acknowledged: 1, members: 4, percent: 25 });
    const rows = await getDb()
      .kysely.selectFrom('no_gift_acknowledgement')
      .selectAll()
      .where('user_id', '=', staff.user.id)
      .execute();
    expect(rows).toHaveLength(1);
    await acknowledgeDeclaration(ctx, viewer, 'u1', 2569);
    expect(await code(acknowledgeDeclaration(ctx, parent, 'u1', 2569))).toBe('forbidden');
    const page = await getNoGiftPage(ctx, viewer, 'u1');
    expect(page.fiscalYear).toBe(2569);
    expect(page.share).toEqual({ acknowledged: 2, members: 4, percent: 50 });
    expect(page.myAcknowledgement).toBe('2026-05-20');
    expect(page.may).toEqual({ draft: false, decide: false, acknowledge: true });
    expect((await getNoGiftPage(ctx, admin, 'u1')).myAcknowledgement).toBeNull();
  });

  /** Four gifts of fiscal year 2569 reported, the big one decided. */
  const giftsReported = step(async () => {
    await acknowledged(); // the staff member has acknowledged: no reminder left for them
    const gift = (over: Record<string, string>) =>
      ({
        giftOn: '2026-01-10',
        giverType: 'business',
        description: 'กระเช้า',
        valueBaht: '800',
        disposition: 'received',
        handling: 'shared',
        ...over,
      }) as unknown as GiftInput;
    const small = await reportGift(ctx, staff, 'u1', gift({}));
    expect(small.flagged).toBe(false);
    const big = await reportGift(
      ctx,
      staff,
      'u1',
      gift({ valueBaht: '4,500', giftOn: '2026-02-01' }),
    );
    expect(big.flagged).toBe(true);
    expect(big.fiscalYear).toBe(2569);
    expect(big.thresholdBaht).toBe(3000);
    const refused = await reportGift(
      ctx,
      viewer,
      'u1',
      gift({ valueBaht: '9000', disposition: 'refused', handling: 'declined' }),
    );
    expect(refused.flagged).toBe(false);
    // one baht above the published declaration’s threshold (3,000) is flagged
    const later = await reportGift(
      ctx,
      viewer,
      'u1',
      gift({ giftOn: '2026-05-01', valueBaht: '3001' }),
    );
    expect(later.flagged).toBe(true);
    await expect(reportGift(ctx, staff, 'u1', gift({ valueBaht: 'abc' }))).rejects.toThrow(/ตัวเลข/);
    expect(await code(reportGift(ctx, staff, 'u1', gift({ giftOn: '2026-06-01' })))).toBe(
      'future_date',
    );

    const mine = await getGiftRegister(ctx, staff, 'u1', 2569);
    expect(mine.seesAll).toBe(false);
    expect(mine.gifts.map((g) => g.id).sort()).toEqual([small.id, big.id].sort());
    expect(mine.awaiting).toEqual([]);
    expect(mine.report).toBeNull();
    const all = await getGiftRegister(ctx, head, 'u1', 2569);
    expect(all.gifts).toHaveLength(4);
    expect(all.awaiting.map((g) => g.id).sort()).toEqual([big.id, later.id].sort());
    expect(all.report?.total).toEqual({ count: 4, valueBaht: 800 + 4500 + 9000 + 3001 });
    expect(all.report?.byDisposition.refused.count).toBe(1);
    expect(await code(getGiftYearReport(ctx, staff, 'u1', 2569))).toBe('forbidden');

    const reminders = await integrityReminders(ctx, head);
    expect(reminders.filter((r) => r.kind === 'gift')).toHaveLength(2);
    expect(reminders.some((r) => r.kind === 'no_gift_ack')).toBe(true);
    expect((await integrityReminders(ctx, staff)).map((r) => r.kind)).toEqual([]);

    expect(await code(decideGift(ctx, admin, 'u1', big.id, { decision: 'return_to_giver' }))).toBe(
      'forbidden',
    );
    expect(await code(decideGift(ctx, head, 'u1', small.id, { decision: 'allow_keep' }))).toBe(
      'gift_decided',
    );
    expect(await code(decideGift(ctx, head, 'u2', big.id, { decision: 'allow_keep' }))).toBe(
      'not_found',
    );
    const decided = await decideGift(ctx, head, 'u1', big.id, {
      decision: 'return_to_giver',
      note: 'คืนแล้ว',
    });
    expect(decided.headDecision).toBe('return_to_giver');
    expect(decided.decidedBy).toBe(head.user.id);
    expect(await code(decideGift(ctx, head, 'u1', big.id, { decision: 'allow_keep' }))).toBe(
      'gift_decided',
    );
    expect((await getGiftRegister(ctx, admin, 'u1', 2569)).awaiting.map((g) => g.id)).toEqual([
      later.id,
    ]);
  });

  it('drafts from the template; only the head approves and publishes, one step at a time', () =>
    declarationPublished());

  it('counts one acknowledgement per person and gives the share of members', () => acknowledged());

  it('hides everything from another agency (not found) and refuses bad communication input', async () => {
    expect(await code(getNoGiftPage(ctx, outsider, 'u1'))).toBe('not_found');
    expect(await code(getGiftRegister(ctx, outsider, 'u1'))).toBe('not_found');
    expect(await code(acknowledgeDeclaration(ctx, outsider, 'u1', 2569))).toBe('not_found');
    expect(
      await code(
        reportGift(ctx, outsider, 'u1', {
          giftOn: '2026-01-01',
          giverType: 'person',
          description: 'x',
          valueBaht: 1,
          disposition: 'received',
          handling: 'kept',
        }),
      ),
    ).toBe('not_found');
    const bad = {
      communicatedOn: '2027-01-01',
      channel: 'meeting',
      audience: 'ทุกคน',
    } as CommunicationInput;
    expect(await code(addCommunication(ctx, admin, 'u1', 2569, bad))).toBe('future_date');
    await expect(
      addCommunication(ctx, admin, 'u1', 2569, {
        ...bad,
        channel: 'pigeon',
      } as unknown as CommunicationInput),
    ).rejects.toThrow(/เลือกช่องทาง/);
    expect(
      await code(
        addCommunication(ctx, staff, 'u1', 2569, { ...bad, communicatedOn: '2025-10-05' }),
      ),
    ).toBe('forbidden');
    const entry = await communicated();
    expect(entry.reachedCount).toBe(1250);
    expect((await getNoGiftPage(ctx, staff, 'u1', 2569)).communications).toHaveLength(1);
  });

  it('flags gifts above the year threshold for the head; reporters see only their own', () =>
    giftsReported());

  it('publishes only published documents, as OIT evidence of the round year', async () => {
    await declarationPublished();
    await acknowledged();
    await communicated();
    await giftsReported();
    expect(await code(loadPublicGiftReport(ctx, 'U1', 2569))).toBe('not_found');
    expect((await integrityEvidence(ctx, fakeRound(2569))).map((d) => d.source).sort()).toEqual([
      'no_gift_communication',
      'no_gift_declaration',
    ]);
    expect(await code(publishGiftReport(ctx, admin, 'u1', 2569))).toBe('forbidden');
    await publishGiftReport(ctx, head, 'u1', 2569);
    const pub = await loadPublicGiftReport(ctx, 'U1', 2569);
    expect(pub.report.total.count).toBe(4);
    expect(JSON.stringify(pub)).not.toContain('staff@example.org');
    const docs = await integrityEvidence(ctx, fakeRound(2569));
    expect(docs.map((d) => d.source).sort()).toEqual([
      'gift_report',
      'no_gift_communication',
      'no_gift_declaration',
    ]);
    expect(docs.find((d) => d.source === 'no_gift_declaration')?.url).toBe(
      '/public/U1/2569/no-gift',
    );
    expect(docs.find((d) => d.source === 'gift_report')?.url).toBe('/public/U1/2569/gifts');
    // the next year's OIT asks for the previous year's report: still listed, no declaration
    expect((await integrityEvidence(ctx, fakeRound(2570))).map((d) => d.fiscalYear)).toEqual([
      2569,
    ]);
    const noGift = await loadPublicNoGift(ctx, 'U1', 2569);
    expect(noGift.share.acknowledged).toBe(2);
    expect(await code(loadPublicNoGift(ctx, 'U1', 2570))).toBe('not_found');
    expect(await code(loadPublicNoGift(ctx, 'U2', 2569))).toBe('not_found');
  });
});
