// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Layers and what each may not import (DESIGN.md §2): imports flow one way only. */
const layer = (/** @type {string[]} */ forbidden, /** @type {string[]} */ extra = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...forbidden.map((name) => ({
          group: [`**/${name}/**`, `**/${name}`, `**/${name}.js`],
          message: `This layer may not import src/${name} (see docs/architecture.md).`,
        })),
        ...extra.map((name) => ({
          group: [name, `${name}/**`],
          message: 'src/core is pure: no I/O modules here.',
        })),
      ],
    },
  ],
});

const io = [
  'fs',
  'node:fs',
  'node:fs/promises',
  'node:net',
  'node:http',
  'node:https',
  'node:child_process',
  'node:worker_threads',
  'node:readline',
  'pg',
  'better-sqlite3',
  'kysely',
  'fastify',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  // scripts served to the browser (progressive enhancement only)
  { files: ['src/http/public/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only src/config.ts reads process.env.',
        },
      ],
    },
  },
  {
    files: ['src/config.ts', 'bench/**', 'test/**', '**/*.test.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/core/**'],
    rules: layer(['db', 'services', 'infra', 'reports', 'http', 'cli', 'config'], io),
  },
  { files: ['src/db/**'], rules: layer(['services', 'infra', 'reports', 'http', 'cli']) },
  { files: ['src/infra/**'], rules: layer(['db', 'services', 'reports', 'http', 'cli']) },
  { files: ['src/reports/**'], rules: layer(['db', 'services', 'infra', 'http', 'cli']) },
  { files: ['src/services/**'], rules: layer(['http', 'cli']) },
  { files: ['src/http/**'], rules: layer(['cli', 'db']) },
  { files: ['src/cli/**'], rules: layer([]) },
  // test support of the web layer opens test databases
  {
    files: ['src/http/**/*.test.ts', 'src/http/**/*.test.tsx', 'src/http/test-client.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
