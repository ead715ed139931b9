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
