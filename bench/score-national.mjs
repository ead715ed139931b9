// National-scale scoring benchmark (issue 2): 8,317 agencies, 1.35 million IIT/EIT responses,
// 26 OIT items each. Scores the file through the real CLI and compares it with a parse-only
// baseline run on the same file in the same run. Usage:
//   node bench/score-national.mjs [--agencies N] [--responses N] [--runs N]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
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

function run(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}\n${err}`));
      const rss = Number(/BENCH_PEAK_RSS_MB=([\d.]+)/.exec(err)?.[1] ?? NaN);
      resolve({ seconds, rss });
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
const best = (a, b) => (b && b.seconds < a.seconds ? b : a);
let baseline;
let score;
for (let i = 0; i < Number(values.runs); i += 1) {
  baseline = best(
    await run(['--import', './bench/report-rss.mjs', 'bench/parse-only.mjs', file]),
    baseline,
  );
  score = best(
    await run([
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
    ]),
    score,
  );
}
const lines = [
  `input: ${values.agencies} agencies, ${values.responses} responses, ${size.toFixed(0)} MB NDJSON`,
  `parse-only baseline: ${baseline.seconds.toFixed(2)} s, peak ${baseline.rss.toFixed(0)} MB`,
  `prongsai score:      ${score.seconds.toFixed(2)} s, peak ${score.rss.toFixed(0)} MB`,
  `ratio score / parse-only: ${(score.seconds / baseline.seconds).toFixed(2)} (target < 2)`,
  `targets: wall < 60 s (${score.seconds < 60 ? 'met' : 'NOT met'}), peak < 1024 MB (${score.rss < 1024 ? 'met' : 'NOT met'})`,
];
console.log(lines.join('\n'));
