import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  THANKS,
  freePort,
  learnLastStep,
  nonces,
  postBody,
  startProcess,
  type StartedServer,
} from '../bench/survey-client.mjs';
import { nginxConf, startNginx } from '../bench/nginx-proxy.mjs';
import { DEMO_PASSWORD, seedDemo } from '../src/app/demo.js';
import { listRounds } from '../src/features/rounds/feature.js';
import { openDatabase, type Db } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createPostgresDatabase } from '../src/platform/db/test-databases.js';
import { randomIds, systemClock } from '../src/platform/infra/clock.js';
import { openFileStore } from '../src/platform/services/file-store.service.js';
import { formToken, postForm, postMultipart, send, signIn } from './http-forms.js';

/**
 * Issue 15, part 1, on real parts: nginx (the Debian package) with the configuration that
 * docs/operations.md gives, in front of two `prongsai serve` processes on one PostgreSQL
 * database, with TRUST_PROXY naming nginx's address.
 */

/** Survey answers sent through nginx, each sent twice (the copy lands on the other process). */
const ANSWERS = 24;

/** The JSON log lines of a process. */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('nginx in front of two prongsai serve processes on one PostgreSQL database', () => {
  let dir = '';
  let db: Db | undefined;
  let drop: () => Promise<void> = async () => {};
  const apps: StartedServer[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  let proxy = '';
  let proxyPort = 0;
  let roundId = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'prongsai-nginx-'));
    // nginx's workers (user nobody when started by root) write request bodies under it
    chmodSync(dir, 0o755);
    const database = await createPostgresDatabase();
    drop = database.drop;
    db = openDatabase(database.url);
    await migrateToLatest(db);
    await seedDemo(
      { db, clock: systemClock, ids: randomIds, files: openFileStore(db, {}) },
      { year: 2569 },
    );
    const round = (await listRounds(db.kysely, null)).find(
      (r) => r.agencyCode === 'D01' && r.state === 'collecting',
    );
    roundId = round?.id ?? '';

    const ports: [number, number] = [await freePort(), await freePort()];
    const env = {
      DATABASE_URL: database.url,
      TRUST_PROXY: '127.0.0.1',
      // info: one line per staff request, with the client address the app sees
      LOG_LEVEL: 'info',
      SCHEDULED_JOBS: 'off',
      // the test's own requests all come from 127.0.0.1; the sign-in limit (20 a minute) stays
      RATE_LIMIT_PER_MINUTE: '100000',
      SURVEY_STEPS_PER_MINUTE: '100000',
    };
    const serve = (port: number) =>
      startProcess(
        ['bin/prongsai.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1'],
        port,
        env,
      );
    // the first start migrates (already done) and registers the queue; then the second
    apps.push(await serve(ports[0]));
    apps.push(await serve(ports[1]));

    proxyPort = await freePort();
    proxy = `http://127.0.0.1:${proxyPort}`;
    const conf = join(dir, 'nginx.conf');
    writeFileSync(conf, nginxConf(dir, proxyPort, ports));
    nginx = await startNginx(dir, conf, proxy);
  }, 90_000);

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(apps.map((app) => app.stop()));
    await db?.close();
    await drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves evidence uploaded through one process whole through nginx and from the other', async () => {
    const [a, b] = apps as [StartedServer, StartedServer];
    // larger than one stored chunk (256 KB) and than nginx's in-memory body buffer
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(600_000, 'x'),
      Buffer.from('\n%%EOF\n'),
    ]);
    const uploads = [
      { item: 'O1', through: a.base },
      { item: 'O2', through: proxy },
    ];
    for (const upload of uploads) {
      const session = await signIn(upload.through, 'agency@example.org', DEMO_PASSWORD);
      const page = `${upload.through}/rounds/${roundId}/oit/${upload.item}`;
      const form = await formToken(page, undefined, session);
      const saved = await postMultipart(
        page,
        form.cookie,
        { _csrf: form.token, urls: '', explanation: 'แผนผังโครงสร้าง', action: 'save' },
        { name: `${upload.item}.pdf`, bytes: pdf },
      );
      expect(saved.status).toBe(302);
      const file = await db!.kysely
        .selectFrom('oit_file')
        .innerJoin('oit_evidence', 'oit_evidence.id', 'oit_file.evidence_id')
        .select(['oit_file.id', 'oit_file.sha256'])
        .where('oit_evidence.round_id', '=', roundId)
        .where('oit_evidence.item_code', '=', upload.item)
        .executeTakeFirstOrThrow();
      expect(file.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
      for (const from of [proxy, a.base, b.base]) {
        const download = await send(
          `${from}/rounds/${roundId}/oit/${upload.item}/files/${file.id}`,
          {
            headers: { cookie: session },
          },
        );
        expect(download.status).toBe(200);
        expect(download.headers['content-disposition']).toContain('attachment');
        expect(download.body.equals(pdf)).toBe(true);
      }
    }
  });

  it('follows an export started on one process to its file on the other', async () => {
    const [a, b] = apps as [StartedServer, StartedServer];
    const sessionA = await signIn(a.base, 'ministry@example.org', DEMO_PASSWORD);
    const sessionB = await signIn(b.base, 'ministry@example.org', DEMO_PASSWORD);
    const { agencies } = JSON.parse(
      (await send(`${a.base}/api/v1/agencies`, { headers: { cookie: sessionA } })).text(),
    ) as { agencies: { id: string; parentId: string | null }[] };
    const top = agencies.find((agency) => agency.parentId === null);
    const started = await send(
      `${a.base}/agencies/${top?.id ?? ''}/rollup.xlsx?year=2568&background=1`,
      {
        headers: { cookie: sessionA },
      },
    );
    expect(started.status).toBe(303);
    const progress = String(started.headers.location);
    let page = await send(`${b.base}${progress}`, { headers: { cookie: sessionB } });
    expect(page.status).toBe(200);
    for (let i = 0; i < 300 && !page.text().includes('data-download'); i++) {
      await sleep(100);
      page = await send(`${b.base}${progress}`, { headers: { cookie: sessionB } });
    }
    expect(page.text()).toContain(`${progress}/download`);
    const file = await send(`${b.base}${progress}/download`, { headers: { cookie: sessionB } });
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain('.xlsx');
    expect(file.body.subarray(0, 2).toString()).toBe('PK');
  });

  it('stores every survey answer sent through nginx once, even when sent twice', async () => {
    const link = await db!.kysely
      .selectFrom('survey_link')
      .select('code')
      .where('round_id', '=', roundId)
      .where('instrument', '=', 'IIT')
      .executeTakeFirstOrThrow();
    const count = async () =>
      Number(
        (
          await db!.kysely
            .selectFrom('survey_response')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('round_id', '=', roundId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const form = await learnLastStep(proxy, link.code);
    const next = nonces();
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    try {
      const sent = Array.from({ length: ANSWERS }, () => form.bodyFor(next()));
      // nginx spreads the requests over both processes; each answer goes twice, four at a time
      const copies = [...sent, ...sent];
      const statuses: number[] = [];
      for (let i = 0; i < copies.length; i += 4) {
        const batch = copies.slice(i, i + 4);
        const answers = await Promise.all(
          batch.map((body) =>
            postBody(agent, proxyPort, `/s/${link.code}/step`, body, form.cookie),
          ),
        );
        for (const answer of answers) {
          statuses.push(answer.status);
          if (answer.status === 200) expect(answer.body).toContain(THANKS);
        }
      }
      expect(statuses.slice(0, ANSWERS).every((s) => s === 200)).toBe(true);
      expect(statuses.every((s) => s < 500)).toBe(true);
    } finally {
      agent.destroy();
    }
    expect((await count()) - before).toBe(ANSWERS);
  });

  it("limits sign-ins by each client's own address, as nginx passes it on", async () => {
    const attempt = async (from: string, n: number, headers: Record<string, string> = {}) => {
      const login = await formToken(`${proxy}/login`, from);
      const form = { _csrf: login.token, email: `nobody${n}@example.org`, password: 'wrong' };
      return (await postForm(`${proxy}/login`, login.cookie, form, from, headers)).status;
    };
    const statuses: number[] = [];
    for (let i = 0; i < 44 && !statuses.includes(429); i++)
      statuses.push(await attempt('127.0.0.2', i));
    // 20 attempts a minute per client, counted across both processes: refused by attempt 40 at
    // the latest even if a minute boundary falls inside the loop
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThanOrEqual(20);
    expect(first).toBeLessThanOrEqual(39);
    // another client is not limited, even when it claims to be the first one: nginx adds the
    // address it sees to X-Forwarded-For, and the app believes only that last step
    expect(await attempt('127.0.0.3', 100)).not.toBe(429);
    expect(await attempt('127.0.0.3', 101, { 'x-forwarded-for': '127.0.0.2' })).not.toBe(429);

    // the app logged each client's own address, on both processes nginx spread the requests
    // over (without TRUST_PROXY every request would show nginx's, 127.0.0.1)
    const lines = apps.map((app) => logLines(app.output()));
    for (const own of lines) expect(own.map((line) => line.ip)).toContain('127.0.0.2');
    const logins = lines.flat().filter((line) => line.route === '/login' && line.method === 'POST');
    expect(new Set(logins.map((line) => line.ip))).toEqual(
      new Set(['127.0.0.1', '127.0.0.2', '127.0.0.3']),
    );
  });
  it("keeps a published public page in nginx's cache, and no page of a round not published", async () => {
    const results = `${proxy}/public/D01/2568/results`;
    const first = await send(results);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache-status']).toBe('MISS');
    // the next visitor gets the same page from nginx, and a browser holding it a 304 from nginx
    const second = await send(results);
    expect(second.headers['x-cache-status']).toBe('HIT');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.body.equals(first.body)).toBe(true);
    const held = await send(results, { headers: { 'if-none-match': String(first.headers.etag) } });
    expect(held.status).toBe(304);
    expect(held.headers['x-cache-status']).toBe('HIT');
    // each language is its own copy (Vary: cookie)
    const english = await send(results, { headers: { cookie: 'prongsai_lang=en' } });
    expect(english.headers['x-cache-status']).toBe('MISS');
    expect(english.text()).toContain('<html lang="en"');
    // the OIT page of the round still collecting goes to the app every time (no Cache-Control)
    const live = `${proxy}/public/oit/D01/2569`;
    for (let i = 0; i < 2; i++) {
      const page = await send(live);
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBeUndefined();
      expect(page.headers['x-cache-status']).toBe('MISS');
    }
  });
});
