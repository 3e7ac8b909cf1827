import { getResponse } from 'msw';
import type { Clock, Fetched, Fetcher } from '../../../lib/audit/scheduler';
import { fetchInPortalTab } from '../../../lib/audit/tab-fetch';
import type { AuditRow } from '../../../lib/audit/types';
import { SESSION_COOKIE } from '../../../mocks/auth';
import type { Portal } from '../../../mocks/portal';
import { ORIGIN, parse } from '../mocks/helpers';

export { ORIGIN, parse };

/** Every request the audit sent, with its method: the audit must only ever GET. */
export interface Sent {
  method: string;
  url: string;
}

/**
 * The browser's side of the audit's requests, over the mock's handlers: the session cookie is sent
 * (as the browser would), redirects are followed like `fetch` does.
 */
/** GET `url` over the mock's handlers with the session's cookie, following up to 5 redirects. */
async function getFollowing(
  portal: Portal,
  session: { cookie: string },
  sent: Sent[],
  url: string,
): Promise<{ response: Response | undefined; url: string }> {
  let current = url;
  for (let hop = 0; hop < 5; hop += 1) {
    sent.push({ method: 'GET', url: current });
    const request = new Request(current, { method: 'GET', headers: { cookie: session.cookie } });
    const response = await getResponse(portal.handlers, request);
    const location = response?.headers.get('location');
    if (response && response.status >= 300 && response.status < 400 && location) {
      current = new URL(location, current).href;
      continue;
    }
    return { response, url: current };
  }
  throw new TypeError('too many redirects');
}

export function mockFetcher(portal: Portal, session: { cookie: string }, sent: Sent[] = []): Fetcher {
  return async (url) => {
    const { response, url: current } = await getFollowing(portal, session, sent, url);
    if (!response) return { status: 404, url: current, text: '', retryAfter: null } satisfies Fetched;
    if (response.type === 'error') throw new TypeError('Failed to fetch');
    return {
      status: response.status,
      url: current,
      text: await response.text(),
      retryAfter: response.headers.get('retry-after'),
    };
  };
}

/**
 * The audit's GET as it runs in the portal tab (`fetchInPortalTab`, rebuilt from its source as
 * executeScript sends it), over the mock's handlers: its answer's text is decoded the tab's way, from
 * the bytes and the declared charset, where `mockFetcher` reads every answer as UTF-8.
 */
export function tabFetcher(portal: Portal, session: { cookie: string }, sent: Sent[] = []): Fetcher {
  const browserFetch = async (href: string) => {
    const { response, url: current } = await getFollowing(portal, session, sent, href);
    if (!response || response.type === 'error') throw new TypeError('Failed to fetch');
    // What the tab's fetch gives: the final address, the headers, the body's bytes.
    return {
      status: response.status,
      url: current,
      headers: response.headers,
      arrayBuffer: () => response.arrayBuffer(),
      text: () => response.text(), // UTF-8 whatever the answer says, as fetch's
    };
  };
  return async (url) => {
    const inTab = new Function('fetch', 'location', `return (${fetchInPortalTab.toString()})`)(
      browserFetch,
      new URL(url),
    ) as typeof fetchInPortalTab;
    const answer = await inTab(url);
    if (!answer.ok) throw new TypeError(answer.error);
    return answer;
  };
}

export function sessionCookie(setCookie: string): string {
  return setCookie.startsWith(`${SESSION_COOKIE}=`) ? setCookie : '';
}

/** Virtual time: `sleep` advances it at once; `log` keeps each sleep's length. */
export function fakeClock(start = 1_000_000): Clock & { time: number; sleeps: number[] } {
  const clock = {
    time: start,
    sleeps: [] as number[],
    now: () => clock.time,
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      clock.sleeps.push(ms);
      clock.time += ms;
      await Promise.resolve();
    },
  };
  return clock;
}

/**
 * An audited service whose Détails tab read one licence (Licence full, 1 terminable) and could not
 * read another (Licence SVI): the row is `unknown` with that reason, its readable numbers kept.
 */
export function partlyReadRow(ref: string): AuditRow {
  return {
    ref,
    status: 'unknown',
    terminable: 1,
    sdaLinked: 1,
    reason: 'not-a-number',
    licences: [
      { label: 'Licence full', state: 'terminable', subscribed: 2, active: 1, terminable: 1, reason: null },
      {
        label: 'Licence SVI',
        state: 'unknown',
        subscribed: null,
        active: null,
        terminable: null,
        reason: 'not-a-number',
      },
    ],
  };
}
