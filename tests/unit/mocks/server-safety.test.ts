// @vitest-environment node
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { safeNext } from '../../../mocks/auth';
import {
  CONTROL_NEEDS_JSON,
  CONTROL_NEEDS_SAME_ORIGIN,
  controlRequestProblem,
} from '../../../mocks/handlers/control-handlers';
import { createPortal } from '../../../mocks/portal';
import { type PortalServer, requestOrigin, startPortalServer } from '../../../mocks/server/http-server';
import {
  BODY_TOO_LARGE_MESSAGE,
  declaresTooLarge,
  MAX_BODY_BYTES,
  MAX_DISCARDED_BYTES,
  readCappedBody,
} from '../../../mocks/server/request-limits';
import { call, ORIGIN } from './helpers';

describe('safeNext: the redirect after login stays a path of this site', () => {
  it.each([
    ['/services', '/services'],
    ['/services/MC-000123?onglet=details&demoPanel=0', '/services/MC-000123?onglet=details&demoPanel=0'],
    ['/services/%C3%A9', '/services/%C3%A9'],
    ['/a/.//b', '/a/.//b'], // same origin; kept as sent, never normalised into `//b`
    ['/#frag', '/#frag'],
  ])('%j is kept', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    'services',
    '//evil.example/',
    '///evil.example/',
    '/\\evil.example/',
    '/\\/evil.example/',
    '\\\\evil.example',
    '/services\\..\\x',
    'https://evil.example/',
    'http:/evil.example',
    'javascript:alert(1)',
    ' /services',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/services\r\nSet-Cookie: x=1',
    '/services\u0000',
    '/\u007f',
    '/\u0085',
    '/services/é',
    '/services/€',
    '/a b',
    `/${'x'.repeat(2048)}`,
  ])('%j becomes /', (next) => {
    expect(safeNext(next)).toBe('/');
  });

  it('the login POST redirects to / when `next` is not a same-origin path', async () => {
    const portal = createPortal();
    const answer = await call(portal, '/login', {
      form: { login: 'E-0000012345', password: 'demo1234', next: '/\t/evil.example/' },
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/');
  });
});

describe('control commands: JSON and same origin only', () => {
  const command = (headers: Record<string, string>, path = '/__mock/reset') =>
    new Request(`${ORIGIN}${path}`, { method: 'POST', headers, body: '{}' });

  it.each<[string, Record<string, string>, number | null]>([
    ['JSON, no Origin (a tool)', { 'content-type': 'application/json' }, null],
    ['JSON with a charset', { 'content-type': 'application/json; charset=utf-8' }, null],
    ['JSON, same Origin', { 'content-type': 'application/json', origin: ORIGIN }, null],
    [
      'JSON, same origin per Sec-Fetch-Site',
      { 'content-type': 'application/json', origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
      null,
    ],
    ['no Content-Type', {}, 415],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['text/plain (what a cross-site form can send)', { 'content-type': 'text/plain' }, 415],
    ['application/json-ish', { 'content-type': 'application/jsonp' }, 415],
    ['another Origin', { 'content-type': 'application/json', origin: 'https://evil.example' }, 403],
    [
      'another port of the same host',
      { 'content-type': 'application/json', origin: 'https://demo.extranet.myopenip.fr:8443' },
      403,
    ],
    ['an opaque Origin', { 'content-type': 'application/json', origin: 'null' }, 403],
    ['cross-site', { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, 403],
    [
      'same-site (another origin)',
      { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' },
      403,
    ],
  ])('%s → %s', (_name, headers, status) => {
    const problem = controlRequestProblem(command(headers));
    expect(problem?.status ?? null).toBe(status);
    if (status === 415) expect(problem?.message).toBe(CONTROL_NEEDS_JSON);
    if (status === 403) expect(problem?.message).toBe(CONTROL_NEEDS_SAME_ORIGIN);
  });

  it.each(['/__mock/reset', '/__mock/scenario', '/__mock/faults', '/__mock/variants', '/__mock/anything'])(
    'POST %s from another site is refused before the endpoint: nothing changes',
    async (path) => {
      const portal = createPortal();
      portal.setFaults({ latencyMs: 5 });
      const before = JSON.stringify(portal.state());
      const answer = await call(portal, path, {
        json: { name: 'vide' },
        headers: { origin: 'https://evil.example' },
      });
      expect(answer.status).toBe(403);
      expect(await answer.json()).toEqual({ ok: false, message: CONTROL_NEEDS_SAME_ORIGIN });
      const plain = await call(portal, path, { form: { name: 'vide' } });
      expect(plain.status).toBe(415);
      expect(JSON.stringify(portal.state())).toBe(before);
    },
  );

  it('a good command still works, and GET /__mock/state needs nothing', async () => {
    const portal = createPortal();
    const answer = await call(portal, '/__mock/scenario', {
      json: { name: 'vide' },
      headers: { origin: ORIGIN },
    });
    expect(answer.status).toBe(200);
    expect(portal.state().scenario).toBe('vide');
    expect(
      (await call(portal, '/__mock/state', { headers: { origin: 'https://evil.example' } })).status,
    ).toBe(200);
  });
});

describe('request body cap', () => {
  const chunks = async function* (sizes: number[]) {
    for (const size of sizes) yield Buffer.alloc(size, 120);
  };

  it.each<[string, number[], 'ok' | 'too-large' | 'abusive']>([
    ['empty', [], 'ok'],
    ['a form', [300], 'ok'],
    ['exactly the cap, in pieces', [MAX_BODY_BYTES - 10, 10], 'ok'],
    ['one byte over', [MAX_BODY_BYTES, 1], 'too-large'],
    ['far over, still drained', [MAX_BODY_BYTES * 4], 'too-large'],
    ['past what is even drained', [MAX_DISCARDED_BYTES, 1], 'abusive'],
  ])('%s', async (_name, sizes, expected) => {
    const read = await readCappedBody(chunks(sizes));
    expect(read.ok ? 'ok' : read.reason).toBe(expected);
    if (read.ok) expect(read.body.length).toBe(sizes.reduce((sum, size) => sum + size, 0));
  });

  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['12', false],
    [String(MAX_BODY_BYTES), false],
    [String(MAX_BODY_BYTES + 1), true],
    ['abc', false],
  ])('Content-Length %j declares too much: %s', (length, expected) => {
    expect(declaresTooLarge(length)).toBe(expected);
  });
});

describe('the mock server', () => {
  let server: PortalServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('answers 413 in French to a body over the cap, and nothing changes', async () => {
    server = await startPortalServer({ port: 0 });
    const before = JSON.stringify(server.portal.state());
    const answer = await fetch(`${server.origin}/__mock/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 1, padding: 'x'.repeat(MAX_BODY_BYTES) }),
    });
    expect(answer.status).toBe(413);
    expect(await answer.text()).toBe(BODY_TOO_LARGE_MESSAGE);
    expect(JSON.stringify(server.portal.state())).toBe(before);
  });

  it('answers 413 to an oversized body sent without a Content-Length (chunked)', async () => {
    server = await startPortalServer({ port: 0 });
    const url = new URL(`${server.origin}/login`);
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port: url.port,
          path: '/login',
          method: 'POST',
          headers: { 'transfer-encoding': 'chunked' },
        },
        (incoming) => {
          incoming.resume();
          resolve(incoming.statusCode ?? 0);
        },
      );
      outgoing.on('error', reject);
      for (let sent = 0; sent <= MAX_BODY_BYTES; sent += 8192) outgoing.write(Buffer.alloc(8192, 97));
      outgoing.end();
    });
    expect(status).toBe(413);
  });

  it('the demo panel’s commands work from 127.0.0.1 as from localhost', async () => {
    server = await startPortalServer({ port: 0 });
    const port = new URL(server.origin).port;
    for (const origin of [`http://127.0.0.1:${port}`, server.origin]) {
      const answer = await fetch(`${origin}/__mock/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: '{}',
      });
      expect(answer.status).toBe(200);
    }
  });

  it.each<[string | undefined, string]>([
    ['localhost:4173', 'http://localhost:4173'],
    ['127.0.0.1:4173', 'http://127.0.0.1:4173'],
    ['[::1]:4173', 'http://[::1]:4173'],
    ['192.168.1.20:4173', 'http://192.168.1.20:4173'],
    ['portail.lan:4173', 'http://portail.lan:4173'], // the host it was told to listen on
    ['evil.example:4173', 'http://localhost:4173'], // DNS rebinding: not trusted
    ['localhost:80', 'http://localhost:4173'],
    ['localhost', 'http://localhost:4173'],
    [undefined, 'http://localhost:4173'],
  ])('requestOrigin(Host %j) → %s', (host, expected) => {
    expect(requestOrigin(host, 4173, 'portail.lan', 'http://localhost:4173')).toBe(expected);
  });
});
