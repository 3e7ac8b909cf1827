// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AuditFetchAnswer, fetchInPortalTab, isAuditFetchAnswer } from '../../../lib/audit/tab-fetch';

const PORTAL = 'https://portal.example';

function response(
  body: string | Uint8Array,
  init: { status?: number; url?: string; retryAfter?: string; contentType?: string } = {},
) {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return {
    status: init.status ?? 200,
    url: init.url ?? '',
    arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
    headers: new Headers({
      ...(init.retryAfter ? { 'Retry-After': init.retryAfter } : {}),
      ...(init.contentType ? { 'Content-Type': init.contentType } : {}),
    }),
  };
}

/** "Détails" in Latin-1 (é is one byte, 0xE9): what a portal serving ISO-8859-1 sends. */
const LATIN1_DETAILS = Uint8Array.from([0x44, 0xe9, 0x74, 0x61, 0x69, 0x6c, 0x73]);
const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => Array.from(part)));

/** The function as the browser runs it in the tab: rebuilt from its source, nothing of this module around. */
const asInjected = new Function(`return (${fetchInPortalTab.toString()})`)() as typeof fetchInPortalTab;

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn(() => Promise.resolve(response('<h1>Paramétrage / Monitoring</h1>')));
  vi.stubGlobal('location', new URL(`${PORTAL}/services?page=2`));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe.each([
  ['as written', fetchInPortalTab],
  ['rebuilt from its source (self-contained, as executeScript sends it)', asInjected],
])('the GET a portal tab runs for the audit, %s', (_name, run) => {
  it('GETs its own origin with the session and no cache, and answers status, address, text, Retry-After', async () => {
    fetchMock.mockResolvedValue(
      response('<p>ok</p>', { status: 429, url: `${PORTAL}/services/MC-1?tab=details`, retryAfter: '2' }),
    );
    const answer = await run(`${PORTAL}/services/MC-1`);
    expect(fetchMock).toHaveBeenCalledWith(`${PORTAL}/services/MC-1`, {
      method: 'GET',
      credentials: 'same-origin',
      cache: 'no-store',
      signal: expect.any(AbortSignal),
    });
    expect(answer).toEqual({
      ok: true,
      status: 429,
      url: `${PORTAL}/services/MC-1?tab=details`,
      text: '<p>ok</p>',
      retryAfter: '2',
      contentType: null,
    } satisfies AuditFetchAnswer);
  });

  it('a relative address is the tab’s; without a final address, the one asked for', async () => {
    const answer = await run('/services?page=3');
    expect(fetchMock).toHaveBeenCalledWith(`${PORTAL}/services?page=3`, expect.anything());
    expect(answer).toMatchObject({ ok: true, url: `${PORTAL}/services?page=3`, retryAfter: null });
  });

  it.each([
    'https://elsewhere.example/services',
    'http://portal.example/services',
    'https://portal.example:8443/services',
    'https://sub.portal.example/services',
    'data:text/html,<p>x</p>',
    'javascript:alert(1)',
  ])('refuses %s: another origin, nothing sent', async (url) => {
    expect(await run(url)).toEqual({ ok: false, error: 'other-origin' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a failed request or body is a network answer, never a rejection', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await run(`${PORTAL}/services`)).toEqual({ ok: false, error: 'network' });
    fetchMock.mockResolvedValueOnce({
      ...response(''),
      arrayBuffer: () => Promise.reject(new TypeError('dropped')),
    });
    expect(await run(`${PORTAL}/services`)).toEqual({ ok: false, error: 'network' });
  });

  it.each<[string, Uint8Array, string | undefined]>([
    ['the header’s charset', LATIN1_DETAILS, 'text/html; charset=ISO-8859-1'],
    ['a <meta charset>', concat(ascii('<meta charset="windows-1252"><a>'), LATIN1_DETAILS), 'text/html'],
    [
      'a <meta http-equiv>',
      concat(
        ascii('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'),
        LATIN1_DETAILS,
      ),
      undefined,
    ],
  ])(
    'an answer in Latin-1 is decoded by %s: the accented labels survive',
    async (_name, bytes, contentType) => {
      fetchMock.mockResolvedValueOnce(response(bytes, contentType ? { contentType } : {}));
      const answer = await run(`${PORTAL}/services/MC-1`);
      expect(answer.ok && answer.text.endsWith('Détails')).toBe(true);
    },
  );

  it('UTF-8 by default, and a charset no decoder knows falls back to UTF-8', async () => {
    fetchMock.mockResolvedValueOnce(response('Détails'));
    expect(await run(`${PORTAL}/a`)).toMatchObject({ text: 'Détails' });
    fetchMock.mockResolvedValueOnce(response('Détails', { contentType: 'text/html; charset=klingon' }));
    expect(await run(`${PORTAL}/a`)).toMatchObject({
      text: 'Détails',
      contentType: 'text/html; charset=klingon',
    });
  });

  it('a request the portal never answers is dropped after 60 s as a lost connection', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      fetchMock.mockImplementationOnce(
        (_url: string, init: { signal: AbortSignal }) =>
          new Promise((_resolve, reject) =>
            init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
          ),
      );
      const answer = run(`${PORTAL}/services`);
      await vi.advanceTimersByTimeAsync(59_000);
      let settled = false;
      void answer.then(() => {
        settled = true;
      });
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await answer).toEqual({ ok: false, error: 'network' });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('isAuditFetchAnswer (what came back from the tab)', () => {
  it.each<[unknown, boolean]>([
    [{ ok: true, status: 200, url: `${PORTAL}/`, text: '', retryAfter: null }, true],
    [{ ok: true, status: 503, url: `${PORTAL}/`, text: 'x', retryAfter: '5' }, true],
    [{ ok: false, error: 'network' }, true],
    [{ ok: false, error: 'other-origin' }, true],
    [undefined, false],
    [null, false],
    ['<html>', false],
    [{ ok: true, status: '200', url: `${PORTAL}/`, text: '', retryAfter: null }, false],
    [{ ok: true, status: 200, url: `${PORTAL}/`, retryAfter: null }, false],
    [{ ok: false, error: 'boom' }, false],
    [
      { ok: true, status: 200, url: `${PORTAL}/`, text: '', retryAfter: null, contentType: 'text/html' },
      true,
    ],
    [{ ok: true, status: 200, url: `${PORTAL}/`, text: '', retryAfter: null, contentType: 3 }, false],
  ])('%j → %s', (value, expected) => {
    expect(isAuditFetchAnswer(value)).toBe(expected);
  });
});
