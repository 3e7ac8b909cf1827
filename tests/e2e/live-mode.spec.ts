/**
 * Live mode rehearsed on the mocked portal, in the normal e2e run: the same launch (live settings:
 * service workers blocked, no Firefox system access), the same read-only check
 * (tests/e2e/live/read-only-journey.ts) and the same deny-by-default write guard as `npm run test:live`.
 * Chromium serves the mock under the production-like host `https://demo.extranet.myopenip.fr` (the
 * extension's real host match); Firefox under its local server (BiDi routes lose request bodies, so a
 * routed login could not work there).
 *
 * Every request the portal receives is recorded by a pass-through handler: a write the guard reports
 * must also be absent there, which proves it was aborted in the browser and not merely noticed.
 */
import { expect, type Page, test } from '@playwright/test';
import { HttpResponse, http } from 'msw';
import { onPath } from '../../mocks/handlers/match';
import { createPortal, DEMO_CREDENTIALS } from '../../mocks/portal';
import { startPortalServer } from '../../mocks/server/http-server';
import { routeContextThroughPortal } from '../../mocks/server/playwright-route';
import { runLiveReadOnlyCheck } from './live/read-only-journey';
import type { RequestKind } from './live/request-policy';
import { type BlockedRequest, installWriteGuard, redact } from './live/write-guard';
import { ServicePage } from './pages/portal';
import { launchExtensionBrowser } from './support/extension-browser';

const LIVE_LIKE_ORIGIN = 'https://demo.extranet.myopenip.fr';
const SERVICE = 'MC-000123';

/** One kind of write a page (or an extension) could attempt, and what the guard must report for it. */
interface WriteAttempt {
  name: string;
  /** Runs in the page; resolves once the attempt has been made (its outcome does not matter). */
  attempt: (page: Page, origin: string) => Promise<unknown>;
  method: string;
  /** The reported address (origin + path). */
  url: (origin: string) => string;
  /** The reported kind, when the browser names it (a beacon is a `document` POST to Firefox's driver). */
  kind?: Partial<Record<'chromium' | 'firefox', RequestKind>>;
}

const inPage =
  <T>(body: (origin: string) => Promise<T>) =>
  (page: Page, origin: string) =>
    page.evaluate(body, origin);

