import { beforeAll, expect, it } from 'vitest';
import { listAuditEntries } from '../../audit/feature.js';
import { listSteps } from '../db/manual.repository.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { randomIds } from '../../../platform/infra/clock.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { worldAt } from '../../../app/test-world.js';
import { listPublishedDocuments } from '../../../app/published-documents.js';
import { getPublicManual, getPublicManuals } from './manual-public.service.js';
import { addServiceCase } from './manual-cases.service.js';
import {
  createManual,
  getManual,
  getManualRegister,
  saveManual,
  setManualPublished,
  type ManualInput,
} from './manual.service.js';
import { getPublishedOverview, searchPublished } from '../../published/feature.js';
import { listReminders } from '../../../app/reminders.js';
import { openRounds } from '../../rounds/feature.js';
import { step } from '../../../app/test-steps.js';

const NOW = '2026-11-26T03:00:00.000Z';
const { seedActor, seedAgencies, tickingClock } = worldAt(NOW);

const LIBRARY: ManualInput = {
  kind: 'service',
  title: 'การขอใบอนุญาตใช้ห้องประชุม',
  fiscalYear: 2569,
  steps: [
    { description: 'ยื่นคำขอ', responsible: 'งานสารบรรณ', timeAmount: 30, timeUnit: 'minutes' },
    { description: 'อนุมัติ', responsible: 'หัวหน้างาน', timeAmount: 1, timeUnit: 'working_days' },
  ],
};

