/**
 * Live mode's deny-by-default decision, kept pure so that every case is a row of a unit test
 * (tests/unit/live/request-policy.test.ts). The write guard (write-guard.ts) feeds it every request the
 * browser context makes and aborts whatever it does not allow.
 *
 * What passes: GETs on the portal's origin of the pages the read-only journey needs (path patterns),
 * GETs of static files on that origin (stylesheets, scripts, images, fonts: reading them changes
 * nothing), and ONE login POST to the login form's own URL while the journey has armed it. Everything
 * else is refused: any other method, any other path, any other origin, WebSockets, beacons and
 * service workers whatever their address.
 */

/** What kind of request it is, as the guard sees it (Playwright's resource types, plus our own hooks). */
export type RequestKind =
  | 'document'
  | 'xhr'
  | 'fetch'
  | 'script'
  | 'stylesheet'
  | 'image'
  | 'font'
  | 'media'
  | 'websocket'
  | 'beacon'
  | 'serviceworker'
  | 'eventsource'
  | 'other';

export interface LiveRequest {
  method: string;
  url: string;
  kind: RequestKind;
}

export interface LivePolicy {
  /** The portal's origin, e.g. `https://demo.extranet.myopenip.fr`. */
  origin: string;
  /** Paths the journey reads (see `pathPattern`); matched on the path alone, any query. */
  readPaths: readonly RegExp[];
  /** The login form's own URL while the single login POST is armed; `null` otherwise. */
  armedLoginUrl: string | null;
}

export type LiveDecision =
  | { allow: true; because: 'page' | 'static-file' | 'login' }
  | { allow: false; reason: string };

/**
 * The pages of the read-only journey on the mocked portal (which follows the card's navigation):
 * home, login form, services list, a service, its Détails fragment, a termination dialog's form.
 * The real portal's may differ: `PORTAL_READ_PATHS` adds patterns (docs/regression-kit.md).
 */
export const JOURNEY_READ_PATHS: readonly string[] = [
  '/',
  '/login',
  '/services',
  '/services/*',
  '/services/*/details',
  '/services/*/licences/*/resiliation',
];

/** Resource kinds that only read a file; still only GET, on the portal's origin, with a file extension. */
const STATIC_KINDS: ReadonlySet<RequestKind> = new Set(['script', 'stylesheet', 'image', 'font', 'media']);
const STATIC_FILE = /\.(css|js|mjs|map|png|jpe?g|gif|svg|webp|avif|ico|woff2?|ttf|otf|eot)$/i;

/** How a login form may be sent: as a page (a classic form) or by the page's script. */
const LOGIN_KINDS: ReadonlySet<RequestKind> = new Set(['document', 'xhr', 'fetch']);

/** Kinds refused whatever their method, origin or path: none is needed to read a page. */
const NEVER: Readonly<Partial<Record<RequestKind, string>>> = {
  websocket: 'WebSocket refusé en mode réel',
  beacon: 'balise (sendBeacon) refusée en mode réel',
  serviceworker: 'service worker refusé en mode réel',
  eventsource: 'flux EventSource refusé en mode réel',
};

/**
 * `/services/*` → a RegExp matching exactly that path, `*` standing for one path segment (no `/`).
 * A trailing slash is tolerated. Anything else in the pattern is literal.
 */
export function pathPattern(pattern: string): RegExp {
  const trimmed = pattern.trim();
  if (!trimmed.startsWith('/'))
    throw new Error(`Mode réel : chemin « ${pattern} » invalide (il doit commencer par /).`);
  const source = trimmed
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${source === '/' ? '/' : `${source.replace(/\/$/, '')}/?`}$`);
}

/** `PORTAL_READ_PATHS="/a,/b/*"` → patterns added to the journey's own. */
export function readPathsFrom(extra: string | undefined): RegExp[] {
  const listed = (extra ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return [...JOURNEY_READ_PATHS, ...listed].map(pathPattern);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Same URL without its fragment: the login allowance is for that exact address, query included. */
function sameAddress(a: URL, b: URL): boolean {
  return a.origin === b.origin && a.pathname === b.pathname && a.search === b.search;
}

export function decideLiveRequest(request: LiveRequest, policy: LivePolicy): LiveDecision {
  const never = NEVER[request.kind];
  if (never) return { allow: false, reason: never };
  const url = parse(request.url);
  if (!url) return { allow: false, reason: 'adresse illisible' };
  if (url.origin !== new URL(policy.origin).origin) {
    return { allow: false, reason: 'autre origine que le portail' };
  }
  const method = request.method.toUpperCase();
  if (method === 'POST' && policy.armedLoginUrl !== null) {
    const login = parse(policy.armedLoginUrl);
    if (login && LOGIN_KINDS.has(request.kind) && sameAddress(url, login)) {
      return { allow: true, because: 'login' };
    }
    return { allow: false, reason: 'POST autre que celui du formulaire de connexion' };
  }
  if (method !== 'GET') return { allow: false, reason: `méthode ${method} refusée en mode réel` };
  if (STATIC_KINDS.has(request.kind) && STATIC_FILE.test(url.pathname)) {
    return { allow: true, because: 'static-file' };
  }
  if (policy.readPaths.some((pattern) => pattern.test(url.pathname))) return { allow: true, because: 'page' };
  return { allow: false, reason: 'chemin hors du parcours en lecture seule' };
}

/** Playwright's resource type (`request.resourceType()`) → our kinds. Chromium calls a beacon `ping`. */
export function kindOf(resourceType: string): RequestKind {
  switch (resourceType) {
    case 'document':
    case 'xhr':
    case 'fetch':
    case 'script':
    case 'stylesheet':
    case 'image':
    case 'font':
    case 'media':
    case 'websocket':
    case 'eventsource':
      return resourceType;
    case 'ping':
    case 'beacon':
      return 'beacon';
    default:
      return 'other';
  }
}

/** The guard's state around the pure decision: the login allowance, armed by the journey, used once. */
export interface LiveGate {
  decide(request: LiveRequest): LiveDecision;
  /** Allows ONE POST to the login form's own URL; the first allowed one disarms it. */
  armLogin(loginUrl: string): void;
  disarmLogin(): void;
}

export function createLiveGate(origin: string, readPaths: readonly RegExp[]): LiveGate {
  let armedLoginUrl: string | null = null;
  return {
    decide(request) {
      const decision = decideLiveRequest(request, { origin, readPaths, armedLoginUrl });
      if (decision.allow && decision.because === 'login') armedLoginUrl = null;
      return decision;
    },
    armLogin(loginUrl) {
      armedLoginUrl = loginUrl;
    },
    disarmLogin() {
      armedLoginUrl = null;
    },
  };
}

/** Statuses whose `Location` a browser follows by itself. */
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * The request a browser would send next after a response: `null` when the response is not a redirect
 * it follows (not a 3xx above, or no `Location`). The method follows the Fetch standard: 303 turns
 * anything but HEAD into GET, 301/302 turn a POST into a GET, 307/308 keep the method. An unreadable `Location` is
 * returned as it is: the policy then refuses it ("adresse illisible"), like any other hop.
 */
export function redirectHop(
  status: number,
  location: string | undefined,
  from: { url: string; method: string },
): { url: string; method: string } | null {
  if (!REDIRECT_STATUSES.has(status) || location === undefined || location.trim() === '') return null;
  const method = from.method.toUpperCase();
  const toGet =
    (status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST');
  let url: string;
  try {
    url = new URL(location, from.url).href;
  } catch {
    url = location;
  }
  return { url, method: toGet ? 'GET' : method };
}