const ATTEMPTS: WriteAttempt[] = [
  {
    name: 'fetch PUT on a page the journey reads',
    attempt: inPage((origin) =>
      fetch(`${origin}/services/MC-000123`, { method: 'PUT', body: 'x' }).catch(() => 'bloquée'),
    ),
    method: 'PUT',
    url: (origin) => `${origin}/services/${SERVICE}`,
    kind: { chromium: 'fetch', firefox: 'fetch' },
  },
  {
    name: 'fetch DELETE',
    attempt: inPage((origin) =>
      fetch(`${origin}/services/MC-000123`, { method: 'DELETE' }).catch(() => 'bloquée'),
    ),
    method: 'DELETE',
    url: (origin) => `${origin}/services/${SERVICE}`,
  },
  {
    name: 'XHR GET to a path outside the journey (a GET that logs out)',
    attempt: inPage(
      (origin) =>
        new Promise((resolve) => {
          const xhr = new XMLHttpRequest();
          xhr.open('GET', `${origin}/logout`);
          xhr.onloadend = () => resolve(xhr.status);
          xhr.send();
        }),
    ),
    method: 'GET',
    url: (origin) => `${origin}/logout`,
    kind: { chromium: 'xhr', firefox: 'xhr' },
  },
  {
    name: 'a GET to another origin',
    attempt: inPage(() =>
      fetch('https://elsewhere.example/collect?id=1', { mode: 'no-cors' }).catch(() => 'bloquée'),
    ),
    method: 'GET',
    url: () => 'https://elsewhere.example/collect',
  },
  {
    name: 'a WebSocket to the portal',
    attempt: inPage(
      (origin) =>
        new Promise((resolve) => {
          const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/socket`);
          socket.onopen = () => resolve('ouverte');
          socket.onclose = (event) => resolve(event.code);
        }),
    ),
    method: 'GET',
    url: (origin) => `${origin.replace(/^http/, 'ws')}/socket`,
    kind: { chromium: 'websocket', firefox: 'websocket' },
  },
  {
    name: 'a beacon (navigator.sendBeacon)',
    attempt: inPage(async (origin) => navigator.sendBeacon(`${origin}/beacon`, 'quantity=0')),
    method: 'POST',
    url: (origin) => `${origin}/beacon`,
    kind: { chromium: 'beacon' },
  },
  {
    name: 'a service worker registration',
    attempt: inPage(() =>
      navigator.serviceWorker.register('/sw.js').then(
        () => 'enregistré',
        () => 'refusé',
      ),
    ),
    method: 'GET',
    url: (origin) => `${origin}/sw.js`,
    kind: { chromium: 'serviceworker', firefox: 'serviceworker' },
  },
];

test('@regression live mode on the mock: the read-only check passes, and every kind of write is aborted and reported', async ({
  browserName,
}) => {
  const name = browserName === 'firefox' ? 'firefox' : 'chromium';
  const portal = createPortal();
  const received: string[] = [];
  portal.use(
    // A page the journey reads that redirects to one it must not (GET /logout ends the session).
    http.get(onPath('/services'), ({ request }) =>
      new URL(request.url).searchParams.get('rebond') === 'logout'
        ? new HttpResponse(null, { status: 302, headers: { Location: '/logout' } })
        : undefined,
    ),
    http.all(
      () => true,
      ({ request }) => {
        received.push(`${request.method} ${new URL(request.url).pathname}`);
        // No answer: the portal's own handlers reply.
      },
    ),
  );
  const browser = await launchExtensionBrowser(name, true, { live: true });
  const server = name === 'firefox' ? await startPortalServer({ port: 0, portal }) : null;
  try {
    const context = await browser.acquireContext();
    const origin = server?.origin ?? LIVE_LIKE_ORIGIN;
    if (!server) await routeContextThroughPortal(context, portal, { origins: [LIVE_LIKE_ORIGIN] });
    const guard = await installWriteGuard(context, { origin }); // last, so it sees every request first
    const page = await context.newPage();
    const target = { url: `${origin}/`, ...DEMO_CREDENTIALS, serviceRef: SERVICE };

    const report = await runLiveReadOnlyCheck(page, target, guard);
    expect(report.licences).toHaveLength(8);
    expect(report.licences).toContainEqual({ label: 'Licence full', state: 'terminable' });
    expect(report.dialogChecked).toBe('Licence full');
    expect(guard.blocked, 'the read-only check itself needs nothing the guard refuses').toEqual([]);
    expect(guard.unguarded, 'and no redirect led it anywhere the guard refuses').toEqual([]);
    expect(
      received.filter((line) => !line.startsWith('GET ')),
      'only the login POST reached the portal',
    ).toEqual(['POST /login']);

    await test.step('a confirmed termination (the dialog form POST) is aborted and reported', async () => {
      const service = new ServicePage(page);
      const dialog = await service.openTermination('Licence full');
      await dialog.confirm.click();
      await expect(dialog.error).toContainText('interrompue');
      await expect.poll(() => guard.blocked.length).toBe(1);
      expect(guard.blocked[0]).toMatchObject({
        method: 'POST',
        url: expect.stringMatching(/\/resiliation$/),
      });
      await dialog.cancel.click();
    });

    for (const write of ATTEMPTS) {
      await test.step(`${write.name}: aborted and reported`, async () => {
        const before = received.length;
        await write.attempt(page, origin);
        const expected = { method: write.method, url: write.url(origin) };
        await expect
          .poll(() =>
            guard.blocked.filter((entry) => entry.url === expected.url && entry.method === expected.method),
          )
          .toHaveLength(1);
        const entry = guard.blocked.find((item) => item.url === expected.url)!;
        expect(entry.reason).not.toBe('');
        const kind = write.kind?.[name];
        if (kind) expect(entry.resourceType).toBe(kind);
        expect(received.slice(before), 'nothing of it reached the portal').toEqual([]);
      });
    }

    await test.step('the page still reads the portal: nothing was written, the session is alive', async () => {
      await expect(new ServicePage(page).licenceCount('Licence full')).toHaveText('1 / 2');
      expect(portal.store.counts.history).toBe(0);
    });

    // Playwright routes only the first request of a redirect chain: the next hop cannot be aborted by
    // a route, so the guard judges it when it starts and lists it in `unguarded`, which fails a live run.
    // Chromium here never sees a real 3xx for a page (the mock's route turns it into a page that moves
    // on, a new request the route aborts); Firefox, on the real server, follows the 302 itself.
    await test.step('a redirect from a page the journey reads to a refused one: aborted, or reported as unguarded', async () => {
      const before = received.length;
      await page.goto(`${origin}/services?rebond=logout`).catch(() => {});
      const logout = (entries: readonly BlockedRequest[]) =>
        entries.filter((entry) => entry.url === `${origin}/logout` && entry.resourceType === 'document');
      if (name === 'chromium') {
        await expect.poll(() => logout(guard.blocked)).toHaveLength(1);
        expect(received.slice(before)).not.toContain('GET /logout');
      } else {
        await expect.poll(() => logout(guard.unguarded)).toHaveLength(1);
        expect(guard.unguarded[0]).toMatchObject({
          method: 'GET',
          reason: expect.stringContaining('hors du parcours'),
        });
      }
    });

    // The login allowance was single-use: a later form POST to the login form's own URL is stopped too
    // (Chromium then shows its "blocked" error page, so this comes last).
    await test.step('a form POST, even to the login URL once logged in, is aborted and reported', async () => {
      const before = received.length;
      await page.evaluate((action) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = action;
        document.body.append(form);
        form.submit();
      }, `${origin}/login`);
      await expect
        .poll(() => guard.blocked.filter((entry) => entry.url === `${origin}/login`))
        .toEqual([
          expect.objectContaining({
            method: 'POST',
            resourceType: 'document',
            reason: expect.stringContaining('POST'),
          }),
        ]);
      expect(received.slice(before)).toEqual([]);
      expect(portal.store.counts.history).toBe(0);
    });

    expect(
      redact(`login ${DEMO_CREDENTIALS.login} / ${DEMO_CREDENTIALS.password}`, [
        DEMO_CREDENTIALS.password,
        DEMO_CREDENTIALS.login,
      ]),
    ).toBe('login *** / ***');
    await guard.remove();
    await browser.releaseContext(context);
  } finally {
    await browser.close();
    await server?.close();
  }
});
