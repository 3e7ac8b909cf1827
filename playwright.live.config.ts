import { defineConfig } from '@playwright/test';

/**
 * Live read-only mode (`npm run test:live`): tests/e2e/live/live.spec.ts against the real portal.
 * Nothing that could hold a credential is recorded: no trace, no video, no screenshot; the reports
 * keep only step titles (which never carry secrets) and the redacted live report.
 */
export default defineConfig({
  testDir: 'tests/e2e/live',
  testMatch: 'live.spec.ts',
  outputDir: 'test-results/live',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/live.json' }]],
  use: { trace: 'off', video: 'off', screenshot: 'off', actionTimeout: 15_000, navigationTimeout: 30_000 },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' } },
    { name: 'firefox', use: { browserName: 'firefox' } },
  ],
});
