import type { BrowserContext, Route } from '@playwright/test';
import { getResponse } from 'msw';
import { escapeHtml } from '../html/html';
import type { Portal } from '../portal';
import { BODY_TOO_LARGE_MESSAGE, MAX_BODY_BYTES } from './request-limits';

export interface RouteOptions {
  /** Origins answered by the portal, e.g. `https://demo.extranet.myopenip.fr`; other requests go on untouched. */
  origins: string[];
}

const MAX_REDIRECTS = 5;

/**
 * Chromium does not route the request that follows a fulfilled 3xx: it goes to the network, and a
 * made-up host fails with ERR_NAME_NOT_RESOLVED. So a navigation's redirect becomes a tiny page that
 * replaces the location (its cookies still apply, its URL is then routed again), and an XHR's redirect
 * is followed here.
 */
function redirectPage(location: string): string {
  const target = escapeHtml(location);
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${target}"><title>Redirection…</title></head><body><script>location.replace(${JSON.stringify(location).replace(/</g, '\\u003c')});</script><p><a href="${target}">Redirection…</a></p></body></html>`;
}

async function resolve(
  portal: Portal,
  request: Request,
  followRedirects: boolean,
): Promise<Response | undefined> {
  let current = request;
  for (let hop = 0; ; hop += 1) {
    const response = await getResponse(portal.handlers, current, { quiet: true });
    const location = response?.headers.get('location');
    if (!followRedirects || !response || !location || response.status < 300 || response.status > 399)
      return response;
    if (hop >= MAX_REDIRECTS) return response;
    const headers = new Headers(current.headers);
    headers.delete('content-type');
    current = new Request(new URL(location, current.url), { method: 'GET', headers });
  }
}

async function answer(route: Route, portal: Portal): Promise<void> {
  const pwRequest = route.request();
  const method = pwRequest.method();
  const body = method === 'GET' || method === 'HEAD' ? null : pwRequest.postDataBuffer();
  if (body && body.length > MAX_BODY_BYTES) {
    await route.fulfill({
      status: 413,
      contentType: 'text/plain; charset=utf-8',
      body: BODY_TOO_LARGE_MESSAGE,
    });
    return;
  }
  const request = new Request(pwRequest.url(), {
    method,
    // allHeaders, not headers: the latter leaves out Cookie, and the session lives there.
    headers: await pwRequest.allHeaders(),
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
  });
  const navigation = pwRequest.isNavigationRequest();
  const response = await resolve(portal, request, !navigation);
  if (!response) {
    await route.fulfill({
      status: 404,
      contentType: 'text/plain; charset=utf-8',
      body: 'Page introuvable (portail simulé).',
    });
    return;
  }
  if (response.type === 'error') {
    await route.abort('connectionreset');
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  // Playwright takes several cookies as one header joined by newlines.
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies.join('\n');
  const location = response.headers.get('location');
  if (navigation && location && response.status >= 300 && response.status < 400) {
    delete headers.location;
    headers['content-type'] = 'text/html; charset=utf-8';
    await route.fulfill({ status: 200, headers, body: redirectPage(new URL(location, request.url).href) });
    return;
  }
  await route.fulfill({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) });
}

/**
 * Answers every request of the context to the given origins with the portal's handlers (page loads,
 * XHRs, and an extension's own fetches alike, which an in-page MSW worker never sees). Resolves to a
 * function that removes the route.
 */
export async function routeContextThroughPortal(
  context: BrowserContext,
  portal: Portal,
  options: RouteOptions,
): Promise<() => Promise<void>> {
  const origins = new Set(options.origins.map((origin) => new URL(origin).origin));
  const matcher = (url: URL) => origins.has(url.origin);
  const handler = (route: Route) =>
    answer(route, portal).catch(async (error: unknown) => {
      console.error('[portail simulé]', error);
      await route.fulfill({
        status: 500,
        contentType: 'text/plain; charset=utf-8',
        body: 'Erreur interne du portail simulé.',
      });
    });
  await context.route(matcher, handler);
  return () => context.unroute(matcher, handler);
}
