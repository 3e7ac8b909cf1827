import { HttpResponse } from 'msw';
import { SESSION_COOKIE, type Sessions } from '../auth';
import type { PortalStore } from '../data/store';
import type { Faults } from '../faults';
import type { SafeHtml } from '../html/html';
import { encodeWindows1252 } from '../html/windows-1252';
import { layout } from '../pages/layout';
import type { VariantName } from '../variants';

/** What every handler of one Portal shares. */
export interface PortalContext {
  store: PortalStore;
  sessions: Sessions;
  faults: Faults;
  /** Opt-in markup variants switched on (`mocks/variants.ts`); empty: the faithful portal. */
  variants: Set<VariantName>;
}

export const DEMO_PANEL_COOKIE = 'mock_demo_panel';
/** The session id as a header, for callers that cannot send cookies (see `currentUser`). */
export const SESSION_HEADER = 'x-mock-session';

export function wait(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export function isXhr(request: Request): boolean {
  return request.headers.get('x-requested-with')?.toLowerCase() === 'xmlhttprequest';
}

/**
 * The signed-in user, or null. The `sessionExpired` fault is one-shot: the first protected request
 * after it is switched on ends every session, then it turns itself off.
 */
export function currentUser(
  ctx: PortalContext,
  request: Request,
  cookies: Record<string, string>,
): string | null {
  if (ctx.faults.sessionExpired) {
    ctx.sessions.clear();
    ctx.faults.sessionExpired = false;
    return null;
  }
  // The header is for test environments that drop the Cookie header (happy-dom's Request does).
  return ctx.sessions.userOf(cookies[SESSION_COOKIE] ?? request.headers.get(SESSION_HEADER) ?? undefined);
}

export const SESSION_MESSAGE =
  'Votre session a expiré ou vous n’êtes pas connecté. Veuillez vous reconnecter.';

/** Back to where the user was after login: the page itself, or for a form POST the page it came from. */
function nextAfterLogin(request: Request): string {
  const url = new URL(request.url);
  if (request.method === 'GET') return `${url.pathname}${url.search}`;
  const referer = request.headers.get('referer');
  if (!referer) return '/';
  try {
    const from = new URL(referer);
    return from.origin === url.origin ? `${from.pathname}${from.search}` : '/';
  } catch {
    return '/';
  }
}

export function loginRedirect(request: Request, cookies: Record<string, string> = {}): Response {
  const headers = new Headers({ Location: `/login?next=${encodeURIComponent(nextAfterLogin(request))}` });
  // `?demoPanel=0` must hold on the login page too (screenshots of a fresh session).
  const demo = demoPanelChoice(request, cookies);
  if (demo.setCookie) headers.append('Set-Cookie', demo.setCookie);
  return new HttpResponse(null, { status: 302, headers });
}

export function xhrError(status: number, message: string): Response {
  return HttpResponse.json({ ok: false, message }, { status });
}

/** Whether to draw the demo panel; `?demoPanel=0|1` also answers the cookie to remember it. */
export function demoPanelChoice(
  request: Request,
  cookies: Record<string, string>,
): { show: boolean; setCookie?: string } {
  const asked = new URL(request.url).searchParams.get('demoPanel');
  if (asked === '0') return { show: false, setCookie: `${DEMO_PANEL_COOKIE}=0; Path=/; SameSite=Lax` };
  if (asked === '1')
    return { show: true, setCookie: `${DEMO_PANEL_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax` };
  return { show: cookies[DEMO_PANEL_COOKIE] !== '0' };
}

export function page(
  ctx: PortalContext,
  request: Request,
  cookies: Record<string, string>,
  options: { title: string; user: string | null; status?: number; setCookie?: string },
  body: SafeHtml,
): Response {
  const demo = demoPanelChoice(request, cookies);
  const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  if (options.setCookie) headers.append('Set-Cookie', options.setCookie);
  else if (demo.setCookie) headers.append('Set-Cookie', demo.setCookie);
  const markup = layout(
    {
      title: options.title,
      user: options.user,
      demo: demo.show ? { scenario: ctx.store.scenario, faults: ctx.faults } : null,
    },
    body,
  );
  return new HttpResponse(markup.value, { status: options.status ?? 200, headers });
}

export function fragment(body: SafeHtml, status = 200): Response {
  return new HttpResponse(body.value, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

export interface GuardedInfo {
  request: Request;
  params: Record<string, string>;
  cookies: Record<string, string>;
  user: string;
}

/**
 * Latency first, then the session check, then the resolver: mutations run synchronously after every
 * await, so racing requests are serialised. Pages redirect to login (with `next`); XHR endpoints
 * answer 401 with a French JSON message instead, so scripts can tell.
 */
export function guarded(
  ctx: PortalContext,
  kind: 'page' | 'xhr',
  resolve: (info: GuardedInfo) => Response | Promise<Response>,
) {
  return async (info: {
    request: Request;
    params: Record<string, unknown>;
    cookies: Record<string, string>;
  }) => {
    await wait(ctx.faults.latencyMs);
    if (ctx.faults.throttleRequests > 0) {
      ctx.faults.throttleRequests -= 1;
      return new HttpResponse('Trop de requêtes, réessayez dans un instant.', {
        status: 429,
        headers: { 'Retry-After': '1', 'Content-Type': 'text/plain; charset=utf-8' },
      });
    }
    const user = currentUser(ctx, info.request, info.cookies);
    if (!user) {
      const wantsJson = kind === 'xhr' || isXhr(info.request);
      return wantsJson ? xhrError(401, SESSION_MESSAGE) : loginRedirect(info.request, info.cookies);
    }
    const params = Object.fromEntries(
      Object.entries(info.params).map(([key, value]) => [key, String(value)]),
    );
    if (ctx.faults.serviceDrop && params.ref === ctx.faults.serviceDrop) return HttpResponse.error();
    if (ctx.faults.serviceError && params.ref === ctx.faults.serviceError) {
      return kind === 'xhr'
        ? xhrError(500, 'Erreur interne du portail.')
        : new HttpResponse('Erreur interne du portail.', {
            status: 500,
            headers: { 'Content-Type': 'text/plain; charset=utf-8' },
          });
    }
    const answer = await resolve({ request: info.request, params, cookies: info.cookies, user });
    if (ctx.faults.serviceWindows1252 && params.ref === ctx.faults.serviceWindows1252)
      return inWindows1252(answer);
    return answer;
  };
}

/**
 * Fault `serviceWindows1252`: a page says so only in its `<meta charset>` (its header gives no charset:
 * the browser finds the `<meta>`), a pane in its `Content-Type` (a fragment has no `<head>`).
 */
async function inWindows1252(answer: Response): Promise<Response> {
  if (!/^text\/html\b/i.test(answer.headers.get('content-type') ?? '')) return answer;
  const text = await answer.text();
  const isDocument = /<meta charset="utf-8">/i.test(text);
  const headers = new Headers(answer.headers);
  headers.set('Content-Type', isDocument ? 'text/html' : 'text/html; charset=windows-1252');
  const body = text.replace(/<meta charset="utf-8">/i, '<meta charset="windows-1252">');
  return new HttpResponse(encodeWindows1252(body), { status: answer.status, headers });
}
