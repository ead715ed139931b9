// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The layer rule (docs/architecture.md): inside src/core, src/platform and every feature folder,
 * imports flow one way only, core ← db ← services ← http; core ← reports ← services;
 * infra ← services. A folder name is matched as a path segment of the import (`**\/db/**`).
 * Runtime import cycles and the one-door rule between features are checked by
 * scripts/check-imports.mjs (npm run lint).
 */
const LAYERS = {
  core: ['db', 'services', 'infra', 'reports', 'http', 'cli', 'config'],
  db: ['services', 'infra', 'reports', 'http', 'cli'],
  infra: ['db', 'services', 'reports', 'http', 'cli'],
  reports: ['db', 'services', 'infra', 'http', 'cli'],
  services: ['http', 'cli'],
  http: ['cli', 'db'],
  rest: ['cli'],
};

/** What each part of src may not import, besides its layer's rule. */
const SCOPES = {
  'src/core': ['platform', 'features', 'app'],
  'src/platform': ['features', 'app'],
  'src/features': ['app'],
};

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

const restrict = (/** @type {string[]} */ forbidden, /** @type {boolean} */ pure) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...forbidden.map((name) => ({
          group: [`**/${name}/**`, `**/${name}`, `**/${name}.js`],
          message: `This layer may not import ${name} (see docs/architecture.md).`,
        })),
        ...(pure
          ? io.map((name) => ({
              group: [name, `${name}/**`],
              message: 'A core folder is pure: no I/O modules here.',
            }))
          : []),
      ],
    },
  ],
});

/**
 * One block per scope and layer, so that both rules apply to a file at once: the scope's rest
 * first, then its layer folders (a later block wins for the same file and rule).
 */
const layerBlocks = [
  { files: ['src/core/**'], rules: restrict([...LAYERS.core, ...SCOPES['src/core']], true) },
  ...['src/platform', 'src/features'].flatMap((scope) => [
    { files: [`${scope}/**`], rules: restrict([...LAYERS.rest, ...SCOPES[scope]], false) },
    ...['core', 'db', 'infra', 'reports', 'services', 'http'].map((layer) => ({
      files: [`${scope}/**/${layer}/**`],
      rules: restrict([...LAYERS[layer], ...SCOPES[scope]], layer === 'core'),
    })),
  ]),
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  // scripts served to the browser (progressive enhancement only)
  {
    files: ['src/platform/http/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
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
  ...layerBlocks,
  { files: ['src/cli/**', 'src/app/**'], rules: restrict([], false) },
  // test support opens test databases and builds whole apps
  {
    files: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'src/**/test-*.ts',
      'src/**/*.test-support.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
);
