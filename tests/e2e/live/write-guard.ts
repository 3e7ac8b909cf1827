import {
  type APIResponse,
  type BrowserContext,
  type ConsoleMessage,
  expect,
  type Page,
  type Request,
  type Route,
  type WebSocketRoute,
} from '@playwright/test';
import {
  createLiveGate,
  decideLiveRequest,
  JOURNEY_READ_PATHS,
  kindOf,
  type LiveRequest,
  pathPattern,
  type RequestKind,
  redirectHop,
} from './request-policy';

/** A request the guard stopped before it left the browser. */
export interface BlockedRequest {
  method: string;
  /** Origin and path only: query strings may carry identifiers. */
  url: string;
  /** The request's kind (request-policy.ts): document, xhr, fetch, websocket, beacon, serviceworker… */
  resourceType: RequestKind;
  /** Why it was refused, in French (for the live report). */
  reason: string;
}

/** A login form's body as the browser would send it (`application/x-www-form-urlencoded`). */
export interface LoginFormBody {
  body: string;
}

export interface WriteGuardOptions {
  /** The portal's origin: the only one whose pages may be read. */
  origin: string;
  /** Paths the journey reads; the journey's own (request-policy.ts) by default. */
  readPaths?: readonly RegExp[];
}

export interface WriteGuard {
  /**
   * Lets exactly one POST through to `loginUrl` (the login form's own URL, query included), submitted
   * right after this call, as a page or by the page's script. The first such POST disarms it.
   * `form`: the form's own urlencoded body, for a driver that does not give it to routes (Firefox's
   * BiDi): the guard then sends that POST itself and judges its redirect; without it, the browser
   * sends it and the hop after its redirect can only be reported (`unguarded`).
   */
  allowNextLoginPost(loginUrl: string, form?: LoginFormBody): void;
  /** Withdraws an allowance that was not used (the journey calls it once the login step is over). */
  disarmLogin(): void;
  /** Everything stopped so far. */
  readonly blocked: readonly BlockedRequest[];
  /**
   * Requests the policy refuses but no route could stop: the next hop of a redirect answered to a request
   * the browser sent itself (a login POST whose body the driver does not give the route, Firefox's
   * BiDi). Every other redirect is judged before its next hop leaves (see `installWriteGuard`).
   * Live runs must end with none; the journey fails otherwise.
   */
  readonly unguarded: readonly BlockedRequest[];
  remove(): Promise<void>;
}

/** Prefix of the page-side hooks' reports on the console (see PAGE_HOOKS). */
const REPORT_PREFIX = '[mla-live-guard] ';

/**
 * Page-side hooks, installed in every frame before the page's own scripts: service worker
 * registrations are refused and reported (a worker's own fetches would bypass the context's routes
 * in Firefox), beacons are reported before they reach the network layer, which aborts them anyway.
 * Reports go through the console: a page can only add false reports that way, never remove one.
 */
const PAGE_HOOKS = `(() => {
  const report = (kind, method, url) => {
    try { console.warn(${JSON.stringify(REPORT_PREFIX)} + JSON.stringify({ kind, method, url: String(new URL(String(url), location.href)) })); } catch {}
  };
  if (self.ServiceWorkerContainer) {
    ServiceWorkerContainer.prototype.register = function (url) {
      report('serviceworker', 'GET', url);
      return Promise.reject(new DOMException('Service worker refusé en mode réel.', 'SecurityError'));
    };
  }
})();`;

/** A redirect chain longer than this is refused (browsers stop at 20; a read needs one or two). */
const MAX_REDIRECT_HOPS = 5;

/** Marks the page the guard answers instead of a navigation's 3xx (see `movingOnPage`). */
const MOVING_ON = 'mla-live-guard-redirect';

/**
 * What a navigation gets instead of an allowed 3xx: a page that moves on to the next address by itself
 * (`location.replace`: no history entry, the page's own headers such as its CSP do not apply). That move is a NEW request, which goes
 * through the guard's route like any other: the browser never follows a 3xx on its own (neither
 * Chromium nor Firefox routes the hop that follows a fulfilled or continued 3xx: Playwright continues
 * it by itself). The address was judged allowed already; `<` is escaped so it cannot close the script.
 */
