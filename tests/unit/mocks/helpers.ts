import { Window } from 'happy-dom';
import { getResponse } from 'msw';
import { DEMO_CREDENTIALS, SESSION_COOKIE } from '../../../mocks/auth';
import { createPortal, type Portal, type ScenarioName } from '../../../mocks/portal';

/** Any origin works: the handlers match paths only. */
export const ORIGIN = 'https://demo.extranet.myopenip.fr';

export interface CallOptions {
  method?: string;
  cookie?: string;
  xhr?: boolean;
  form?: Record<string, string>;
  json?: unknown;
  accept?: string;
  headers?: Record<string, string>;
}

export async function call(portal: Portal, path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set('cookie', options.cookie);
  if (options.xhr) headers.set('x-requested-with', 'XMLHttpRequest');
  if (options.accept) headers.set('accept', options.accept);
  let body: string | undefined;
  if (options.form) {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(options.form).toString();
  } else if (options.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.json);
  }
  const method = options.method ?? (body === undefined ? 'GET' : 'POST');
  const response = await getResponse(
    portal.handlers,
    new Request(new URL(path, ORIGIN), { method, headers, body }),
  );
  if (!response) throw new Error(`Aucun handler pour ${method} ${path}`);
  return response;
}

/** Logs in with the demo identifier; returns the Cookie header value to send afterwards. */
export async function login(
  portal: Portal,
  credentials: { login: string; password: string } = DEMO_CREDENTIALS,
) {
  const response = await call(portal, '/login', { form: { ...credentials, next: '/' } });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('Pas de cookie de session');
  return cookie.split(';')[0] ?? '';
}

export async function signedIn(scenario: ScenarioName = 'carte') {
  const portal = createPortal({ scenario });
  const cookie = await login(portal);
  return { portal, cookie };
}

export function parse(markup: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(markup, 'text/html') as unknown as Document;
}

export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** `A / S` per row label, read the way the card shows it. */
export function countsOf(portal: Portal, ref: string): Record<string, string> {
  return Object.fromEntries(
    portal.store.licenceCounts(ref).map((row) => [row.type.label, `${row.active} / ${row.subscribed}`]),
  );
}

/** Everything an action could change, to assert that a refused one changed nothing. */
export function snapshot(portal: Portal, ref: string) {
  return JSON.stringify({
    counts: portal.store.licenceCounts(ref).map((row) => [row.type.key, row.active, row.subscribed]),
    sdas: portal.store.sdasOf(ref).map((sda) => [sda.number, sda.licenceKey]),
    history: portal.store.counts.history,
  });
}
