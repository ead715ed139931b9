import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rule (DESIGN.md §2)', () => {
  it('keeps src/core free of storage, services and I/O', async () => {
    const messages = await lintAs(
      'src/core/scoring/example.ts',
      "import { a } from '../../db/x.js';\nimport { b } from '../../services/y.js';\nimport { readFileSync } from 'node:fs';\nexport const c = [a, b, readFileSync];\n",
    );
    expect(messages).toHaveLength(3);
    expect(messages.every((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('keeps a feature core as pure as the shared core', async () => {
    const messages = await lintAs(
      'src/features/assets/core/example.ts',
      "import { a } from '../db/x.js';\nimport { b } from '../../../platform/infra/y.js';\nimport { c } from '../../../core/errors.js';\nimport { readFileSync } from 'node:fs';\nexport const d = [a, b, c, readFileSync];\n",
    );
    expect(messages).toHaveLength(3);
  });

  it('keeps the platform from importing features (the app composes them)', async () => {
    const messages = await lintAs(
      'src/platform/http/example.ts',
      "import { a } from '../../features/assets/feature.js';\nimport { b } from './route-kit.js';\nexport const c = [a, b];\n",
    );
    expect(messages).toHaveLength(1);
  });

  it('lets services use core and db, but nothing import http or cli', async () => {
    expect(
      await lintAs(
        'src/features/assets/services/x.service.ts',
        "import { a } from '../core/a.js';\nimport { b } from '../db/b.js';\nexport const c = [a, b];\n",
      ),
    ).toEqual([]);
    expect(
      await lintAs(
        'src/features/assets/services/x.service.ts',
        "import { a } from '../http/a.js';\nexport const c = a;\n",
      ),
    ).toHaveLength(1);
    expect(
      await lintAs(
        'src/platform/db/x.repository.ts',
        "import { a } from '../../cli/a.js';\nexport const c = a;\n",
      ),
    ).toHaveLength(1);
  });

  it('lets only src/config.ts read process.env', async () => {
    expect(
      await lintAs(
        'src/features/assets/services/x.service.ts',
        'export const a = process.env.X;\n',
      ),
    ).toHaveLength(1);
    expect(await lintAs('src/config.ts', 'export const a = process.env.X;\n')).toEqual([]);
  });
});

describe('import graph check (scripts/check-imports.mjs)', () => {
  async function checkTree(files: Record<string, string>) {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { dirname, join } = await import('node:path');
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-imports-'));
    try {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const run = spawnSync(process.execPath, ['scripts/check-imports.mjs', dir], {
        encoding: 'utf8',
      });
      return { status: run.status, output: run.stdout + run.stderr };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('passes the tree as it is', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(process.execPath, ['scripts/check-imports.mjs'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('fails on a runtime cycle, not on a cycle of types only', async () => {
    const cycle = await checkTree({
      'src/platform/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'src/platform/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
    });
    expect(cycle.status).toBe(1);
    expect(cycle.output).toContain('runtime import cycle of 2 modules');
    const types = await checkTree({
      'src/platform/a.ts': "import type { B } from './b.js';\nexport type A = { b?: B };\n",
      'src/platform/b.ts': "import type { A } from './a.js';\nexport type B = { a?: A };\n",
    });
    expect(types.status).toBe(0);
  });

  it('fails when a feature is entered through a side door', async () => {
    const result = await checkTree({
      'src/features/a/services/x.ts':
        "import { y } from '../../b/services/y.js';\nexport const x = y;\n",
      'src/features/a/services/z.ts':
        "import { y } from '../../b/feature.js';\nexport const z = y;\n",
      'src/features/b/services/y.ts': 'export const y = 1;\n',
      'src/features/b/feature.ts': "export { y } from './services/y.js';\n",
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'src/features/a/services/x.ts: imports src/features/b/services/y.ts',
    );
    expect(result.output).not.toContain('src/features/a/services/z.ts');
  });
});