describeEachDialect('manual service', (getDb) => {
  let ctx: ServiceContext;
  let owner: Actor;
  let head: Actor;
  let admin: Actor;
  let viewer: Actor;
  let outsider: Actor;

  beforeAll(async () => {
    const db = getDb();
    ctx = { db, clock: tickingClock(), ids: randomIds };
    await seedAgencies(db);
    const parent = await seedActor(db, 'min@example.org', 'parent_admin', 'min');
    owner = await seedActor(db, 'o1@example.org', 'item_owner', 'u1');
    head = await seedActor(db, 'h1@example.org', 'head_of_agency', 'u1');
    admin = await seedActor(db, 'a1@example.org', 'agency_admin', 'u1');
    viewer = await seedActor(db, 'v1@example.org', 'viewer', 'u1');
    outsider = await seedActor(db, 'u2@example.org', 'agency_admin', 'u2');
    await openRounds(ctx, parent, { parentAgencyId: 'min', editionCode: 'ita-2569' });
  });

  /** A complete service manual, published by an administrator once (app/test-steps.ts). */
  const counterManualPublished = step(async () => {
    const created = await createManual(ctx, owner, 'u1', {
      ...LIBRARY,
      channels: ['เคาน์เตอร์'],
      feeText: '20 บาท',
      documents: ['ใบคำขอ'],
    });
    await setManualPublished(ctx, admin, 'u1', created.id, true);
    return created;
  });

  it('lets the item owner write a draft that members see and another agency cannot', async () => {
    const created = await createManual(ctx, owner, 'u1', LIBRARY);
    expect(created.status).toBe('draft');
    const seen = await getManualRegister(ctx, viewer, 'u1');
    expect(seen.manuals.map((m) => m.id)).toContain(created.id);
    expect(seen.mayEdit).toBe(false);
    expect(seen.defaultYear).toBe(2569);
    await expect(getManual(ctx, outsider, 'u1', created.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    // another agency's id in the path of one's own agency is not found either
    await expect(getManual(ctx, outsider, 'u2', created.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(createManual(ctx, viewer, 'u1', LIBRARY)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(getPublicManual(ctx, 'U1', created.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('checks the O9 elements of the round edition and says what is missing', async () => {
    const created = await createManual(ctx, owner, 'u1', LIBRARY);
    const detail = await getManual(ctx, owner, 'u1', created.id);
    expect(detail.item?.code).toBe('O9');
    const missing = detail.elements.filter((e) => e.met === false).map((e) => e.code);
    expect(missing).toEqual(['O9.3', 'O9.4', 'O9.5']);
    expect(detail.manual.standard.workingDays).toBe(2);
  });

  it('lets only the head or an administrator publish, and only a complete manual', async () => {
    const created = await createManual(ctx, owner, 'u1', LIBRARY);
    await expect(setManualPublished(ctx, owner, 'u1', created.id, true)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(setManualPublished(ctx, head, 'u1', created.id, true)).rejects.toMatchObject({
      code: 'manual_incomplete',
    });
    await saveManual(ctx, owner, 'u1', created.id, {
      ...LIBRARY,
      channels: 'ศูนย์บริการร่วม\nระบบออนไลน์',
      feeText: 'ไม่มี',
      documents: 'ไม่มี',
    });
    const published = await setManualPublished(ctx, head, 'u1', created.id, true);
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    const pub = await getPublicManual(ctx, 'U1', created.id);
    expect(pub.manual.channels).toEqual(['ศูนย์บริการร่วม', 'ระบบออนไลน์']);
    expect(pub.manual.steps.map((s) => s.description)).toEqual(['ยื่นคำขอ', 'อนุมัติ']);
    const audit = await listAuditEntries(getDb().kysely, 0, 500);
    expect(audit.some((e) => e.action === 'manual.publish' && e.entityId === created.id)).toBe(
      true,
    );
    await setManualPublished(ctx, admin, 'u1', created.id, false);
    expect((await getPublicManuals(ctx, 'U1')).manuals.some((m) => m.id === created.id)).toBe(
      false,
    );
  });

  it('refuses a step without a time limit and keeps the stored steps (nothing half-written)', async () => {
    const created = await createManual(ctx, owner, 'u1', LIBRARY);
    await expect(
      saveManual(ctx, owner, 'u1', created.id, {
        ...LIBRARY,
        title: 'ชื่อใหม่',
        steps: [{ description: 'ขั้นตอนไม่มีเวลา', responsible: '', timeAmount: '', timeUnit: '' }],
      }),
    ).rejects.toMatchObject({ code: 'step_invalid' });
    const detail = await getManual(ctx, owner, 'u1', created.id);
    expect(detail.manual.title).toBe(LIBRARY.title);
    expect((await listSteps(getDb().kysely, [created.id])).length).toBe(2);
  });

  it('refuses an edit that would leave a published manual incomplete', async () => {
    const created = await counterManualPublished();
    await expect(
      saveManual(ctx, owner, 'u1', created.id, { ...LIBRARY, channels: [], feeText: '20 บาท' }),
    ).rejects.toMatchObject({ code: 'manual_incomplete' });
    const still = await getPublicManual(ctx, 'U1', created.id);
    expect(still.manual.channels).toEqual(['เคาน์เตอร์']);
  });

  it('records service cases by date and compares them with the standard', async () => {
    const created = await createManual(ctx, owner, 'u1', LIBRARY);
    await addServiceCase(ctx, owner, 'u1', created.id, {
      receivedOn: '2026-11-02',
      completedOn: '2026-11-03',
    });
    await addServiceCase(ctx, owner, 'u1', created.id, {
      receivedOn: '2026-11-05',
      completedOn: '2026-11-10',
    });
    await expect(
      addServiceCase(ctx, owner, 'u1', created.id, {
        receivedOn: '2026-11-10',
        completedOn: '2026-11-09',
      }),
    ).rejects.toThrow();
    await expect(
      addServiceCase(ctx, outsider, 'u1', created.id, { receivedOn: '2026-11-02' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const { statistics } = await getManual(ctx, viewer, 'u1', created.id);
    expect(statistics).toMatchObject({ total: 2, completed: 2, withinStandard: 1, medianDays: 2 });
  });

  it('publishes the manuals as O9 evidence, lists their currency and finds them by a Thai word', async () => {
    await counterManualPublished();
    const round = (await getPublishedOverview(ctx, listPublishedDocuments, admin, 'u1')).round;
    if (!round) throw new Error('no round');
    const docs = await listPublishedDocuments(ctx, round);
    const service = docs.find((d) => d.source === 'service_manuals');
    expect(service?.url).toBe('/public/U1/manuals/service');
    expect(service?.fiscalYear).toBe(2569);
    const overview = await getPublishedOverview(ctx, listPublishedDocuments, viewer, 'u1');
    const entry = overview.entries.find((e) => e.url === service?.url);
    expect(entry?.itemCode).toBe('O9');
    expect(entry?.currency.stale).toBe(false);
    expect(overview.entries.some((e) => e.url === '/public/oit/U1/2569')).toBe(true);
    await expect(
      getPublishedOverview(ctx, listPublishedDocuments, outsider, 'u1'),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    const found = await searchPublished(ctx, listPublishedDocuments, 'U1', 'อนุญาต');
    expect(found.results.some((r) => r.title.th === LIBRARY.title)).toBe(true);
    expect((await searchPublished(ctx, listPublishedDocuments, 'U2', 'อนุญาต')).results).toEqual([]);
  });

  it('reminds the head of a complete draft until it is published', async () => {
    const created = await createManual(ctx, owner, 'u1', {
      ...LIBRARY,
      title: 'คู่มือรอเผยแพร่',
      channels: ['เคาน์เตอร์'],
      feeText: 'ไม่มี',
      documents: ['ไม่มี'],
    });
    const incomplete = await createManual(ctx, owner, 'u1', { ...LIBRARY, title: 'ยังไม่ครบ' });
    const href = (id: string) => `/agencies/u1/manuals/${id}`;
    const waiting = (await listReminders(ctx, head)).map((r) => r.href);
    expect(waiting).toContain(href(created.id));
    expect(waiting).not.toContain(href(incomplete.id));
    expect((await listReminders(ctx, owner)).some((r) => r.kind === 'manual_publish')).toBe(false);
    await setManualPublished(ctx, head, 'u1', created.id, true);
    expect((await listReminders(ctx, head)).map((r) => r.href)).not.toContain(href(created.id));
  });

  it('warns when the published manuals cover an older fiscal year than the round', async () => {
    const old = await createManual(ctx, admin, 'u1', {
      ...LIBRARY,
      kind: 'work',
      title: 'คู่มือเก่า',
      fiscalYear: 2567,
    });
    await setManualPublished(ctx, admin, 'u1', old.id, true);
    const overview = await getPublishedOverview(ctx, listPublishedDocuments, admin, 'u1');
    const work = overview.entries.find((e) => e.url.endsWith('/manuals/work'));
    expect(work?.itemCode).toBe('O8');
    expect(work?.currency.stale).toBe(true);
    expect(work?.currency.message?.th).toContain('2567');
    const page = overview.entries.find((e) => e.url === `/public/U1/manuals/${old.id}`);
    expect(page?.title.th).toBe('คู่มือการปฏิบัติงาน: คู่มือเก่า');
    expect(page?.itemCode).toBe('O8');
    expect(page?.currency.stale).toBe(true);
    const reminders = await listReminders(ctx, admin);
    expect(reminders.find((r) => r.href === `/agencies/u1/manuals/${old.id}`)?.kind).toBe(
      'manual_stale',
    );
  });
});
