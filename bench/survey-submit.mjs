// Survey submission benchmark (surveys issue, item 7): complete IIT forms posted to the real
// POST /s/:code/step of `prongsai serve` on SQLite, compared with a bare Fastify route doing one
// insert (bench/bare-insert-server.mjs), and with the inserts that arrive together committed in one
// transaction as the app batches them, driven by the same load generator with the same bodies
// in the same run. Usage:
//   node bench/survey-submit.mjs [--concurrency 32] [--duration 10] [--warmup 2] [--runs 3]
import http from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import {
  THANKS,
  cpuMs,
  freePort,
  learnLastStep,
  nonces,
  postBody,
  prepareSurveyDatabase,
  removeDatabase,
  root,
  startProcess,
  startProngsai,
} from './survey-client.mjs';

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '32' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    runs: { type: 'string', default: '3' },
  },
});
const load = {
  concurrency: Number(values.concurrency),
  warmupMs: Number(values.warmup) * 1000,
  durationMs: Number(values.duration) * 1000,
};
const surveyFile = join(root, '.bench', 'survey-submit.db');
const bareFile = join(root, '.bench', 'bare-insert.db');

/**
 * Closed-loop load: `concurrency` keep-alive connections, each sending the next body as soon as
 * the previous answer arrived. Throughput and latency count the answers that arrived inside the
 * measured window (after the warm-up); every answer, warm-up included, must be a thank-you page.
 */
async function drive(pid, port, path, bodyFor, cookie = '') {
  const agent = new http.Agent({ keepAlive: true, maxSockets: load.concurrency });
  const nextNonce = nonces();
  const from = performance.now() + load.warmupMs;
  const end = from + load.durationMs;
  const latencies = [];
  let ok = 0;
  let failed = 0;
  let firstFailure = '';
  let cpuFrom = NaN;
  let cpuTo = NaN;
  const marks = [
    setTimeout(() => (cpuFrom = cpuMs(pid)), load.warmupMs),
    setTimeout(() => (cpuTo = cpuMs(pid)), load.warmupMs + load.durationMs),
  ];
  const worker = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      try {
        const answer = await postBody(agent, port, path, bodyFor(nextNonce()), cookie);
        const done = performance.now();
        if (answer.status === 200 && answer.body.includes(THANKS)) ok += 1;
        else {
          failed += 1;
          firstFailure ||= `${answer.status} ${answer.body.slice(0, 300)}`;
        }
        if (done > from && done <= end) latencies.push(done - started);
      } catch (error) {
        failed += 1;
        firstFailure ||= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: load.concurrency }, worker));
  marks.forEach(clearTimeout);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    ok,
    failed,
    firstFailure,
    perSecond: latencies.length / (load.durationMs / 1000),
    p50: at(0.5),
    p99: at(0.99),
    cpuPerSubmission: (cpuTo - cpuFrom) / latencies.length,
  };
}

function countRows(file, table) {
  const db = new SQLite(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) AS n FROM ${table}`).get().n;
  } finally {
    db.close();
  }
}

function check(name, result, stored) {
  if (result.failed > 0)
    throw new Error(
      `${name}: ${result.failed} answers were not 200 + thank-you: ${result.firstFailure}`,
    );
  if (stored !== result.ok)
    throw new Error(`${name}: ${result.ok} thank-you answers but ${stored} rows stored`);
}

/**
 * One baseline run: the bare server on a fresh file, committing each insert alone (`one`) or the
 * inserts that arrive together in one transaction as the app does (`batched`).
 */
async function driveBare(run, mode) {
  removeDatabase(bareFile);
  const port = await freePort();
  const args = ['bench/bare-insert-server.mjs', bareFile, String(port)];
  const server = await startProcess(mode === 'batched' ? [...args, 'batched'] : args, port);
  try {
    process.stderr.write(`run ${run + 1}: bare Fastify POST /submit (${mode}) …\n`);
    const result = await drive(server.child.pid, port, '/submit', template.bodyFor);
    await server.stop();
    check(`bare (${mode})`, result, countRows(bareFile, 'response'));
    return result;
  } finally {
    await server.stop('SIGKILL');
  }
}

process.stderr.write('preparing the survey database …\n');
const { iit } = await prepareSurveyDatabase(surveyFile);
let template;
const runs = [];
for (let run = 0; run < Number(values.runs); run += 1) {
  let survey;
  {
    const port = await freePort();
    const server = await startProngsai(surveyFile, port);
    try {
      template ??= await learnLastStep(server.base, iit);
      const before = countRows(surveyFile, 'survey_response');
      process.stderr.write(`run ${run + 1}: prongsai serve POST /s/${iit}/step …\n`);
      survey = await drive(
        server.child.pid,
        port,
        `/s/${iit}/step`,
        template.bodyFor,
        template.cookie,
      );
      await server.stop();
      check('survey', survey, countRows(surveyFile, 'survey_response') - before);
    } finally {
      await server.stop('SIGKILL');
    }
  }
  const bare = await driveBare(run, 'one');
  const batched = await driveBare(run, 'batched');
  runs.push({
    survey,
    bare,
    batched,
    ratio: survey.perSecond / bare.perSecond,
    batchedRatio: survey.perSecond / batched.perSecond,
  });
  process.stderr.write(
    `run ${run + 1}: survey ${survey.perSecond.toFixed(0)}/s (${survey.cpuPerSubmission.toFixed(2)} ms CPU), bare ${bare.perSecond.toFixed(0)}/s (${bare.cpuPerSubmission.toFixed(2)} ms CPU), bare batched ${batched.perSecond.toFixed(0)}/s (${batched.cpuPerSubmission.toFixed(2)} ms CPU), ratios ${runs.at(-1).ratio.toFixed(2)} / ${runs.at(-1).batchedRatio.toFixed(2)}\n`,
  );
}

// The run with the median ratio is reported (the machine may be shared and noisy).
const { survey, bare, batched, ratio, batchedRatio } = runs.toSorted((a, b) => a.ratio - b.ratio)[
  Math.floor((runs.length - 1) / 2)
];
const body = template.bodyFor(nonces()());
const row = (name, r) =>
  `${name.padEnd(34)} ${r.perSecond.toFixed(0).padStart(6)}/s  p50 ${r.p50.toFixed(1).padStart(5)} ms  p99 ${r.p99.toFixed(1).padStart(5)} ms  server CPU ${r.cpuPerSubmission.toFixed(2)} ms/submission  (${r.ok} stored, checked)`;
const met = (ok) => (ok ? 'met' : 'NOT met');
console.log(
  [
    `load: ${load.concurrency} keep-alive connections, ${values.warmup} s warm-up + ${values.duration} s measured, median-ratio run of ${values.runs}; IIT form of ${template.items} answers, ${Buffer.byteLength(body)} bytes`,
    row('bare Fastify + one insert', bare),
    row('bare Fastify, batched commits', batched),
    row('prongsai POST /s/:code/step', survey),
    `ratio survey / bare (submissions/s): ${ratio.toFixed(2)} (target ≥ 0.5: ${met(ratio >= 0.5)}; issue 15: ≥ 0.9: ${met(ratio >= 0.9)})`,
    `ratio survey / bare batched (submissions/s): ${batchedRatio.toFixed(2)}`,
    `targets: ≥ 1,000 submissions/s (${met(survey.perSecond >= 1000)}), p99 < 50 ms (${met(survey.p99 < 50)}; issue 15: < 20 ms: ${met(survey.p99 < 20)})`,
  ].join('\n'),
);
