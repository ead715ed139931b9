import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertAgency } from '../../agencies/feature.js';
import type { Db } from '../../../platform/db/database.js';
import { describeEachDialect } from '../../../platform/db/test-databases.js';
import { DEFAULT_FETCH_LIMITS } from '../../../platform/infra/link-fetcher.js';
import { randomIds, systemClock } from '../../../platform/infra/clock.js';
import { filesOf, type ServiceContext } from '../../../platform/services/context.js';
import { openFileStore } from '../../../platform/services/file-store.service.js';
import { readWhole } from '../../../platform/infra/file-store.js';
import { checkSubmittedLinks, listRoundLinkWarnings } from './oit-link-check.service.js';
import { ensureEditionStored } from '../../rounds/feature.js';

const NOW = '2026-11-26T03:00:00.000Z';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const PAGES: Record<string, [number, string]> = {
  '/same': [200, 'โครงสร้างหน่วยงาน'],
  '/changed': [200, 'new content'],
  '/gone': [404, 'not found'],
};

async function seedRound(db: Db, base: string, state: string): Promise<string> {
  const agency = {
    id: `ag-${state}`,
    parentId: null,
    path: `/ag-${state}/`,
    code: state,
    type: 'unit',
  };
  const names = { nameTh: 'หน่วยงาน', nameEn: 'Agency', website: null, eligibleStaff: null };
  await insertAgency(db.kysely, { ...agency, ...names }, NOW);
  const ctx = { db, clock: systemClock, ids: randomIds };
  const edition = await ensureEditionStored(ctx, 'ita-2569');
  const roundId = `round-${state}`;
  await db.kysely
    .insertInto('assessment_round')
    .values({
      id: roundId,
      agency_id: agency.id,
      edition_id: edition.id,
      state,
      opened_by: null,
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  await db.kysely
    .insertInto('oit_evidence')
    .values({
      id: `ev-${state}`,
      round_id: roundId,
      item_code: 'O1',
      owner_user_id: null,
      status: 'submitted',
      explanation: '',
      elements_json: '{}',
      updated_at: NOW,
    })
    .execute();
  const submitted: [string, string][] = [
    ['/same', 'โครงสร้างหน่วยงาน'],
    ['/changed', 'old content'],
    ['/gone', 'was here'],
  ];
  for (const [i, [path, body]] of submitted.entries()) {
    const linkId = `${state}-link-${i}`;
    await db.kysely
      .insertInto('oit_link')
      .values({
        id: linkId,
        evidence_id: `ev-${state}`,
        url: `${base}${path}`,
        position: i,
        added_in: 'entry',
      })
      .execute();
    await db.kysely
      .insertInto('oit_snapshot')
      .values({
        id: `${linkId}-s`,
        link_id: linkId,
        kind: 'submission',
        taken_at: NOW,
        status: 200,
        sha256: sha(body),
        truncated: 0,
      })
      .execute();
  }
  return roundId;
}

describeEachDialect('OIT link checker', (getDb) => {
  let server: http.Server;
  let base: string;
  let filesDir: string;
  let ctx: ServiceContext;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const [status, body] = PAGES[request.url ?? ''] ?? [404, ''];
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    filesDir = await mkdtemp(join(tmpdir(), 'prongsai-check-'));
    const files = openFileStore(getDb(), { FILES_DIR: filesDir });
    ctx = { db: getDb(), clock: systemClock, ids: randomIds, files };
    await seedRound(getDb(), base, 'oit_review');
    await seedRound(getDb(), base, 'confirmed');
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(filesDir, { recursive: true, force: true });
  });

  it('warns about a broken and a changed link, and stores a check snapshot of each', async () => {
    const limits = { ...DEFAULT_FETCH_LIMITS, timeoutMs: 2000, allowPrivate: true };
    const outcome = await checkSubmittedLinks(ctx, { limits });
    expect(outcome.checked).toBe(3);
    const kinds = outcome.warnings.map((w) => [new URL(w.url).pathname, w.kind, w.status]);
    expect(kinds).toEqual([
      ['/changed', 'changed', 200],
      ['/gone', 'broken', 404],
    ]);
    expect(outcome.warnings[1]?.message.th).toContain('O1');
    const checks = await getDb()
      .kysely.selectFrom('oit_snapshot')
      .selectAll()
      .where('kind', '=', 'check')
      .execute();
    expect(checks).toHaveLength(3);
    const same = checks.find((c) => c.link_id === 'oit_review-link-0');
    expect(same?.sha256).toBe(sha('โครงสร้างหน่วยงาน'));
    const copy = await filesOf(ctx).open(same?.stored_name ?? 'x');
    expect(copy && (await readWhole(copy)).toString('utf8')).toBe('โครงสร้างหน่วยงาน');
    // the same warnings stay visible on the agency's OIT page until the next check
    const shown = await listRoundLinkWarnings(ctx, 'round-oit_review');
    expect(shown.map((w) => [new URL(w.url).pathname, w.kind])).toEqual([
      ['/changed', 'changed'],
      ['/gone', 'broken'],
    ]);
    expect(await listRoundLinkWarnings(ctx, 'round-confirmed')).toEqual([]);
  });

  it('refuses private addresses unless allowed (SSRF), reporting the link as broken', async () => {
    const outcome = await checkSubmittedLinks(ctx, {
      limits: { ...DEFAULT_FETCH_LIMITS, timeoutMs: 2000 },
      roundId: 'round-oit_review',
    });
    expect(outcome.warnings).toHaveLength(3);
    expect(
      outcome.warnings.every((w) => w.kind === 'broken' && w.message.en.includes('refused')),
    ).toBe(true);
  });
});
