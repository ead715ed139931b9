import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Three projects, all run by `npm test` (one `vitest run`); each alone with
 * `npm run test:unit`, `npm run test:db` or `npm run test:slow`.
 */

/** Every test file. */
const ALL = ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'];

/** Tests that start processes (servers, Chromium, child scripts), print PDFs or run the CLI. */
const SLOW = [
  'test/e2e/**/*.test.ts',
  'test/survey-kill.test.ts',
  'test/scale-out.test.ts',
  'test/nginx-two-processes.test.ts',
  'test/architecture.test.ts',
  'test/cli-*.test.ts',
  'src/cli/**/*.test.ts',
  'src/platform/infra/pdf-renderer.test.ts',
  'src/platform/http/thai-rendering.test.ts',
  'src/platform/http/report-response.test.ts',
];

/** Tests on a real database (SQLite and PostgreSQL) or through the whole HTTP app. */
const DB_HTTP = [
  'src/**/*.db.test.ts',
  'src/**/*.routes.test.ts',
  'src/platform/http/public-rate-limits.test.ts',
  'test/authorization-matrix.test.ts',
];

/**
 * What every project shares (not `extends`: the global setup must run once, at the root). Two
 * workers share the cores, so a setup hook that seeds the demo gets a minute, not 10 s.
 */
const shared = { testTimeout: 30_000, hookTimeout: 60_000, pool: 'forks' } as const;

export default defineConfig({
  test: {
    // Both cores: Vitest's default leaves one free (one worker on a 2-core machine).
    maxWorkers: 2,
    // Names the run's PostgreSQL template database; the first file needing it migrates it.
    globalSetup: ['src/platform/db/test-global-setup.ts'],
    // The JSON report lets .ci/run prove that tests ran (and fail when none did).
    reporters: ['default', ['json', { outputFile: 'coverage/vitest-report.json' }]],
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ALL,
          exclude: [...configDefaults.exclude, ...SLOW, ...DB_HTTP],
        },
      },
      {
        test: {
          ...shared,
          name: 'db-http',
          include: DB_HTTP,
          exclude: [...configDefaults.exclude, ...SLOW],
        },
      },
      { test: { ...shared, name: 'slow', include: SLOW } },
    ],
  },
});
