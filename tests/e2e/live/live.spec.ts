/**
 * `npm run test:live`: the read-only check against the REAL portal (docs/regression-kit.md).
 * No trace, video or screenshot is ever recorded here (playwright.live.config.ts), secrets are typed
 * through evaluations (never in step titles or logs), and the write guard denies by default: only the
 * journey's page reads on the portal's origin and the one login POST leave the browser; everything else
 * (other methods, paths, origins, WebSockets, beacons, service workers) is aborted and reported.
 *
 * LIVE_MOCK=1 rehearses this exact file without the real portal: the mocked portal is served by a local
 * server (its demo account and service), in both browsers. A server, not a route: the write guard sends
 * the requests it allows itself, to the network.
 */
import { expect, test } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../../../mocks/portal';
import { type PortalServer, startPortalServer } from '../../../mocks/server/http-server';
import { launchExtensionBrowser } from '../support/extension-browser';
import { type LiveTarget, readLiveTarget } from './live-target';
import { runLiveReadOnlyCheck } from './read-only-journey';
import { readPathsFrom } from './request-policy';
import { installWriteGuard, redact } from './write-guard';

test('@live read-only check: Détails and a termination dialog recognised and annotated, nothing written', async ({
  browserName,
}, testInfo) => {
  const mock: PortalServer | null =
    process.env.LIVE_MOCK === '1' ? await startPortalServer({ port: 0 }) : null;
  const target: LiveTarget = mock
    ? {
        url: mock.url,
        ...DEMO_CREDENTIALS,
        serviceRef: 'MC-000123',
        readPaths: readPathsFrom(process.env.PORTAL_READ_PATHS),
      }
    : readLiveTarget();
  const secrets = [target.password, target.login];
  const browser = await launchExtensionBrowser(browserName === 'firefox' ? 'firefox' : 'chromium', true, {
    live: true,
  });
  try {
    const context = await browser.acquireContext();
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
    await mock?.close();
  }
});
