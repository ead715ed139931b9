import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';

/** Runs the prongsai command in-process and captures what it prints. */
export async function runCli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    interactive: false,
  });
  return { code, out, err };
}

/** Writes a file into a fresh temporary folder and returns its path. */
export function writeTemp(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'prongsai-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
