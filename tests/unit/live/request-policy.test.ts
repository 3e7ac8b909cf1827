// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  createLiveGate,
  decideLiveRequest,
  JOURNEY_READ_PATHS,
  kindOf,
  type LivePolicy,
  type LiveRequest,
  pathPattern,
  type RequestKind,
  readPathsFrom,
  redirectHop,
} from '../../e2e/live/request-policy';

const ORIGIN = 'https://demo.extranet.myopenip.fr';
const LOGIN = `${ORIGIN}/login?next=%2F`;
const policy = (armedLoginUrl: string | null = null): LivePolicy => ({
  origin: ORIGIN,
  readPaths: JOURNEY_READ_PATHS.map(pathPattern),
  armedLoginUrl,
});
const request = (method: string, url: string, kind: RequestKind): LiveRequest => ({ method, url, kind });

describe('decideLiveRequest: deny by default (method × path × origin × kind)', () => {
  it.each<[string, string, RequestKind, string]>([
    ['GET', `${ORIGIN}/`, 'document', 'page'],
    ['GET', `${ORIGIN}/login?next=%2Fservices`, 'document', 'page'],
    ['GET', `${ORIGIN}/services?page=2`, 'document', 'page'],
    ['GET', `${ORIGIN}/services/MC-000123`, 'document', 'page'],
    ['GET', `${ORIGIN}/services/MC-000123/`, 'document', 'page'],
    ['GET', `${ORIGIN}/services/MC-000123/details`, 'xhr', 'page'],
    ['GET', `${ORIGIN}/services/MC-000123/licences/licence-full/resiliation`, 'xhr', 'page'],
    ['get', `${ORIGIN}/services`, 'fetch', 'page'],
    ['GET', `${ORIGIN}/assets/portal.css`, 'stylesheet', 'static-file'],
    ['GET', `${ORIGIN}/assets/jquery/jquery.min.js?v=3`, 'script', 'static-file'],
    ['GET', `${ORIGIN}/img/logo.svg`, 'image', 'static-file'],
    ['GET', `${ORIGIN}/fonts/a.woff2`, 'font', 'static-file'],
  ])('%s %s (%s) passes: %s', (method, url, kind, because) => {
    expect(decideLiveRequest(request(method, url, kind), policy())).toEqual({ allow: true, because });
  });

  it.each<[string, string, RequestKind, RegExp]>([
    // Any method but GET, on the journey's own pages too.
    ['POST', `${ORIGIN}/services/MC-000123/licences/licence-full/resiliation`, 'xhr', /POST/],
    ['POST', `${ORIGIN}/services/MC-000123/licences/licence-full/resiliation`, 'document', /POST/],
    ['PUT', `${ORIGIN}/services/MC-000123`, 'fetch', /PUT/],
    ['DELETE', `${ORIGIN}/services/MC-000123`, 'fetch', /DELETE/],
    ['PATCH', `${ORIGIN}/services`, 'xhr', /PATCH/],
    ['HEAD', `${ORIGIN}/services`, 'fetch', /HEAD/],
    ['OPTIONS', `${ORIGIN}/services`, 'other', /OPTIONS/],
    ['POST', `${ORIGIN}/login`, 'document', /POST/], // not armed
    // GETs outside the journey's paths, even on the portal.
    ['GET', `${ORIGIN}/logout`, 'document', /hors du parcours/],
    ['GET', `${ORIGIN}/logout`, 'xhr', /hors du parcours/],
    ['GET', `${ORIGIN}/services/MC-000123/numeros/0123/dissociation`, 'xhr', /hors du parcours/],
    ['GET', `${ORIGIN}/services/MC-000123/licences/licence-full/resilier`, 'document', /hors du parcours/],
    ['GET', `${ORIGIN}/__mock/reset`, 'fetch', /hors du parcours/],
    ['GET', `${ORIGIN}/servicesX`, 'document', /hors du parcours/],
    // A "static" kind is a file only with a file's extension.
    ['GET', `${ORIGIN}/logout`, 'image', /hors du parcours/],
    ['GET', `${ORIGIN}/api/delete?id=1`, 'script', /hors du parcours/],
    ['GET', `${ORIGIN}/assets/portal.css`, 'xhr', /hors du parcours/],
    // Other origins, whatever the method, path or kind.
    ['GET', 'https://elsewhere.example/collect', 'fetch', /autre origine/],
    ['GET', 'https://elsewhere.example/a.js', 'script', /autre origine/],
    ['GET', 'http://demo.extranet.myopenip.fr/services', 'document', /autre origine/],
    ['GET', 'https://demo.extranet.myopenip.fr:8443/services', 'document', /autre origine/],
    ['GET', 'https://evil.demo.extranet.myopenip.fr/', 'document', /autre origine/],
    ['POST', 'https://elsewhere.example/login', 'document', /autre origine/],
    ['GET', 'not a url', 'fetch', /illisible/],
    // Kinds refused whatever their address.
    ['GET', `${ORIGIN}/services`, 'websocket', /WebSocket/],
    ['GET', 'wss://demo.extranet.myopenip.fr/socket', 'websocket', /WebSocket/],
    ['POST', `${ORIGIN}/services`, 'beacon', /balise/],
    ['GET', `${ORIGIN}/`, 'serviceworker', /service worker/],
    ['GET', `${ORIGIN}/services`, 'eventsource', /EventSource/],
  ])('%s %s (%s) is refused', (method, url, kind, reason) => {
    const decision = decideLiveRequest(request(method, url, kind), policy());
    expect(decision.allow).toBe(false);
    if (!decision.allow) expect(decision.reason).toMatch(reason);
  });

  it.each<[string, RequestKind, boolean]>([
    [LOGIN, 'document', true],
    [LOGIN, 'xhr', true],
    [LOGIN, 'fetch', true],
    [LOGIN, 'beacon', false],
    [`${ORIGIN}/login`, 'document', false], // another query: another address
    [`${ORIGIN}/login?next=%2F&x=1`, 'document', false],
    [`${ORIGIN}/services`, 'document', false],
    [`https://elsewhere.example/login?next=%2F`, 'document', false],
    [`${LOGIN}#fragment`, 'document', true],
  ])('armed for the login form, POST %s (%s) passes: %s', (url, kind, allowed) => {
    expect(decideLiveRequest(request('POST', url, kind), policy(LOGIN)).allow).toBe(allowed);
  });

  it('the login allowance never lets another method through', () => {
    expect(decideLiveRequest(request('PUT', LOGIN, 'document'), policy(LOGIN)).allow).toBe(false);
  });
});

