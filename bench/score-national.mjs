// National-scale scoring benchmark (issue 2): 8,317 agencies, 1.35 million IIT/EIT responses,
// 26 OIT items each. Scores the file through the real CLI and compares it with a parse-only
// baseline run on the same file in the same run. Usage:
//   node bench/score-national.mjs [--agencies N] [--responses N] [--runs N]
// Wall time is the best of N runs; CPU time (user + system, from /proc on Linux) the least of N,
// which a shared, busy machine disturbs less than wall time; peak memory the most of N.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    agencies: { type: 'string', default: '8317' },
    responses: { type: 'string', default: '1350000' },
    runs: { type: 'string', default: '1' },
  },
});
const root = new URL('..', import.meta.url).pathname;
const dir = join(root, '.bench');
mkdirSync(dir, { recursive: true });
const file = join(dir, `national-${values.agencies}-${values.responses}.ndjson`);

const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) of the children this process has waited for, from /proc/self/stat
 * (cutime and cstime); null where there is no /proc.
 */
function childrenCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

function run(args) {
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpu();
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}\n${err}`));
      const rss = Number(/BENCH_PEAK_RSS_MB=([\d.]+)/.exec(err)?.[1] ?? NaN);
      const cpuAfter = childrenCpu();
      const cpu = cpuBefore === null || cpuAfter === null ? NaN : cpuAfter - cpuBefore;
      resolve({ seconds, rss, cpu });
    });
  });
}

if (!existsSync(file)) {
  process.stderr.write(`generating ${file} …\n`);
  const t = await run([
    '--import',
    'tsx',
    'bench/generate-national.ts',
    file,
    values.agencies,
    values.responses,
  ]);
  process.stderr.write(`generated in ${t.seconds.toFixed(1)} s\n`);
}
const size = statSync(file).size / 1e6;
const best = (a, b) =>
  b
    ? {
        ...(b.seconds < a.seconds ? b : a),
        cpu: Math.min(a.cpu, b.cpu),
        rss: Math.max(a.rss, b.rss),
      }
    : a;
const show = (name, r) =>
  process.stderr.write(
    `${name}: ${r.seconds.toFixed(2)} s, CPU ${r.cpu.toFixed(2)} s, peak ${r.rss.toFixed(0)} MB\n`,
  );
let baseline;
let score;
for (let i = 0; i < Number(values.runs); i += 1) {
  const base = await run(['--import', './bench/report-rss.mjs', 'bench/parse-only.mjs', file]);
  show('parse-only', base);
  baseline = best(base, baseline);
  const scored = await run([
    '--import',
    './bench/report-rss.mjs',
    'bin/prongsai.mjs',
    'score',
    '--edition',
    'ita-2569',
    '--input',
    file,
    '--format',
    'json',
  ]);
  show('prongsai score', scored);
  score = best(scored, score);
}
const lines = [
  `input: ${values.agencies} agencies, ${values.responses} responses, ${size.toFixed(0)} MB NDJSON`,
  `parse-only baseline: ${baseline.seconds.toFixed(2)} s, CPU ${baseline.cpu.toFixed(2)} s, peak ${baseline.rss.toFixed(0)} MB`,
  `prongsai score:      ${score.seconds.toFixed(2)} s, CPU ${score.cpu.toFixed(2)} s, peak ${score.rss.toFixed(0)} MB`,
  `ratio score / parse-only: ${(score.seconds / baseline.seconds).toFixed(2)} wall, ${(score.cpu / baseline.cpu).toFixed(2)} CPU (target < 2; issue 15: ≤ 1.5, peak < 400 MB)`,
  `targets: wall < 60 s (${score.seconds < 60 ? 'met' : 'NOT met'}), peak < 1024 MB (${score.rss < 1024 ? 'met' : 'NOT met'})`,
];
console.log(lines.join('\n'));
