// Public pages through nginx (issue 15, part 2): the four pages of bench/public-pages.mjs (the
// stylesheet, a published round's results and OIT pages, a survey page) with the same client,
// through nginx configured by the block of docs/operations.md in front of two `prongsai serve`
// processes on one PostgreSQL database, each page's requests/s as a ratio to the stylesheet
// through nginx in the same run; and the same pages from one of the processes directly, on the
// same database, for comparison. Each connection leaves from its own address (127.0.0.2, …), as
// many visitors would: every request the app answers counts in the rate-limit row of its
// client's address in PostgreSQL, and with one address for all (`--one-address`, what
// bench/public-pages.mjs does on SQLite) every request would update the same row.
// `--no-proxy-cache` leaves nginx's own cache out of the block (every request then reaches a
// process). Usage:
//   node bench/public-pages-nginx.mjs [--no-proxy-cache] [--one-address] [--concurrency 32]
//     [--duration 10] [--warmup 2] [--runs 3]
// PostgreSQL: TEST_PG_URL (postgres://postgres@127.0.0.1:5432/postgres), where the database
// prongsai_bench_public is dropped and made again; nginx: NGINX_PATH (/usr/sbin/nginx).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { workerPids, nginxConf, startNginx } from './nginx-proxy.mjs';
import {
  BROWSER,
  drive,
  findTargets,
  formatRows,
  loadNow,
  medianRun,
  ratioOf,
  runRatios,
} from './public-pages-client.mjs';
import { UNLIMITED, freePort, loadOptions, runNode, startProcess } from './survey-client.mjs';

// this bench's own flags, taken out before the shared options are read
const FLAGS = ['--no-proxy-cache', '--one-address'];
const withoutCache = process.argv.includes('--no-proxy-cache');
const spread = !process.argv.includes('--one-address');
process.argv = process.argv.filter((arg) => !FLAGS.includes(arg));
const { values, load } = loadOptions();

const NAME = 'prongsai_bench_public';
const adminUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = new URL(adminUrl);
url.pathname = `/${NAME}`;
const databaseUrl = url.toString();

/** Runs SQL on the server's administration database. @param {string} sql */
async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const loadBefore = loadNow();
process.stderr.write(`preparing ${NAME} (the demo, seeded) …\n`);
await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
await admin(`CREATE DATABASE ${NAME}`);
await runNode(['bin/prongsai.mjs', 'demo', '--seed-only'], { DEMO_DATABASE_URL: databaseUrl });
const { iit } = JSON.parse(
  await runNode(['--import', 'tsx', 'bench/survey-setup.ts', databaseUrl]),
);

const env = {
  DATABASE_URL: databaseUrl,
  TRUST_PROXY: '127.0.0.1',
  LOG_LEVEL: 'warn',
  SCHEDULED_JOBS: 'off',
  ...UNLIMITED,
  PUBLIC_PAGES_PER_MINUTE: '100000000',
  PUBLIC_FILES_PER_MINUTE: '100000000',
};
/** @param {number} port */
const serve = (port) =>
  startProcess(
    ['bin/prongsai.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1'],
    port,
    env,
  );
const apps = [];
const dir = mkdtempSync(join(tmpdir(), 'prongsai-bench-nginx-'));
// nginx's workers (user nobody when started by root) write their cache and temp files under it
chmodSync(dir, 0o755);
/** @type {Awaited<ReturnType<typeof startNginx>> | undefined} */
let nginx;
const runs = { nginx: /** @type {any[][]} */ ([]), direct: /** @type {any[][]} */ ([]) };
try {
  // one after the other: the first start migrates (done by the seeding) and registers the queue
  apps.push(await serve(await freePort()));
  apps.push(await serve(await freePort()));
  const [a, b] = apps;
  const proxyPort = await freePort();
  const conf = join(dir, 'nginx.conf');
  const edit = withoutCache
    ? (/** @type {string} */ block) => block.replaceAll('proxy_cache prongsai;', '')
    : undefined;
  writeFileSync(conf, nginxConf(dir, proxyPort, [a.port, b.port], { edit }));
  nginx = await startNginx(dir, conf, `http://127.0.0.1:${proxyPort}`);
  const workers = workerPids(nginx.child.pid);
  const appPids = apps.map((app) => app.child.pid ?? 0);

  const targets = await findTargets(`http://127.0.0.1:${proxyPort}`, iit);
  const modes = {
    nginx: { pids: appPids, otherPids: workers, port: proxyPort, spread },
    direct: { pids: [appPids[0] ?? 0], otherPids: [], port: a.port, spread },
  };
  // both processes (nginx spreads the warm-up over them) and nginx warm up on every page
  for (const [mode, target] of Object.entries(modes))
    for (const [, path] of targets) {
      process.stderr.write(`warm-up (${mode}): GET ${path} …\n`);
      await drive({ ...target, path }, { ...load, warmupMs: 0, durationMs: load.warmupMs });
    }
  for (let run = 0; run < Number(values.runs); run += 1)
    for (const [mode, target] of Object.entries(modes)) {
      const measured = [];
      for (const [name, path] of targets) {
        process.stderr.write(`run ${run + 1} (${mode}): GET ${path} …\n`);
        measured.push({ name, path, ...(await drive({ ...target, path }, load)) });
      }
      runs[/** @type {'nginx' | 'direct'} */ (mode)].push(measured);
    }
} finally {
  await nginx?.stop();
  await Promise.all(apps.map((app) => app.stop('SIGKILL')));
  rmSync(dir, { recursive: true, force: true });
  await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
}

// each page's ratio is taken against the stylesheet of its own run and mode; the median run by
// the results page's ratio is printed for each mode
const nginxMedian = medianRun(runs.nginx);
const directMedian = medianRun(runs.direct);
const resultsRatio = ratioOf(nginxMedian, 1);
console.log(
  [
    `load: ${load.concurrency} keep-alive connections (${spread ? `from ${load.concurrency} addresses` : 'all from 127.0.0.1'}), ${values.warmup} s warm-up + ${values.duration} s measured per page and mode, ${runs.nginx.length} runs; accept-encoding: ${BROWSER['accept-encoding']}; load average before: ${loadBefore}, after: ${loadNow()}`,
    `through nginx (docs/operations.md block${withoutCache ? ', its proxy_cache left out' : ''}, 1 worker) to two prongsai serve on PostgreSQL; CPU: both processes (+ nginx's worker); median run ${runs.nginx.indexOf(nginxMedian) + 1}:`,
    ...formatRows(nginxMedian, 'nginx'),
    `  runs (results, OIT, survey ratios): ${runRatios(runs.nginx)}`,
    `one process directly, same database; median run ${runs.direct.indexOf(directMedian) + 1}:`,
    ...formatRows(directMedian),
    `  runs (results, OIT, survey ratios): ${runRatios(runs.direct)}`,
    `requests/s through nginx / one process directly (median runs): ${nginxMedian
      .map(
        (r, i) =>
          `${r.name.split(' (')[0]} ${(r.perSecond / (directMedian[i]?.perSecond ?? NaN)).toFixed(2)}`,
      )
      .join(', ')}`,
    `ratio results page / stylesheet through nginx: ${resultsRatio.toFixed(2)} (target ≥ 0.5: ${resultsRatio >= 0.5 ? 'met' : 'NOT met'})`,
  ].join('\n'),
);