describe('createLiveGate: the login allowance is used once', () => {
  const login = request('POST', LOGIN, 'document');

  it('refuses a login POST before it is armed, lets one through, refuses the next', () => {
    const gate = createLiveGate(ORIGIN, readPathsFrom(undefined));
    expect(gate.decide(login).allow).toBe(false);
    gate.armLogin(LOGIN);
    expect(gate.decide(request('POST', `${ORIGIN}/services`, 'xhr')).allow).toBe(false);
    expect(gate.decide(login)).toEqual({ allow: true, because: 'login' });
    expect(gate.decide(login).allow).toBe(false);
  });

  it('disarmLogin withdraws an unused allowance', () => {
    const gate = createLiveGate(ORIGIN, readPathsFrom(undefined));
    gate.armLogin(LOGIN);
    gate.disarmLogin();
    expect(gate.decide(login).allow).toBe(false);
  });
});

describe('read paths', () => {
  it.each<[string, string, boolean]>([
    ['/services/*', '/services/MC-1', true],
    ['/services/*', '/services/MC-1/', true],
    ['/services/*', '/services/MC-1/details', false],
    ['/services/*', '/services/', false],
    ['/', '/', true],
    ['/', '/x', false],
    ['/a.b', '/aXb', false],
    ['/a/*/c', '/a/b/c', true],
  ])('%s matches %s: %s', (pattern, path, matches) => {
    expect(pathPattern(pattern).test(path)).toBe(matches);
  });

  it('refuses a pattern that is not a path', () => {
    expect(() => pathPattern('services')).toThrow(/doit commencer par \//);
  });

  it('PORTAL_READ_PATHS adds to the journey, never removes', () => {
    const paths = readPathsFrom(' /portail/accueil , /portail/services/* ,');
    expect(paths).toHaveLength(JOURNEY_READ_PATHS.length + 2);
    const gate = createLiveGate(ORIGIN, paths);
    expect(gate.decide(request('GET', `${ORIGIN}/portail/services/42`, 'document')).allow).toBe(true);
    expect(gate.decide(request('GET', `${ORIGIN}/services`, 'document')).allow).toBe(true);
  });
});

describe('kindOf', () => {
  it.each([
    ['ping', 'beacon'],
    ['beacon', 'beacon'],
    ['document', 'document'],
    ['xhr', 'xhr'],
    ['websocket', 'websocket'],
    ['manifest', 'other'],
    ['texttrack', 'other'],
  ])('%s → %s', (resourceType, kind) => {
    expect(kindOf(resourceType)).toBe(kind);
  });
});

describe('redirectHop: the request a browser would send after a response', () => {
  const from = (method: string) => ({ url: `${ORIGIN}/services?page=2`, method });
  it.each<[number, string | undefined, string, { url: string; method: string } | null]>([
    [200, '/logout', 'GET', null],
    [304, '/logout', 'GET', null],
    [300, '/logout', 'GET', null],
    [302, undefined, 'GET', null],
    [302, '  ', 'GET', null],
    [302, '/logout', 'GET', { url: `${ORIGIN}/logout`, method: 'GET' }],
    [301, 'details', 'GET', { url: `${ORIGIN}/details`, method: 'GET' }],
    [302, '?page=3', 'GET', { url: `${ORIGIN}/services?page=3`, method: 'GET' }],
    [302, 'https://elsewhere.example/x', 'GET', { url: 'https://elsewhere.example/x', method: 'GET' }],
    [302, '//elsewhere.example/x', 'GET', { url: 'https://elsewhere.example/x', method: 'GET' }],
    [303, '/', 'POST', { url: `${ORIGIN}/`, method: 'GET' }],
    [303, '/', 'HEAD', { url: `${ORIGIN}/`, method: 'HEAD' }],
    [302, '/', 'post', { url: `${ORIGIN}/`, method: 'GET' }],
    [301, '/', 'PUT', { url: `${ORIGIN}/`, method: 'PUT' }],
    [307, '/login', 'POST', { url: `${ORIGIN}/login`, method: 'POST' }],
    [308, '/login', 'DELETE', { url: `${ORIGIN}/login`, method: 'DELETE' }],
    [302, 'http://[bad', 'GET', { url: 'http://[bad', method: 'GET' }],
  ])('%i Location %j after %s → %j', (status, location, method, expected) => {
    expect(redirectHop(status, location, from(method))).toEqual(expected);
  });

  it('every hop is judged by the same policy: a redirect to /logout or another origin is refused', () => {
    for (const location of ['/logout', 'https://elsewhere.example/', 'http://[bad', 'javascript:alert(1)']) {
      const hop = redirectHop(302, location, from('GET'))!;
      expect(decideLiveRequest({ ...hop, kind: 'document' }, policy()).allow).toBe(false);
    }
    const allowed = redirectHop(303, '/services/MC-000123', from('POST'))!;
    expect(decideLiveRequest({ ...allowed, kind: 'document' }, policy())).toEqual({
      allow: true,
      because: 'page',
    });
  });
});
