/**
 * `npm run test:live`: the read-only check against the REAL portal (docs/regression-kit.md).
 * No trace, video or screenshot is ever recorded here (playwright.live.config.ts), secrets are typed
 * through evaluations (never in step titles or logs), and the write guard denies by default: only the
 * journey's page reads on the portal's origin and the one login POST leave the browser; everything else
 * (other methods, paths, origins, WebSockets, beacons, service workers) is aborted and reported.
 *
 * LIVE_MOCK=1 serves the mocked portal under PORTAL_URL's origin inside the browser (Chromium only),
 * to rehearse this exact file without the real portal.
 */
import { expect, test } from '@playwright/test';
import { createPortal } from '../../../mocks/portal';
import { routeContextThroughPortal } from '../../../mocks/server/playwright-route';
import { launchExtensionBrowser } from '../support/extension-browser';
import { readLiveTarget } from './live-target';
import { runLiveReadOnlyCheck } from './read-only-journey';
import { installWriteGuard, redact } from './write-guard';

test('@live read-only check: Détails and a termination dialog recognised and annotated, nothing written', async ({
  browserName,
}, testInfo) => {
  const target = readLiveTarget();
  const secrets = [target.password, target.login];
  const browser = await launchExtensionBrowser(browserName === 'firefox' ? 'firefox' : 'chromium', true, {
    live: true,
  });
  try {
    const context = await browser.acquireContext();
    if (process.env.LIVE_MOCK === '1') {
      test.skip(
        browserName === 'firefox',
        'LIVE_MOCK routes a made-up https host: Chromium only (see docs).',
      );
      await routeContextThroughPortal(context, createPortal(), { origins: [new URL(target.url).origin] });
    }
    const guard = await installWriteGuard(context, {
      origin: new URL(target.url).origin,
      readPaths: target.readPaths,
    });
    const page = await context.newPage();
    const report = await runLiveReadOnlyCheck(page, target, guard);
    const summary = redact(
      JSON.stringify({ report, blocked: guard.blocked, unguarded: guard.unguarded }, null, 2),
      secrets,
    );
    await testInfo.attach('live-report.json', { body: summary, contentType: 'application/json' });
    console.log(
      `[live] ${report.licences.length} licence(s) annotée(s); requêtes bloquées : ${guard.blocked.length}`,
    );
    expect(report.licences.length).toBeGreaterThan(0);
    expect(
      guard.unguarded,
      'no redirect led the browser to a request the guard refuses (see live-report.json)',
    ).toEqual([]);
    await browser.releaseContext(context);
  } finally {
    await browser.close();
  }
});
