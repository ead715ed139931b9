import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // The JSON report lets .ci/run prove that tests ran (and fail when none did).
    reporters: ['default', ['json', { outputFile: 'coverage/vitest-report.json' }]],
  },
});
