import { defineConfig } from '@playwright/test';

/**
 * The regression kit (docs/regression-kit.md): the termination journey on the mocked portal, with the
 * test build of the extension, in Chromium and in stock Firefox (WebDriver BiDi). The browsers are
 * launched by the kit's own fixtures (tests/e2e/fixtures.ts): extensions need a persistent context in
 * Chromium and a BiDi install in Firefox, which Playwright's `use` options cannot express.
 */
const reporters: NonNullable<Parameters<typeof defineConfig>[0]['reporter']> = [
  ['list'],
  ['html', { outputFolder: 'reports/html', open: 'never' }],
  ['junit', { outputFile: 'reports/junit-e2e.xml' }],
  ['json', { outputFile: 'reports/e2e.json' }],
];
if (process.env.PW_BLOB === '1') reporters.push(['blob', { outputDir: 'reports/blob' }]);

export default defineConfig({
  testDir: 'tests/e2e',
  testIgnore: ['**/live/live.spec.ts'],
  outputDir: 'test-results',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 90_000,
  expect: { timeout: 7_000 },
  reporter: reporters,
  use: { actionTimeout: 10_000, navigationTimeout: 15_000 },
  projects: [
    // One worker each, so the two browsers run side by side instead of Chromium first, then Firefox.
    { name: 'chromium', use: { browserName: 'chromium' }, workers: 1 },
    // Two Firefox workers on two cores were slower than one (toolchain notes).
    { name: 'firefox', use: { browserName: 'firefox' }, workers: 1 },
  ],
});
