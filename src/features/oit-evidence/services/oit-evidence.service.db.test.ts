import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { findUserByEmail, listGrants, publicUser } from '../../users/feature.js';
import { createFixedClock, randomIds } from '../../../platform/infra/clock.js';
import { DEFAULT_FETCH_LIMITS } from '../../../platform/infra/link-fetcher.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { openFileStore } from '../../../platform/services/file-store.service.js';
import { received } from '../../../platform/services/file-store.test-support.js';
import { seedDemo } from '../../../app/demo.js';
import { submitEvidence } from './oit-evidence-submit.service.js';
import type { EvidenceSettings } from './oit-evidence-support.js';
import {
  approveEvidence,
  findKeptUpload,
  keepUpload,
  loadOitWorkspace,
  markEvidenceReady,
  returnEvidence,
  saveItemEvidence,
} from './oit-evidence.service.js';
import { step } from '../../../app/test-steps.js';

describeEachDialect('OIT evidence service', (getDb) => {
  let ctx: ServiceContext;
  let settings: EvidenceSettings;
  let filesDir: string;
  let roundId: string;
  const actors: Record<string, Actor> = {};
  const ref = (itemCode: string) => ({ roundId, itemCode });
  const input = (urls: string[], explanation = 'คำอธิบาย') => ({ urls, explanation, elements: {} });
  const statusOf = async (code: string) =>
    (await loadOitWorkspace(ctx, actors.agency as Actor, roundId)).items.find(
      (i) => i.item.code === code,
    )?.status;

  beforeAll(async () => {
    filesDir = await mkdtemp(join(tmpdir(), 'prongsai-oit-svc-'));
    const files = openFileStore(getDb(), { FILES_DIR: filesDir });
    ctx = {
      db: getDb(),
      clock: createFixedClock('2026-05-20T03:00:00.000Z'),
      ids: randomIds,
      files,
    };
    // no private addresses: the SSRF guard is on, as in production
    settings = {
      maxUploadBytes: 1000,
      fetchLimits: { ...DEFAULT_FETCH_LIMITS, timeoutMs: 2000 },
    };
    await seedDemo(ctx);
    for (const who of ['agency', 'owner', 'head', 'viewer', 'ministry']) {
      const user = await findUserByEmail(ctx.db.kysely, `${who}@example.org`);
      if (!user) throw new Error(who);
      actors[who] = { user: publicUser(user), grants: await listGrants(ctx.db.kysely, user.id) };
    }
    const rounds = await ctx.db.kysely
      .selectFrom('assessment_round as r')
      .innerJoin('agency as a', 'a.id', 'r.agency_id')
      .innerJoin('edition as e', 'e.id', 'r.edition_id')
      .select('r.id')
      .where('a.code', '=', 'D01')
      .where('e.code', '=', 'ita-2569')
      .executeTakeFirstOrThrow();
    roundId = rounds.id;
  }, 60_000);
  afterAll(async () => rm(filesDir, { recursive: true, force: true }));

  /** O3's evidence made ready, approved, then edited back to draft, once (app/test-steps.ts). */
  const o3ApprovedThenEdited = step(async () => {
    const agency = actors.agency as Actor;
    await saveItemEvidence(ctx, agency, ref('O3'), input([]), null);
    await expect(markEvidenceReady(ctx, agency, ref('O3'))).rejects.toMatchObject({
      code: 'evidence_empty',
    });
    await saveItemEvidence(ctx, agency, ref('O3'), input(['https://example.org/plan']), null);
    await markEvidenceReady(ctx, agency, ref('O3'));
    await approveEvidence(ctx, actors.head as Actor, ref('O3'));
    expect(await statusOf('O3')).toBe('approved');
    await saveItemEvidence(
      ctx,
      agency,
      ref('O3'),
      input(['https://example.org/plan'], 'แก้ไข'),
      null,
    );
    expect(await statusOf('O3')).toBe('draft');
  });

  it('needs a link or file before ready, and sends an approved item back to draft on edit', () =>
    o3ApprovedThenEdited());

  it('refuses invalid links and people without the right', async () => {
    const agency = actors.agency as Actor;
    await expect(
      saveItemEvidence(ctx, agency, ref('O4'), input(['javascript:alert(1)']), null),
    ).rejects.toMatchObject({ code: 'invalid_evidence' });
    await expect(
      saveItemEvidence(ctx, actors.viewer as Actor, ref('O4'), input(['https://a.example']), null),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(approveEvidence(ctx, agency, ref('O3'))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      submitEvidence(ctx, settings, actors.owner as Actor, { roundId, itemCode: null }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(saveItemEvidence(ctx, agency, ref('O999'), input([]), null)).rejects.toMatchObject(
      { code: 'not_found' },
    );
  });

  it('keeps a refusal, not a fetch, for a private address when private fetches are off', async () => {
    await o3ApprovedThenEdited();
    const agency = actors.agency as Actor;
    await saveItemEvidence(ctx, agency, ref('O5'), input(['http://127.0.0.1:9/admin']), null);
    await markEvidenceReady(ctx, agency, ref('O5'));
    await approveEvidence(ctx, actors.head as Actor, ref('O5'));
    const result = await submitEvidence(ctx, settings, agency, { roundId, itemCode: 'O5' });
    expect(result.submitted).toEqual(['O5']);
    const snapshots = await ctx.db.kysely.selectFrom('oit_snapshot').selectAll().execute();
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.error).toContain('refused');
    expect(snapshots[0]?.stored_name).toBeNull();
    const audit = await ctx.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'oit.evidence_%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'oit.evidence_approved',
      'oit.evidence_approved',
      'oit.evidence_submitted',
    ]);
  });

  it('sends back only offered evidence, only by the head, only with a reason', async () => {
    const head = actors.head as Actor;
    const agency = actors.agency as Actor;
    await saveItemEvidence(ctx, agency, ref('O8'), input(['https://d01.example.org/a']), null);
    await expect(returnEvidence(ctx, head, ref('O8'), 'ยังไม่ครบ')).rejects.toMatchObject({
      code: 'evidence_locked',
    });
    await markEvidenceReady(ctx, agency, ref('O8'));
    await expect(returnEvidence(ctx, head, ref('O8'), '   ')).rejects.toMatchObject({
      code: 'reason_required',
      details: { field: 'reason' },
    });
    await expect(returnEvidence(ctx, agency, ref('O8'), 'ไม่')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await returnEvidence(ctx, head, ref('O8'), 'ยังไม่ครบ');
    const entry = (await loadOitWorkspace(ctx, agency, roundId)).items.find(
      (i) => i.item.code === 'O8',
    );
    expect(entry?.status).toBe('draft');
    expect(entry?.evidence?.returnReason).toBe('ยังไม่ครบ');
  });

  it('keeps a chosen file only for one who could save it, and attaches it for them alone', async () => {
    const agency = actors.agency as Actor;
    const viewer = actors.viewer as Actor;
    const pdf = await received(ctx, 'คำสั่ง.pdf', Buffer.from('%PDF-1.7\n%%EOF\n'), 1000);
    expect(await keepUpload(ctx, viewer, ref('O7'), pdf)).toBeNull();
    const exe = await received(ctx, 'a.exe', Buffer.from('MZ'), 1000);
    expect(exe.refusal?.code).toBe('upload_type_refused');
    expect(await keepUpload(ctx, agency, ref('O7'), exe)).toBeNull();
    const kept = await keepUpload(ctx, agency, ref('O7'), pdf);
    expect(kept).toMatchObject({ originalName: 'คำสั่ง.pdf', contentType: 'application/pdf' });
    const id = kept?.id ?? '';
    expect(await findKeptUpload(ctx, viewer, ref('O7'), id)).toBeNull();
    expect(await findKeptUpload(ctx, agency, ref('O8'), id)).toBeNull();
    await saveItemEvidence(ctx, agency, ref('O7'), input([]), null, id);
    const entry = (await loadOitWorkspace(ctx, agency, roundId)).items.find(
      (i) => i.item.code === 'O7',
    );
    expect(entry?.files.map((f) => f.originalName)).toEqual(['คำสั่ง.pdf']);
    expect(await findKeptUpload(ctx, agency, ref('O7'), id)).toBeNull();
  });
});
