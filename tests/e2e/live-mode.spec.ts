/**
 * Live mode rehearsed on the mocked portal, in the normal e2e run: the same launch (live settings:
 * service workers blocked, no Firefox system access), the same read-only check
 * (tests/e2e/live/read-only-journey.ts) and the same deny-by-default write guard as `npm run test:live`.
 * The mock is served by a real local server in both browsers: the guard sends the requests it allows
 * itself (to judge redirects before anything follows them), so they must reach a server, not a route.
 *
 * Every request the portal receives is recorded by a pass-through handler: a write the guard reports
 * must also be absent there, which proves it was aborted in the browser and not merely noticed.
 */
import { expect, type Page, test } from '@playwright/test';
import { HttpResponse, http } from 'msw';
import { onPath } from '../../mocks/handlers/match';
import { createPortal, DEMO_CREDENTIALS } from '../../mocks/portal';
import { startPortalServer } from '../../mocks/server/http-server';
import { runLiveReadOnlyCheck } from './live/read-only-journey';
import type { RequestKind } from './live/request-policy';
import { installWriteGuard, pastGuardRedirects, redact } from './live/write-guard';
import { ServicePage } from './pages/portal';
import { launchExtensionBrowser } from './support/extension-browser';

const SERVICE = 'MC-000123';

/**
 * A refused hop leaves the tab on the browser's error page, a navigation that may still be under way
 * when the guard has already reported the refusal: a `goto` made then can be interrupted by it, and is
 * simply made again.
 */
async function gotoAfterRefusal(page: Page, url: string): Promise<void> {
  await expect(async () => {
    await page.goto(url);
  }).toPass({ timeout: 15_000 });
}

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

