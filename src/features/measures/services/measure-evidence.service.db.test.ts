import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAuditEntries } from '../../audit/feature.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { randomIds } from '../../../platform/infra/clock.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { openFileStore } from '../../../platform/services/file-store.service.js';
import { received } from '../../../platform/services/file-store.test-support.js';
import { readWhole } from '../../../platform/infra/file-store.js';
import { openU1Round, worldAt } from '../../../app/test-world.js';
import { measuresEvidence } from '../evidence.js';
import { carryOverMeasure, getCarryOver } from './measure-carry.service.js';
import {
  addMeasureFile,
  listEvidenceOfMeasure,
  loadMeasureFile,
  removeMeasureFile,
} from './measure-evidence.service.js';
import {
  getMeasuresReport,
  loadPublicMeasures,
  publishMeasures,
} from './measure-report.service.js';
import { addMeasureProgress, createMeasure } from './measure.service.js';
import { findRound } from '../../rounds/feature.js';
import { step } from '../../../app/test-steps.js';

const NOW = '2026-11-26T03:00:00.000Z';
const { seedActor, seedAgencies, tickingClock } = worldAt(NOW);
const PDF = Buffer.from('%PDF-1.4\n% evidence\n');

describeEachDialect('measure evidence, reports, publication and carry-over', (getDb) => {
  let ctx: ServiceContext;
  let filesDir: string;
  let agency: Actor;
  let head: Actor;
  let viewer: Actor;
  let outsider: Actor;
  let lastRoundId: string;
  let roundId: string;
  let measureId: string;
  let lastDoneId: string;

  beforeAll(async () => {
    const db = getDb();
    filesDir = await mkdtemp(join(tmpdir(), 'prongsai-measure-'));
    ctx = {
      db,
      clock: tickingClock(),
      ids: randomIds,
      files: openFileStore(db, { FILES_DIR: filesDir }),
    };
    await seedAgencies(db);
    const parent = await seedActor(db, 'min@example.org', 'parent_admin', 'min');
    agency = await seedActor(db, 'u1@example.org', 'agency_admin', 'u1');
    head = await seedActor(db, 'h1@example.org', 'head_of_agency', 'u1');
    viewer = await seedActor(db, 'v1@example.org', 'viewer', 'u1');
    outsider = await seedActor(db, 'u2@example.org', 'agency_admin', 'u2');
    lastRoundId = await openU1Round(ctx, parent, 'ita-2568');
    roundId = await openU1Round(ctx, parent);
    const done = await createMeasure(ctx, agency, lastRoundId, {
      targetType: 'indicator',
      targetCode: '9',
      title: 'ปรับปรุงเว็บไซต์ให้เป็นปัจจุบัน',
      ownerUserId: agency.user.id,
    });
    await addMeasureProgress(ctx, agency, lastRoundId, done.id, {
      note: 'ปรับปรุงเว็บไซต์ครบทุกหัวข้อแล้ว',
      percent: 100,
      status: 'done',
    });
    lastDoneId = done.id;
    await createMeasure(ctx, agency, lastRoundId, {
      targetType: 'indicator',
      targetCode: '10',
      title: 'มาตรการที่ยังไม่เสร็จ',
    });
    const measure = await createMeasure(ctx, agency, roundId, {
      targetType: 'indicator',
      targetCode: '9',
      title: 'จัดทำคู่มือการเปิดเผยข้อมูล',
      ownerUserId: agency.user.id,
      dueOn: '2027-03-31',
    });
    measureId = measure.id;
    await addMeasureProgress(ctx, agency, roundId, measureId, { note: 'ร่างคู่มือแล้ว', percent: 40 });
  });
  afterAll(async () => rm(filesDir, { recursive: true, force: true }));
  /** A file as the upload form brings it (64 bytes at most). */
  const upload = (fileName: string, bytes: Buffer) => received(ctx, fileName, bytes, 64);

  /** The measure's evidence: a PDF kept and a text file removed, once (app/test-steps.ts). */
  const evidenceFiled = step(async () => {
    const ref = { roundId, measureId };
    const file = await addMeasureFile(ctx, agency, ref, await upload('คำสั่งแต่งตั้ง.pdf', PDF));
    expect(file.contentType).toBe('application/pdf');
    const back = await loadMeasureFile(ctx, viewer, { ...ref, fileId: file.id });
    expect(back.opened.size).toBe(PDF.length);
    expect((await readWhole(back.opened)).equals(PDF)).toBe(true);
    const extra = await addMeasureFile(
      ctx,
      agency,
      ref,
      await upload('note.txt', Buffer.from('ทดสอบ')),
    );
    await removeMeasureFile(ctx, agency, { ...ref, fileId: extra.id });
    const left = await listEvidenceOfMeasure(ctx, viewer, roundId, measureId);
    expect(left.map((f) => f.originalName)).toEqual(['คำสั่งแต่งตั้ง.pdf']);
    const actions = (await listAuditEntries(ctx.db.kysely, 0, 500)).map((e) => e.action);
    expect(actions).toContain('measure.file_add');
    expect(actions).toContain('measure.file_remove');
  });

  it('stores an evidence file, serves it back and removes it, audited', () => evidenceFiled());

  it('refuses a wrong type, a file over the limit, a viewer and another agency', async () => {
    await evidenceFiled();
    const ref = { roundId, measureId };
    const fake = await upload('virus.pdf', Buffer.from('MZ not a pdf'));
    await expect(addMeasureFile(ctx, agency, ref, fake)).rejects.toMatchObject({
      code: 'upload_type_refused',
    });
    const exe = await upload('run.exe', PDF);
    await expect(addMeasureFile(ctx, agency, ref, exe)).rejects.toMatchObject({
      code: 'upload_type_refused',
    });
    const big = await upload('big.pdf', Buffer.concat([PDF, Buffer.alloc(100, 32)]));
    await expect(addMeasureFile(ctx, agency, ref, big)).rejects.toMatchObject({
      code: 'upload_too_large',
    });
    const ok = await upload('ok.pdf', PDF);
    await expect(addMeasureFile(ctx, viewer, ref, ok)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(addMeasureFile(ctx, outsider, ref, ok)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(listEvidenceOfMeasure(ctx, outsider, roundId, measureId)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await listEvidenceOfMeasure(ctx, agency, roundId, measureId)).length).toBe(1);
  });

  it("gathers the progress report with evidence and last year's finished measures", async () => {
    await evidenceFiled();
    const report = await getMeasuresReport(ctx, viewer, roundId);
    expect(report.fiscalYear).toBe(2569);
    const row = report.measures.find((x) => x.id === measureId);
    expect(row?.percent).toBe(40);
    expect(row?.notes.map((n) => n.note)).toEqual(['ร่างคู่มือแล้ว']);
    expect(row?.files.map((f) => f.name)).toEqual(['คำสั่งแต่งตั้ง.pdf']);
    expect(report.previous?.fiscalYear).toBe(2568);
    expect(report.previous?.measures.map((x) => x.title)).toEqual(['ปรับปรุงเว็บไซต์ให้เป็นปัจจุบัน']);
    await expect(getMeasuresReport(ctx, outsider, roundId)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('publishes a snapshot (admin or head only) that the public and the OIT provider see', async () => {
    await expect(loadPublicMeasures(ctx, 'U1', 2569, 'progress')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(publishMeasures(ctx, viewer, roundId, 'progress')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(publishMeasures(ctx, outsider, roundId, 'progress')).rejects.toMatchObject({
      code: 'not_found',
    });
    const published = await publishMeasures(ctx, head, roundId, 'progress');
    await publishMeasures(ctx, agency, roundId, 'document');
    // a change after publication stays out of the public copy until published again
    await createMeasure(ctx, agency, roundId, {
      targetType: 'indicator',
      targetCode: '10',
      title: 'มาตรการหลังเผยแพร่',
    });
    const shown = await loadPublicMeasures(ctx, 'U1', 2569, 'progress');
    expect(shown.publishedAt).toBe(published.publishedAt);
    expect(shown.otherPublished).toBe(true);
    expect(shown.report.measures.map((x) => x.title)).toEqual(['จัดทำคู่มือการเปิดเผยข้อมูล']);
    await expect(loadPublicMeasures(ctx, 'U2', 2569, 'progress')).rejects.toMatchObject({
      code: 'not_found',
    });
    const round = await findRound(ctx.db.kysely, roundId);
    const docs = await measuresEvidence(ctx, round!);
    expect(docs.map((d) => d.source).sort()).toEqual(['measures_document', 'measures_progress']);
    const progress = docs.find((d) => d.source === 'measures_progress');
    expect(progress?.url).toBe('/public/U1/2569/measures/progress');
    expect(progress?.updatedAt).toBe(published.publishedAt);
    expect(progress?.fiscalYear).toBe(2569);
    const audit = await listAuditEntries(ctx.db.kysely, 0, 500);
    expect(audit.filter((e) => e.action === 'measure.publish').length).toBe(2);
  });

  it("offers last year's finished measures and carries one over once", async () => {
    const offer = await getCarryOver(ctx, viewer, roundId);
    expect(offer.previous?.editionYear).toBe(2568);
    expect(offer.candidates.map((c) => c.measure.id)).toEqual([lastDoneId]);
    expect(offer.candidates[0]?.carriedTo).toBeNull();
    await expect(carryOverMeasure(ctx, viewer, roundId, lastDoneId)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const carried = await carryOverMeasure(ctx, agency, roundId, lastDoneId);
    expect(carried.roundId).toBe(roundId);
    expect(carried.targetCode).toBe('9');
    expect(carried.status).toBe('planned');
    expect(carried.description).toContain('2568');
    expect(carried.ownerUserId).toBe(agency.user.id);
    const after = await getCarryOver(ctx, agency, roundId);
    expect(after.candidates[0]?.carriedTo).toBe(carried.id);
    await expect(carryOverMeasure(ctx, agency, roundId, lastDoneId)).rejects.toMatchObject({
      code: 'carry_refused',
    });
    const report = await getMeasuresReport(ctx, agency, roundId);
    expect(report.measures.find((x) => x.id === carried.id)?.carriedFrom).toBe(
      'ปรับปรุงเว็บไซต์ให้เป็นปัจจุบัน',
    );
    // a measure that is not finished, or of another round, is not offered
    const open = (await getMeasuresReport(ctx, agency, lastRoundId)).measures.find(
      (x) => x.status !== 'done',
    );
    await expect(carryOverMeasure(ctx, agency, roundId, open?.id ?? '')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