function movingOnPage(url: string): string {
  const script = JSON.stringify(url).replace(/</g, '\\u003c');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="${MOVING_ON}" content="1"><title>…</title></head><body><script>location.replace(${script});</script></body></html>`;
}

/**
 * Waits until the page is no longer the guard's moving-on page (after a `goto` or a form whose answer
 * was a redirect): `goto` resolves on that page's load, before the next address has loaded.
 */
export async function pastGuardRedirects(page: Page): Promise<void> {
  await expect(page.locator(`meta[name="${MOVING_ON}"]`)).toHaveCount(0);
}

/** Headers for a later hop sent by the guard: those of a request with no body. */
function hopHeaders(headers: Record<string, string>): Record<string, string> {
  const kept = { ...headers };
  for (const name of ['content-type', 'content-length', 'origin']) delete kept[name];
  return kept;
}

function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(adresse illisible)';
  }
}

/**
 * Live mode's safety net, deny by default (request-policy.ts): every request of the context is
 * decided before it leaves the browser; what is not allowed is aborted and recorded with its reason.
 *
 * Allowed requests are sent BY THE GUARD (`route.fetch({ maxRedirects: 0 })`, the context's cookies
 * and its cookie jar), so that a redirect is seen before anything follows it: its next hop is judged by
 * the same policy and aborted when refused (it never reaches any server). An allowed hop of a
 * navigation is answered with a page that moves on (a new request, routed again); an allowed hop of a
 * fetch/XHR is sent by the guard too, hop by hop (the page then sees the final answer under the first
 * address). The login POST is sent by the guard too: with the body the route has (Chromium), or in
 * Firefox, whose BiDi routes have no body, with the form's body the journey gave when it armed the
 * allowance. A POST with neither is left to the browser (`fallback()`); the hop after its redirect is
 * judged when it starts and reported in `unguarded`.
 * Install it LAST: Playwright runs the most recently added route first, so it sees requests before any
 * other route. Allowed requests go to the network, not to other routes: serve a rehearsal portal from a
 * real server (`startPortalServer`), not from a route.
 * Service workers are also blocked at launch (`serviceWorkers: 'block'`, support/extension-browser.ts);
 * the page hook here is the same block where a context was made without it, plus the report.
 */
export async function installWriteGuard(
  context: BrowserContext,
  options: WriteGuardOptions,
): Promise<WriteGuard> {
  const blocked: BlockedRequest[] = [];
  const unguarded: BlockedRequest[] = [];
  const readPaths = options.readPaths ?? JOURNEY_READ_PATHS.map(pathPattern);
  const gate = createLiveGate(options.origin, readPaths);
  /** The armed login form's body, when the journey gave it (used once, with the allowance). */
  let armedForm: LoginFormBody | null = null;
  const refuse = (request: LiveRequest, reason: string) =>
    blocked.push({
      method: request.method,
      url: withoutQuery(request.url),
      resourceType: request.kind,
      reason,
    });
  /** For requests already stopped elsewhere (sockets, page hooks): recorded with the policy's reason. */
  const record = (request: LiveRequest) => {
    const decision = gate.decide(request);
    refuse(request, decision.allow ? 'refusé en mode réel' : decision.reason);
  };

  // A redirect's next hop never reaches the route: judged here, after the fact, by the same policy
  // (with no login allowance: a redirect is never the login form's own POST).
  const onAnyRequest = (request: Request) => {
    if (!request.redirectedFrom()) return;
    const live: LiveRequest = {
      method: request.method(),
      url: request.url(),
      kind: kindOf(request.resourceType()),
    };
    const decision = decideLiveRequest(live, { origin: options.origin, readPaths, armedLoginUrl: null });
    if (decision.allow) return;
    unguarded.push({
      method: live.method,
      url: withoutQuery(live.url),
      resourceType: live.kind,
      reason: decision.reason,
    });
  };

  /** Sends an allowed request itself and judges every redirect before anything follows it. */
  const sendJudgingRedirects = async (
    route: Route,
    first: LiveRequest,
    form: LoginFormBody | null,
  ): Promise<void> => {
    const request = route.request();
    let current: { url: string; method: string } = first;
    let response: APIResponse = await route.fetch(
      form
        ? {
            maxRedirects: 0,
            postData: form.body,
            headers: {
              ...hopHeaders(request.headers()),
              origin: request.headers().origin ?? new URL(first.url).origin,
              'content-type': 'application/x-www-form-urlencoded',
            },
          }
        : { maxRedirects: 0 },
    );
    for (let hop = 1; ; hop += 1) {
      const next = redirectHop(response.status(), response.headers().location, current);
      if (!next) return route.fulfill({ response });
      const nextRequest: LiveRequest = { ...next, kind: first.kind };
      // A redirect is never the login form's own POST: judged without the login allowance.
      const decision = decideLiveRequest(nextRequest, {
        origin: options.origin,
        readPaths,
        armedLoginUrl: null,
      });
      if (!decision.allow || hop > MAX_REDIRECT_HOPS) {
        refuse(
          nextRequest,
          `redirection refusée : ${decision.allow ? 'trop de redirections' : decision.reason}`,
        );
        await response.dispose();
        return route.abort('blockedbyclient');
      }
      if (request.isNavigationRequest()) {
        // The 3xx's cookies still apply (route.fetch put them in the context's jar; the page gets them too).
        const cookies = response
          .headersArray()
          .filter((header) => header.name.toLowerCase() === 'set-cookie');
        await response.dispose();
        return route.fulfill({
          status: 200,
          headers: {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-store',
            ...(cookies.length > 0 ? { 'set-cookie': cookies.map((header) => header.value).join('\n') } : {}),
          },
          body: movingOnPage(next.url),
        });
      }
      await response.dispose();
      response = await context.request.fetch(next.url, {
        method: next.method,
        headers: hopHeaders(request.headers()),
        maxRedirects: 0,
      });
      current = next;
    }
  };

  const onRequest = async (route: Route) => {
    const request = route.request();
    const live: LiveRequest = {
      method: request.method(),
      url: request.url(),
      kind: kindOf(request.resourceType()),
    };
    const decision = gate.decide(live);
    if (!decision.allow) {
      refuse(live, decision.reason);
      return route.abort('blockedbyclient');
    }
    let form: LoginFormBody | null = null;
    if (decision.because === 'login') {
      form = live.kind === 'document' && request.postDataBuffer() === null ? armedForm : null;
      armedForm = null;
    }
    // A POST whose body the route has not, nor the journey gave: the browser sends it (see `unguarded`).
    if (live.method.toUpperCase() !== 'GET' && request.postDataBuffer() === null && !form)
      return route.fallback();
    try {
      await sendJudgingRedirects(route, live, form);
    } catch (error) {
      // The portal did not answer (or the page went away): the browser sees a failed request.
      console.warn(
        '[mode réel] requête autorisée en échec :',
        withoutQuery(live.url),
        String(error).split('\n')[0],
      );
      await route.abort('failed').catch(() => {});
    }
  };
  // Every WebSocket is refused (request-policy.ts): closed before it connects to any server.
  const onWebSocket = async (socket: WebSocketRoute) => {
    record({ method: 'GET', url: socket.url(), kind: 'websocket' });
    await socket.close({ code: 1008, reason: 'mode réel : lecture seule' });
  };
  const onConsole = (message: ConsoleMessage) => {
    const text = message.text();
    if (!text.startsWith(REPORT_PREFIX)) return;
    try {
      record(JSON.parse(text.slice(REPORT_PREFIX.length)) as LiveRequest);
    } catch {
      // Not one of ours after all.
    }
  };

  await context.addInitScript({ content: PAGE_HOOKS });
  context.on('console', onConsole);
  context.on('request', onAnyRequest);
  await context.routeWebSocket(/.*/, onWebSocket);
  await context.route('**/*', onRequest);
  return {
    allowNextLoginPost(loginUrl, form) {
      gate.armLogin(loginUrl);
      armedForm = form ?? null;
    },
    disarmLogin() {
      gate.disarmLogin();
      armedForm = null;
    },
    get blocked() {
      return blocked;
    },
    get unguarded() {
      return unguarded;
    },
    async remove() {
      context.off('console', onConsole);
      context.off('request', onAnyRequest);
      await context.unroute('**/*', onRequest);
      // Playwright has no unrouteWebSocket: the guard's socket route and page hook live as long as
      // the context, which is what live mode wants.
    },
  };
}

/** Replaces every secret in a text by `***` (for anything printed or attached in live mode). */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret.length > 0)
    .reduce((out, secret) => out.split(secret).join('***'), text);
}
