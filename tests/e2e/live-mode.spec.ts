/**
 * Live mode rehearsed on the mocked portal, in the normal e2e run: the same read-only check
 * (tests/e2e/live/read-only-journey.ts) and the same write guard as `npm run test:live`.
 * Chromium serves the mock under the production-like host `https://demo.extranet.myopenip.fr` (the
 * extension's real host match); Firefox under its local server (BiDi routes lose request bodies, so a
 * routed login could not work there).
 */
import { routeContextThroughPortal } from '../../mocks/server/playwright-route';
import { expect, test } from './fixtures';
import { runLiveReadOnlyCheck } from './live/read-only-journey';
import { installWriteGuard, redact } from './live/write-guard';
import { ServicePage } from './pages/portal';

const LIVE_LIKE_ORIGIN = 'https://demo.extranet.myopenip.fr';

test('@regression live mode on the mock: the read-only check passes, and the guard stops every write', async ({
  context,
  page,
  portal,
  portalOrigin,
  credentials,
  extensionBrowser,
}) => {
  let origin = portalOrigin;
  if (extensionBrowser.name === 'chromium') {
    await routeContextThroughPortal(context, portal, { origins: [LIVE_LIKE_ORIGIN] });
    origin = LIVE_LIKE_ORIGIN;
  }
  const guard = await installWriteGuard(context); // last, so it sees every request first
  const target = { url: `${origin}/`, ...credentials, serviceRef: 'MC-000123' };

  const report = await runLiveReadOnlyCheck(page, target, guard);
  expect(report.licences).toHaveLength(8);
  expect(report.licences).toContainEqual({ label: 'Licence full', state: 'terminable' });
  expect(report.dialogChecked).toBe('Licence full');
  expect(guard.blocked, 'the read-only check itself writes nothing').toEqual([]);
  expect(portal.store.counts.history).toBe(0);

  await test.step('the guard stops a confirmation, a scripted write and a second form POST', async () => {
    const service = new ServicePage(page);
    const dialog = await service.openTermination('Licence full');
    await dialog.confirm.click();
    await expect(dialog.error).toContainText('interrompue');
    await expect.poll(() => guard.blocked.length).toBe(1);
    expect(guard.blocked[0]).toMatchObject({ method: 'POST', url: expect.stringMatching(/\/resiliation$/) });
    await dialog.cancel.click();

    const status = await page.evaluate(async (url) => {
      try {
        return (await fetch(url, { method: 'DELETE' })).status;
      } catch {
        return 'bloquée';
      }
    }, `${origin}/services/MC-000123`);
    expect(status).toBe('bloquée');
    expect(guard.blocked.map((entry) => entry.method)).toEqual(['POST', 'DELETE']);
    await expect(service.licenceCount('Licence full')).toHaveText('1 / 2');

    // The login allowance was single-use: a later form POST is stopped too (Chromium then shows its
    // "blocked" error page, so this comes last).
    await page.evaluate((action) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = action;
      document.body.append(form);
      form.submit();
    }, `${origin}/logout`);
    await expect.poll(() => guard.blocked.length).toBe(3);
    expect(guard.blocked[2]).toMatchObject({ method: 'POST', url: `${origin}/logout` });
    expect(portal.store.counts.history).toBe(0);
  });

  expect(
    redact(`login ${credentials.login} / ${credentials.password}`, [credentials.password, credentials.login]),
  ).toBe('login *** / ***');
  await guard.remove();
});
