/**
 * The demo's tour (scripts/demo/tour-steps.ts) played for real, fast, with the test extension: every
 * step's expectation must hold and the README's screenshots must be written, so the tour cannot
 * silently rot when the mocked portal or the extension changes. Same code path as `npm run demo -- --tour`
 * (session, steps, screenshots), minus the pauses and the video.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../../mocks/portal';
import { startPortalServer } from '../../mocks/server/http-server';
import type { DemoBrowser } from '../../scripts/demo/args';
import { openSession } from '../../scripts/demo/session';
import { playStep, tourContext } from '../../scripts/demo/tour';
import { README_SCREENSHOTS, TOUR_STEPS } from '../../scripts/demo/tour-steps';
import { TEST_BUILD_DIRS } from '../../scripts/test-build';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ROOT = resolve(import.meta.dirname, '../..');

test('the demo tour plays the card’s journey step by step and writes the README screenshots', async ({
  browserName,
}, testInfo) => {
  test.setTimeout(120_000);
  // The kit's projects are named after their browser; a project may leave `browserName` at its default.
  const browser: DemoBrowser =
    browserName === 'firefox' || /firefox/i.test(testInfo.project.name) ? 'firefox' : 'chromium';
  const server = await startPortalServer({ port: 0, scenario: 'carte' });
  const session = await openSession({
    browser,
    extensionDir: join(ROOT, TEST_BUILD_DIRS[browser]),
    headless: true,
  });
  const outputDir = testInfo.outputPath('tour');
  try {
    const ctx = tourContext(session, server.url, DEMO_CREDENTIALS, 0);
    for (const [index, step] of TOUR_STEPS.entries()) {
      await test.step(`${index + 1}. ${step.id} — ${step.caption}`, async () => {
        const outcome = await playStep(ctx, step, index, TOUR_STEPS.length, outputDir);
        expect(outcome.screenshots).toHaveLength(step.screenshot ? 2 : 0);
      });
    }
    expect(README_SCREENSHOTS).toEqual(['details-annotated', 'sda-flag', 'popup', 'guard-refuses-2']);
    for (const name of README_SCREENSHOTS) {
      const file = join(outputDir, 'readme', `${name}.png`);
      expect(readFileSync(file).subarray(0, 8), `${name}.png is a PNG`).toEqual(PNG_SIGNATURE);
      expect(statSync(file).size, `${name}.png is not blank`).toBeGreaterThan(2_000);
    }
  } finally {
    await session.close();
    await server.close();
  }
});
