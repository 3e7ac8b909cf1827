// @vitest-environment node
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AuditFetchAnswer, fetchInPortalTab, isAuditFetchAnswer } from '../../../lib/audit/tab-fetch';
import { encodeWindows1252 } from '../../../mocks/html/windows-1252';

const PORTAL = 'https://portal.example';

const cp1252 = encodeWindows1252;

function response(
  body: string | Uint8Array,
  init: { status?: number; url?: string; retryAfter?: string; contentType?: string } = {},
) {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return {
    status: init.status ?? 200,
    url: init.url ?? '',
    // As fetch's: `text()` is UTF-8 whatever the answer declares.
    text: () => Promise.resolve(new TextDecoder().decode(bytes)),
    arrayBuffer: () =>
      Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
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
      arrayBuffer: () => Promise.reject(new TypeError('dropped')),
    });
    expect(await run(`${PORTAL}/services`)).toEqual({ ok: false, error: 'network' });
  });

  it('hands back the Content-Type (a JSON or PDF answer is then no page to read)', async () => {
    fetchMock.mockResolvedValueOnce(response('{}', { contentType: 'application/json' }));
    expect(await run(`${PORTAL}/a`)).toMatchObject({ ok: true, contentType: 'application/json' });
  });

  it('a request the portal never answers is dropped after 60 s as not answered in time', async () => {
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
      expect(await answer).toEqual({ ok: false, error: 'timeout' });
    } finally {
      vi.useRealTimers();
    }
  });
});

const PAGE = '<h1>Paramétrage / Monitoring</h1><td>Réf. du service</td><td>Licence accès à l’API € œ</td>';
const LATIN = 'Paramétrage / Monitoring — Réf. du service — Détails';

describe.each([
  ['as written', fetchInPortalTab],
  ['rebuilt from its source', asInjected],
])('the answer’s text, decoded as the browser would (%s)', (_name, run) => {
  const textOf = async (bytes: Uint8Array, contentType?: string) => {
    fetchMock.mockResolvedValueOnce(response(bytes, contentType ? { contentType } : {}));
    const answer = await run(`${PORTAL}/services/MC-1`);
    if (!answer.ok) throw new Error('no answer');
    return answer.text;
  };
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it.each<[string, Uint8Array, string | undefined, string]>([
    ['header windows-1252', cp1252(PAGE), 'text/html; charset=windows-1252', PAGE],
    [
      'header ISO-8859-1 (read as windows-1252, like browsers)',
      cp1252(PAGE),
      'text/html; charset=ISO-8859-1',
      PAGE,
    ],
    ['header quoted, upper case, spaced', cp1252(PAGE), 'text/html ; Charset = "Windows-1252"', PAGE],
    [
      'header latin1 alias',
      cp1252(LATIN.replaceAll('—', '-')),
      'text/html;charset=latin1',
      LATIN.replaceAll('—', '-'),
    ],
    [
      'no header charset, <meta charset>',
      cp1252(`<meta charset="windows-1252">${PAGE}`),
      'text/html',
      `<meta charset="windows-1252">${PAGE}`,
    ],
    [
      'no header at all, <meta http-equiv>',
      cp1252(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">${PAGE}`),
      undefined,
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">${PAGE}`,
    ],
    [
      'the header wins over the <meta>',
      utf8(`<meta charset="windows-1252">${PAGE}`),
      'text/html; charset=utf-8',
      `<meta charset="windows-1252">${PAGE}`,
    ],
    ['UTF-8 without any declaration', utf8(PAGE), 'text/html', PAGE],
    ['an unknown header label: UTF-8', utf8(PAGE), 'text/html; charset=klingon', PAGE],
    [
      'an unknown <meta> label: UTF-8',
      utf8(`<meta charset="x-nope">${PAGE}`),
      undefined,
      `<meta charset="x-nope">${PAGE}`,
    ],
    [
      'a <meta> in a comment is no declaration',
      utf8(`<!-- <meta charset="windows-1252"> -->${PAGE}`),
      undefined,
      `<!-- <meta charset="windows-1252"> -->${PAGE}`,
    ],
    [
      'a <meta> saying UTF-16 is read as UTF-8',
      utf8(`<meta charset="utf-16">${PAGE}`),
      undefined,
      `<meta charset="utf-16">${PAGE}`,
    ],
    [
      'a UTF-8 byte order mark wins over the header',
      Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(PAGE)]),
      'text/html; charset=windows-1252',
      PAGE,
    ],
  ])('%s', async (_case, bytes, contentType, expected) => {
    expect(await textOf(bytes, contentType)).toBe(expected);
  });

  it('as in a Firefox content script, where the body’s buffer is the page’s: read by index only', async () => {
    // There `subarray`, `slice` and iterating the bytes throw "Permission denied to access property
    // constructor" (every such answer came back as a lost connection); indexing and decode() work.
    const denied = () => {
      throw new Error('Permission denied to access property "constructor"');
    };
    class PageRealmBytes extends Uint8Array {
      override subarray(): never {
        return denied();
      }
      override slice(): never {
        return denied();
      }
      override [Symbol.iterator](): never {
        return denied();
      }
    }
    const bytes = cp1252(`<meta charset="windows-1252">${PAGE}`);
    vi.stubGlobal('Uint8Array', PageRealmBytes);
    expect(await textOf(bytes, 'text/html')).toBe(`<meta charset="windows-1252">${PAGE}`);
  });

  it('a <meta> past the first 1024 bytes is not looked for (UTF-8, as browsers)', async () => {
    const late = `${' '.repeat(1100)}<meta charset="windows-1252">é`;
    expect(await textOf(cp1252(late), 'text/html')).toBe(`${late.slice(0, -1)}\uFFFD`);
  });

  it('UTF-16 with its byte order mark', async () => {
    const bytes = Uint8Array.from([
      0xff,
      0xfe,
      ...[...PAGE].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    expect(await textOf(bytes, 'text/html')).toBe(PAGE);
  });

  it('any Latin-1 text declared windows-1252 (header or <meta>) comes back whole', async () => {
    const latin1Text = fc.string({
      unit: fc
        .integer({ min: 0x20, max: 0xff })
        .filter((c) => c < 0x7f || c > 0x9f)
        .map((c) => String.fromCharCode(c)),
    });
    await fc.assert(
      fc.asyncProperty(latin1Text, fc.boolean(), async (text, inMeta) => {
        const body = inMeta ? `<meta charset=windows-1252>${text.replace(/[<>]/g, '')}` : text;
        expect(await textOf(cp1252(body), inMeta ? 'text/html' : 'text/html; charset=windows-1252')).toBe(
          body,
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('isAuditFetchAnswer (what came back from the tab)', () => {
  it.each<[unknown, boolean]>([
    [{ ok: true, status: 200, url: `${PORTAL}/`, text: '', retryAfter: null }, true],
    [{ ok: true, status: 503, url: `${PORTAL}/`, text: 'x', retryAfter: '5' }, true],
    [{ ok: false, error: 'network' }, true],
    [{ ok: false, error: 'other-origin' }, true],
    [{ ok: false, error: 'timeout' }, true],
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
