// @ts-check
// Shared by test/nginx-two-processes.test.ts and bench/public-pages-nginx.mjs: the nginx block of
// docs/operations.md made into a whole nginx.conf (its app ports, `listen` and cache folder
// replaced), and nginx (the Debian package) started in the foreground on it. Types:
// nginx-proxy.d.mts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { root } from './survey-client.mjs';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** The nginx block of docs/operations.md: the fenced block after `<!-- nginx-config -->`. */
export function documentedNginxConfig() {
  const docs = readFileSync(join(root, 'docs/operations.md'), 'utf8');
  const block = /<!-- nginx-config -->\s*```nginx\n([\s\S]*?)\n```/.exec(docs)?.[1];
  if (!block)
    throw new Error('docs/operations.md has no ```nginx block after <!-- nginx-config -->');
  return block;
}

/**
 * Replaces one placeholder of the documented block, failing when the block no longer has it once.
 * @param {string} text @param {string} placeholder @param {string} value
 */
export function replaceOnce(text, placeholder, value) {
  const parts = text.split(placeholder);
  if (parts.length !== 2)
    throw new Error(`the nginx block of docs/operations.md should hold "${placeholder}" once`);
  return parts.join(value);
}

/**
 * A whole nginx.conf around the documented block: the block's two app ports, its `listen`, its
 * server name and its cache folder replaced; nginx's temp folders under `dir`; no log files.
 * `edit` may change the block further (e.g. a bench leaving nginx's cache out).
 * @param {string} dir @param {number} port @param {[number, number]} app
 * @param {{ workers?: number, edit?: (block: string) => string }} [options]
 */
export function nginxConf(dir, port, app, options = {}) {
  let block = documentedNginxConfig();
  block = replaceOnce(block, 'server 127.0.0.1:3001;', `server 127.0.0.1:${app[0]};`);
  block = replaceOnce(block, 'server 127.0.0.1:3002;', `server 127.0.0.1:${app[1]};`);
  block = replaceOnce(block, 'listen 80;', `listen 127.0.0.1:${port};`);
  block = replaceOnce(block, 'server_name ita.example.go.th;', 'server_name localhost;');
  block = replaceOnce(block, '/var/cache/nginx/prongsai ', `${join(dir, 'cache')} `);
  if (options.edit) block = options.edit(block);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${join(dir, kind)};`)
    .join('\n');
  const workers = options.workers ?? 1;
  return `worker_processes ${workers};\nevents { worker_connections 1024; }\nhttp {\n${temp}\n  access_log off;\n${block}\n}\n`;
}

/**
 * The pids of nginx's worker processes under its master, from /proc (not its cache loader,
 * which ends a minute after the start, nor its cache manager).
 * @param {number | undefined} master
 */
export function workerPids(master) {
  try {
    return readFileSync(`/proc/${master}/task/${master}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
      .filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('worker process'));
  } catch {
    return [];
  }
}

/**
 * Starts nginx in the foreground on a config file (its prefix `dir`, a pid file there); resolves
 * once `${base}/healthz` answers 200 through it to the app. `stop` sends SIGQUIT (nginx finishes
 * the requests it holds) and waits for the exit.
 * @param {string} dir @param {string} conf @param {string} base
 */
export async function startNginx(dir, conf, base) {
  let output = '';
  const child = spawn(
    NGINX,
    ['-e', 'stderr', '-p', dir, '-c', conf, '-g', `daemon off; pid ${join(dir, 'nginx.pid')};`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    await exited;
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited ${child.exitCode}: ${output}`);
    try {
      if ((await fetch(`${base}/healthz`)).status === 200)
        return { child, stop, output: () => output };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`nginx at ${base} did not answer: ${output}`);
}