/** Submits a form built in the page (a plain urlencoded POST, as a login form sends). */
function postForm(page: Page, action: string, fields: Record<string, string>): Promise<void> {
  return page.evaluate(
    ({ action, fields }) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = action;
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement('input');
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    },
    { action, fields },
  );
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
  /** Cookie headers the service page was requested with (to see a redirect's Set-Cookie applied). */
  const serviceCookies: string[] = [];
  portal.use(
    http.all(
      () => true,
      ({ request }) => {
        const path = new URL(request.url).pathname;
        received.push(`${request.method} ${path}`);
        if (path === `/services/${SERVICE}`) serviceCookies.push(request.headers.get('cookie') ?? '');
        // No answer: the portal's own handlers reply.
      },
    ),
    // Pages the journey reads that redirect: to one it must not read (GET /logout ends the session),
    // through a chain of allowed hops first, or to an allowed page with a cookie.
    http.get(onPath('/services'), ({ request }) => {
      const rebond = new URL(request.url).searchParams.get('rebond');
      if (rebond === 'logout')
        return new HttpResponse(null, { status: 302, headers: { Location: '/logout' } });
      if (rebond === 'chaine')
        return new HttpResponse(null, { status: 302, headers: { Location: '/services?rebond=logout' } });
      if (rebond === 'service')
        return new HttpResponse(null, {
          status: 302,
          headers: {
            Location: `/services/${SERVICE}?tab=details`,
            'Set-Cookie': 'mla-rebond=1; Path=/; HttpOnly',
          },
        });
      return undefined;
    }),
  );
  /** Requests the portal received since `before`, without reads of static files (a late font, an icon). */
  const receivedSince = (before: number) =>
    received.slice(before).filter((line) => !/^GET \S+\.(css|js|woff2?|ttf|png|svg|gif|ico)$/.test(line));
  const browser = await launchExtensionBrowser(name, true, { live: true });
  const server = await startPortalServer({ port: 0, portal });
  try {
    const context = await browser.acquireContext();
    const origin = server.origin;
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
        expect(receivedSince(before), 'nothing of it reached the portal').toEqual([]);
      });
    }

    await test.step('the page still reads the portal: nothing was written, the session is alive', async () => {
      await expect(new ServicePage(page).licenceCount('Licence full')).toHaveText('1 / 2');
      expect(portal.store.counts.history).toBe(0);
    });

    // Playwright routes only the first request of a redirect chain, and the browsers follow a 3xx without
    // routing the next hop: the guard sends allowed requests itself and judges each redirect first.
    /** What reached the portal since `before`, of the redirecting page and its refused target. */
    const hopsSince = (before: number) =>
      received.slice(before).filter((line) => line === 'GET /services' || line === 'GET /logout');
    const logoutBlocked = (kind: RequestKind) =>
      guard.blocked.filter((entry) => entry.url === `${origin}/logout` && entry.resourceType === kind);
    await test.step('an allowed redirect is followed, through the guard, with its cookie', async () => {
      const before = received.length;
      const blockedBefore = guard.blocked.length;
      await page.goto(`${origin}/services?rebond=service`);
      await pastGuardRedirects(page);
      await expect(page).toHaveURL(`${origin}/services/${SERVICE}?tab=details`);
      await expect(new ServicePage(page).licenceCount('Licence full')).toHaveText('1 / 2');
      expect(receivedSince(before)).toEqual(
        expect.arrayContaining(['GET /services', `GET /services/${SERVICE}`]),
      );
      expect(serviceCookies.at(-1), 'the Set-Cookie of the 3xx applies to the next hop').toContain(
        'mla-rebond=1',
      );
      expect(guard.blocked.slice(blockedBefore), 'nothing of it was refused').toEqual([]);
    });

    await test.step('a page redirecting to a refused one: the refused hop is aborted before it leaves', async () => {
      const before = received.length;
      await page.goto(`${origin}/services?rebond=logout`).catch(() => {});
      await expect.poll(() => logoutBlocked('document')).toHaveLength(1);
      expect(logoutBlocked('document')[0]).toMatchObject({
        method: 'GET',
        reason: expect.stringMatching(/^redirection refusée : .*hors du parcours/),
      });
      expect(hopsSince(before), 'the first hop reached the portal, the refused one never').toEqual([
        'GET /services',
      ]);
    });

    await test.step('a chain of allowed hops ending on a refused one: aborted at that hop', async () => {
      await gotoAfterRefusal(page, `${origin}/services/${SERVICE}`);
      const before = received.length;
      await page.goto(`${origin}/services?rebond=chaine`).catch(() => {});
      await expect.poll(() => logoutBlocked('document')).toHaveLength(2);
      expect(hopsSince(before)).toEqual(['GET /services', 'GET /services']);
    });

    await test.step('a fetch redirected to a refused page: aborted before the hop leaves', async () => {
      await gotoAfterRefusal(page, `${origin}/services/${SERVICE}`);
      const before = received.length;
      const outcome = await page.evaluate(
        (address) =>
          fetch(address).then(
            (r) => r.status,
            () => 'bloquée',
          ),
        `${origin}/services?rebond=logout`,
      );
      expect(outcome).toBe('bloquée');
      await expect.poll(() => logoutBlocked('fetch')).toHaveLength(1);
      expect(hopsSince(before)).toEqual(['GET /services']);
    });

    await test.step('the session is still open: no redirect ever reached /logout', async () => {
      expect(received).not.toContain('GET /logout');
      await page.goto(`${origin}/services/${SERVICE}?tab=details`);
      await expect(new ServicePage(page).licenceCount('Licence full')).toHaveText('1 / 2');
      expect(guard.unguarded).toEqual([]);
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
      expect(receivedSince(before)).toEqual([]);
      expect(portal.store.counts.history).toBe(0);
    });

    await test.step('the login POST redirected to a refused page: aborted before the hop leaves, in both browsers', async () => {
      const login = await context.newPage();
      await login.goto(`${origin}/login`);
      const loginUrl = `${origin}/login?next=${encodeURIComponent('/logout')}`;
      const body = new URLSearchParams({ ...DEMO_CREDENTIALS, next: '/logout' }).toString();
      const before = received.length;
      const blockedBefore = logoutBlocked('document').length;
      // The form's body, as the journey gives it (Firefox's routes do not see it; Chromium's do).
      guard.allowNextLoginPost(loginUrl, { body });
      await postForm(login, loginUrl, { ...DEMO_CREDENTIALS, next: '/logout' });
      await expect.poll(() => logoutBlocked('document')).toHaveLength(blockedBefore + 1);
      expect(receivedSince(before)).toEqual(['POST /login']);
      expect(guard.unguarded).toEqual([]);
      guard.disarmLogin();
      await login.close();
    });

    // The one request the guard cannot send itself: a POST whose body neither the route has nor the
    // journey gave. Chromium gives the route the login form's body, so the guard sends it and judges its
    // redirect; Firefox's BiDi does not, so the browser sends it and follows the redirect: the refused hop
    // is only reported. This step ends the session in Firefox: it comes last.
    await test.step('a login POST without its body redirected to a refused page: aborted (Chromium), reported as unguarded (Firefox)', async () => {
      const login = await context.newPage();
      await login.goto(`${origin}/login`);
      const loginUrl = `${origin}/login?next=${encodeURIComponent('/logout')}`;
      const before = received.length;
      guard.allowNextLoginPost(loginUrl);
      await postForm(login, loginUrl, { ...DEMO_CREDENTIALS, next: '/logout' });
      if (name === 'chromium') {
        await expect.poll(() => logoutBlocked('document')).toHaveLength(4);
        expect(receivedSince(before)).toEqual(['POST /login']);
        expect(guard.unguarded).toEqual([]);
      } else {
        await expect
          .poll(() => guard.unguarded)
          .toEqual([
            expect.objectContaining({
              method: 'GET',
              url: `${origin}/logout`,
              reason: expect.stringContaining('hors du parcours'),
            }),
          ]);
        expect(receivedSince(before).slice(0, 2)).toEqual(['POST /login', 'GET /logout']);
      }
      guard.disarmLogin();
      await login.close();
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
    await server.close();
  }
});
