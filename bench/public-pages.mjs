// Public pages benchmark (issue 15, part 2): requests/s of the public results page of a published
// round, the public OIT page and a survey page, each as a ratio to the stylesheet served by the
// same `prongsai serve` process in the same run. Through nginx and two processes on PostgreSQL:
// bench/public-pages-nginx.mjs. Usage:
//   node bench/public-pages.mjs [--concurrency 32] [--duration 10] [--warmup 2] [--runs 3]
import { join } from 'node:path';
import {
  UNLIMITED,
  freePort,
  loadOptions,
  prepareSurveyDatabase,
  root,
  startProngsai,
} from './survey-client.mjs';
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

const { values, load } = loadOptions();
const file = join(root, '.bench', 'public-pages.db');

process.stderr.write('preparing the demo database …\n');
const { iit } = await prepareSurveyDatabase(file);
const port = await freePort();
const server = await startProngsai(file, port, {
  ...UNLIMITED,
  PUBLIC_PAGES_PER_MINUTE: '100000000',
  PUBLIC_FILES_PER_MINUTE: '100000000',
});
const pids = [server.child.pid ?? 0];
const runs = [];
try {
  const targets = await findTargets(server.base, iit);
  // the process warms up on every page before anything is measured (its code is compiled then)
  for (const [, path] of targets) {
    process.stderr.write(`warm-up: GET ${path} …\n`);
    await drive({ pids, port, path }, { ...load, warmupMs: 0, durationMs: load.warmupMs });
  }
  for (let run = 0; run < Number(values.runs); run += 1) {
    const measured = [];
    for (const [name, path] of targets) {
      process.stderr.write(`run ${run + 1}: GET ${path} …\n`);
      measured.push({ name, path, ...(await drive({ pids, port, path }, load)) });
    }
    runs.push(measured);
  }
} finally {
  await server.stop('SIGKILL');
}

// each page's ratio is taken against the stylesheet of its own run; the median run by the
// results page's ratio is printed (the machine may be shared and noisy)
const median = medianRun(runs);
const resultsRatio = ratioOf(median, 1);
console.log(
  [
    `load: ${load.concurrency} keep-alive connections, ${values.warmup} s warm-up + ${values.duration} s measured per page, run ${runs.indexOf(median) + 1} of ${runs.length} (median results ratio); accept-encoding: ${BROWSER['accept-encoding']}; load average before: ${loadNow()}`,
    ...formatRows(median),
    `runs (results, OIT, survey ratios): ${runRatios(runs)}`,
    `ratio results page / stylesheet: ${resultsRatio.toFixed(2)} (target ≥ 0.5: ${resultsRatio >= 0.5 ? 'met' : 'NOT met'})`,
  ].join('\n'),
);
