// @vitest-environment node
import type { BrowserContext, Route } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { createPortal, type Portal } from '../../../mocks/portal';
import { routeContextThroughPortal } from '../../../mocks/server/playwright-route';

const ORIGIN = 'https://demo.extranet.myopenip.fr';

interface Fulfilled {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Just enough of Playwright's BrowserContext / Route to drive the adapter without a browser. */
function fakeContext() {
  let matcher: ((url: URL) => boolean) | null = null;
  let handler: ((route: Route) => Promise<void>) | null = null;
  const context = {
    route: async (url: (url: URL) => boolean, routeHandler: (route: Route) => Promise<void>) => {
      matcher = url;
      handler = routeHandler;
    },
    unroute: async () => {
      matcher = null;
      handler = null;
    },
  } as unknown as BrowserContext;

  async function send(
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string; navigation?: boolean } = {},
  ): Promise<{ routed: boolean; fulfilled?: Fulfilled; aborted?: string }> {
    const outcome: { fulfilled?: Fulfilled; aborted?: string } = {};
    const route = {
      request: () => ({
        url: () => url,
        method: () => init.method ?? 'GET',
        allHeaders: async () => init.headers ?? {},
        postDataBuffer: () => (init.body === undefined ? null : Buffer.from(init.body)),
        isNavigationRequest: () => init.navigation ?? false,
      }),
      fulfill: async (options: Fulfilled) => {
        outcome.fulfilled = options;
      },
      abort: async (code: string) => {
        outcome.aborted = code;
      },
    } as unknown as Route;
    if (!matcher || !handler || !matcher(new URL(url))) return { routed: false };
    await handler(route);
    return { routed: true, ...outcome };
  }
  return { context, send };
}

async function setup(portal: Portal = createPortal()) {
  const fake = fakeContext();
  const unroute = await routeContextThroughPortal(fake.context, portal, { origins: [`${ORIGIN}/`] });
  return { portal, unroute, ...fake };
}

async function loginCookie(send: ReturnType<typeof fakeContext>['send']) {
  const answer = await send(`${ORIGIN}/login`, {
    method: 'POST',
    navigation: true,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'login=E-0000012345&password=demo1234&next=%2Fservices',
  });
  return { answer, cookie: answer.fulfilled?.headers?.['set-cookie']?.split(';')[0] ?? '' };
}

describe('routeContextThroughPortal', () => {
  it('routes only the given origins', async () => {
    const { send } = await setup();
    expect((await send(`${ORIGIN}/login`)).routed).toBe(true);
    expect((await send('https://other.example/login')).routed).toBe(false);
  });

  it('turns a navigation redirect into a routed page that replaces the location, keeping its cookie', async () => {
    const { send } = await setup();
    const { answer, cookie } = await loginCookie(send);
    expect(answer.fulfilled?.status).toBe(200);
    expect(String(answer.fulfilled?.body)).toContain(`location.replace("${ORIGIN}/services")`);
    expect(answer.fulfilled?.headers?.location).toBeUndefined();
    expect(cookie).toMatch(/^myopenip_session=/);
    const page = await send(`${ORIGIN}/services`, { navigation: true, headers: { cookie } });
    expect(page.fulfilled?.status).toBe(200);
    expect(String(page.fulfilled?.body)).toContain('Standard Siège');
  });

  it('follows a redirect itself for a non-navigation request', async () => {
    const { send } = await setup();
    const answer = await send(`${ORIGIN}/services`);
    expect(answer.fulfilled?.status).toBe(200);
    expect(String(answer.fulfilled?.body)).toContain('id="login"');
  });

  it('aborts with connectionreset on a dropped connection, and nothing changes', async () => {
    const { send, portal } = await setup();
    const { cookie } = await loginCookie(send);
    portal.setFaults({ dropConnection: true });
    const answer = await send(`${ORIGIN}/services/MC-000123/licences/licence-full/resiliation`, {
      method: 'POST',
      headers: {
        cookie,
        'x-requested-with': 'XMLHttpRequest',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'quantity=1',
    });
    expect(answer.aborted).toBe('connectionreset');
    expect(portal.store.licenceCount('MC-000123', 'licence-full')?.subscribed).toBe(2);
  });

  it('answers 404 for a path the portal does not know, and stops routing after unroute', async () => {
    const { send, unroute } = await setup();
    expect((await send(`${ORIGIN}/nulle-part`)).fulfilled?.status).toBe(404);
    await unroute();
    expect((await send(`${ORIGIN}/login`)).routed).toBe(false);
  });
});
