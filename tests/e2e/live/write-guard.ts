import type { BrowserContext, ConsoleMessage, Request, Route, WebSocketRoute } from '@playwright/test';
import {
  createLiveGate,
  decideLiveRequest,
  JOURNEY_READ_PATHS,
  kindOf,
  type LiveRequest,
  pathPattern,
  type RequestKind,
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
   */
  allowNextLoginPost(loginUrl: string): void;
  /** Withdraws an allowance that was not used (the journey calls it once the login step is over). */
  disarmLogin(): void;
  /** Everything stopped so far. */
  readonly blocked: readonly BlockedRequest[];
  /**
   * Requests the policy refuses but no route could stop: a redirect's next hop (Playwright routes only
   * the first request of a redirect chain). Live runs must end with none; the journey fails otherwise.
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
 * Install it LAST: Playwright runs the most recently added route first, so it sees requests before any
 * other route (such as the mocked portal's) and hands the allowed ones on with `fallback()`.
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

  const onRequest = async (route: Route) => {
    const request = route.request();
    const live: LiveRequest = {
      method: request.method(),
      url: request.url(),
      kind: kindOf(request.resourceType()),
    };
    const decision = gate.decide(live);
    if (decision.allow) return route.fallback();
    refuse(live, decision.reason);
    return route.abort('blockedbyclient');
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
    allowNextLoginPost: (loginUrl) => gate.armLogin(loginUrl),
    disarmLogin: () => gate.disarmLogin(),
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
