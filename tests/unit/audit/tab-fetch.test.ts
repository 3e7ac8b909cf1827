// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AuditFetchAnswer, fetchInPortalTab, isAuditFetchAnswer } from '../../../lib/audit/tab-fetch';

const PORTAL = 'https://portal.example';

function response(
  body: string,
  init: { status?: number; url?: string; retryAfter?: string; contentType?: string } = {},
) {
  return {
    status: init.status ?? 200,
    url: init.url ?? '',
    text: () => Promise.resolve(body),
    headers: new Headers({
      ...(init.retryAfter ? { 'Retry-After': init.retryAfter } : {}),
      ...(init.contentType ? { 'Content-Type': init.contentType } : {}),
    }),
  };
}

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
      text: () => Promise.reject(new TypeError('dropped')),
    });
    expect(await run(`${PORTAL}/services`)).toEqual({ ok: false, error: 'network' });
  });

  it('hands back the Content-Type (a JSON or PDF answer is then no page to read)', async () => {
    fetchMock.mockResolvedValueOnce(response('{}', { contentType: 'application/json' }));
    expect(await run(`${PORTAL}/a`)).toMatchObject({ ok: true, contentType: 'application/json' });
  });

  it('a request the portal never answers is dropped after 60 s as a lost connection', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      fetchMock.mockImplementationOnce(() => new Promise(() => undefined));
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
