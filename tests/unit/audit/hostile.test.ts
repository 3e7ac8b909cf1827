// @vitest-environment node
/**
 * Hostile trials of the audit engine on a hand-made portal (a fake fetcher over a table of answers):
 * pages that are not what was asked, HTTP failures, lists that loop, repeat, skip or cannot be read.
 * The audit must say « non reconnu » or « erreur » (with a retry), never a wrong number, lose nothing,
 * and send GETs only.
 */
import { describe, expect, it } from 'vitest';
import { AuditEngine } from '../../../lib/audit/engine';
import { DEFAULT_POLITE, type Fetched, FetchTimedOut, PoliteClient } from '../../../lib/audit/scheduler';
import { type AuditState, newAuditState } from '../../../lib/audit/types';
import { auditTotals, listIncomplete } from '../../../lib/audit/view';
import { fakeClock, parse } from './support';

const O = 'https://p.example';
type Answer = Partial<Fetched> | Error | (() => Partial<Fetched> | Error);

const HEAD = [
  'Réf. du service',
  'Nom du service',
  'Client',
  'Compte client',
  'Site',
  'Type de service',
  'Action',
];

function listPage(refs: string[], next: string | null = null, extra = '', headers = HEAD): string {
  const cell = (ref: string, header: string) =>
    ({
      'Réf. du service': ref,
      'Nom du service': `Nom ${ref}`,
      Client: 'Cl',
      'Compte client': 'CC',
      Site: 'S',
      'Type de service': ref.startsWith('TS') ? 'Trunk SIP' : 'MetaCentrex',
      Action: `<a href="/s/${ref}">Paramétrer &gt;</a>`,
    })[header] ?? '';
  const rows = refs.map((ref) => `<tr>${headers.map((h) => `<td>${cell(ref, h)}</td>`).join('')}</tr>`);
  return `<html><body><h1>Paramétrage / Monitoring</h1>${extra}<table><thead><tr>${headers
    .map((h) => `<th>${h}</th>`)
    .join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>${
    next ? `<ul class="pagination"><li><a href="${next}">Suivant</a></li></ul>` : ''
  }</body></html>`;
}

function servicePage(ref: string, shownRef = ref): string {
  return `<html><body><h1>Service</h1><ul class="nav nav-tabs"><li><a href="#info" role="tab">Informations</a></li>
<li><a href="#details" role="tab" aria-controls="details">Détails</a></li></ul>
<div id="info"><table><tr><td>Réf. du service</td><td><span>${shownRef}</span></td></tr></table></div>
<div id="details" data-src="/s/${ref}/details">Chargement...</div></body></html>`;
}

function details(rows: [string, string][]): string {
  return `<div class="panel"><div class="panel-heading"><h3>Nombre de licences</h3></div><table class="table"><tbody>${rows
    .map(([label, count]) => `<tr><td>${label}</td><td><span>${count}</span></td><td></td></tr>`)
    .join('')}</tbody></table></div>`;
}

const FULL: [string, string][] = [
  ['Licence simple', '1 / 1'],
  ['Licence full', '1 / 3'],
  ['Licence SVI', '0 / 1'],
];

/** A portal where every service `ref` answers its page and a Détails with FULL. */
function site(refs: string[], answers: Record<string, Answer> = {}) {
  const sent: { method: string; url: string }[] = [];
  const table: Record<string, Answer> = {};
  for (const ref of refs) {
    table[`${O}/s/${ref}`] = { text: servicePage(ref) };
    table[`${O}/s/${ref}/details`] = { text: details(FULL) };
  }
  Object.assign(table, answers);
  const fetcher = async (url: string): Promise<Fetched> => {
    sent.push({ method: 'GET', url });
    if (sent.length > 5000) throw new Error('runaway audit');
    let answer = table[url];
    if (typeof answer === 'function') answer = answer();
    if (answer instanceof Error) throw answer;
    if (!answer) return { status: 404, url, text: 'Not found', retryAfter: null };
    return { status: 200, url, text: '', retryAfter: null, ...answer };
  };
  return { table, sent, fetcher };
}

function engineFor(fetcher: (url: string) => Promise<Fetched>, start = `${O}/l`) {
  const client = new PoliteClient(
    fetcher,
    { ...DEFAULT_POLITE, requestsPerSecond: 0, backoffMs: 1 },
    fakeClock(),
  );
  const state = newAuditState(O, start, 0);
  const engine = new AuditEngine(state, { client, parse, now: () => 0, onChange: () => undefined });
  return { state, engine };
}

async function audit(refs: string[], answers: Record<string, Answer>, list?: Record<string, Answer>) {
  const portal = site(refs, { [`${O}/l`]: { text: listPage(refs) }, ...list, ...answers });
  const run = engineFor(portal.fetcher);
  await run.engine.run();
  return { ...run, ...portal };
}

function row(state: AuditState, ref: string) {
  return state.rows[ref];
}

describe('fetched pages that are not the Détails', () => {
  it('the reference case reads right (the fixture itself)', async () => {
    const { state } = await audit(['MC-1'], {});
    expect(row(state, 'MC-1')).toMatchObject({ status: 'ok', terminable: 3 });
  });

  it('a login page answered 200: the audit pauses (session), the service stays pending', async () => {
    const login = { text: '<form><input id="login"><input id="password" type="password"></form>' };
    const { state } = await audit(['MC-1'], { [`${O}/s/MC-1`]: login });
    expect(state.phase).toBe('paused');
    expect(state.pauseReason).toBe('session');
    expect(row(state, 'MC-1')).toBeUndefined();
  });

  it('a redirect to a sign-in on another site (no password field yet): pauses (session), nothing judged', async () => {
    const sso = {
      url: 'https://sso.example/authorize?client=portal',
      text: '<h1>Connexion</h1><input name="identifiant"><button>Continuer</button>',
    };
    const { state } = await audit(['MC-1'], { [`${O}/s/MC-1/details`]: sso });
    expect(state.phase).toBe('paused');
    expect(state.pauseReason).toBe('session');
    expect(row(state, 'MC-1')).toBeUndefined();
  });

  it.each([
    ['a Détails rendered client-side (empty container)', '<div id="app" data-react-root></div>'],
    ['a Détails whose block is still "Chargement..."', '<h3>Nombre de licences</h3><div>Chargement...</div>'],
    ['an error page answered 200', '<h1>Une erreur est survenue</h1><p>Réessayez plus tard.</p>'],
    ['a maintenance page', '<h1>Maintenance en cours</h1><p>Le portail revient vite.</p>'],
    ['a JSON answer', '{"licences":[{"label":"Licence full","active":1,"subscribed":2}]}'],
    ['a PDF answer', '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'],
  ])('%s: « non reconnu », never "0 licence"', async (_name, text) => {
    const { state } = await audit(['MC-1'], { [`${O}/s/MC-1/details`]: { text } });
    expect(row(state, 'MC-1')?.status).not.toBe('ok');
    expect(row(state, 'MC-1')?.licences).toEqual([]);
  });

  it.each([
    [
      'application/json',
      '{"html":"<h3>Nombre de licences</h3><table><tr><td>Licence full</td><td>1 / 2</td></tr></table>"}',
    ],
    ['application/pdf', '%PDF-1.4 Nombre de licences Licence full 1 / 2'],
  ])(
    'an answer declared %s is no page: an error with a retry, never read for numbers',
    async (contentType, text) => {
      const { state } = await audit(['MC-1'], { [`${O}/s/MC-1/details`]: { text, contentType } });
      expect(row(state, 'MC-1')).toMatchObject({ status: 'error', reason: 'unexpected-page', licences: [] });
      expect(row(state, 'MC-1')?.httpStatus).toBeUndefined();
    },
  );

  it('a page declared text/html (with its charset) is read', async () => {
    const { state } = await audit(['MC-1'], {
      [`${O}/s/MC-1/details`]: { text: details(FULL), contentType: 'text/html; charset=utf-8' },
    });
    expect(row(state, 'MC-1')?.status).toBe('ok');
  });

  it('the page of another service (its reference differs from the one asked): an error, not its numbers', async () => {
    const { state } = await audit(['MC-1'], { [`${O}/s/MC-1`]: { text: servicePage('MC-1', 'MC-2') } });
    expect(row(state, 'MC-1')).toMatchObject({ status: 'error', reason: 'unexpected-page', licences: [] });
  });

  it('the same reference written otherwise (spaces, case) is the same service', async () => {
    const { state } = await audit(['MC-1'], {
      [`${O}/s/MC-1`]: { text: servicePage('MC-1', ' mc-1\u00a0') },
    });
    expect(row(state, 'MC-1')?.status).toBe('ok');
  });

  it('a Détails truncated between two rows (the rest never came): an error with a retry, not "ok"', async () => {
    const whole = details(FULL);
    const cut = whole.slice(0, whole.indexOf('<tr><td>Licence SVI'));
    const { state } = await audit(['MC-1'], { [`${O}/s/MC-1/details`]: { text: cut } });
    expect(row(state, 'MC-1')).toMatchObject({ status: 'error', reason: 'unexpected-page' });
  });

  it('a whole page truncated mid-table (no closing tags): an error, not "ok"', async () => {
    const page = `<html><body>${details(FULL)}</body></html>`;
    const cut = page.slice(0, page.indexOf('<tr><td>Licence full'));
    const { state } = await audit(['MC-1'], { [`${O}/s/MC-1/details`]: { text: cut } });
    expect(row(state, 'MC-1')?.status).toBe('error');
  });
});

describe('HTTP failures', () => {
  it.each([
    [403, 'unexpected-page'],
    [404, 'not-found'],
    [500, 'server'],
  ])(
    '%i on a service: that row is an error with its status, the totals do not count it',
    async (status, reason) => {
      const { state } = await audit(['MC-1', 'MC-2'], { [`${O}/s/MC-1`]: { status, text: 'x' } });
      expect(row(state, 'MC-1')).toMatchObject({ status: 'error', reason, httpStatus: status });
      expect(row(state, 'MC-2')?.status).toBe('ok');
      const totals = auditTotals(state);
      expect(totals).toMatchObject({ terminable: 3, errors: 1, lowerBound: true });
    },
  );

  it('401: pauses (session) and resume reads it once logged in again', async () => {
    let expired = true;
    const portal = site(['MC-1'], {
      [`${O}/l`]: { text: listPage(['MC-1']) },
      [`${O}/s/MC-1`]: () => (expired ? { status: 401, text: '' } : { text: servicePage('MC-1') }),
    });
    const run = engineFor(portal.fetcher);
    await run.engine.run();
    expect(run.state.pauseReason).toBe('session');
    expired = false;
    await run.engine.run();
    expect(run.state.phase).toBe('done');
    expect(row(run.state, 'MC-1')?.status).toBe('ok');
  });

  it('429 with Retry-After then 200: read, nothing lost', async () => {
    let calls = 0;
    const { state } = await audit(['MC-1'], {
      [`${O}/s/MC-1`]: () =>
        ++calls === 1 ? { status: 429, retryAfter: '2', text: '' } : { text: servicePage('MC-1') },
    });
    expect(row(state, 'MC-1')?.status).toBe('ok');
  });

  it.each<[string, string, () => Error]>([
    ['never answered in time', 'timeout', () => new FetchTimedOut('60 s')],
    ['a dropped connection', 'network', () => new TypeError('Failed to fetch')],
  ])('%s on every try: an error row saying so (%s)', async (_case, reason, failure) => {
    const portal = site(['MC-1'], {
      [`${O}/l`]: { text: listPage(['MC-1']) },
      [`${O}/s/MC-1`]: failure,
    });
    const run = engineFor(portal.fetcher);
    await run.engine.run();
    expect(row(run.state, 'MC-1')).toMatchObject({ status: 'error', reason });
  });

  it('a service failing when the user pauses: not retried, left to read on resume (not an error row)', async () => {
    let down = true;
    let engine: AuditEngine | null = null;
    const portal = site(['MC-1', 'MC-2'], {
      [`${O}/l`]: { text: listPage(['MC-1', 'MC-2']) },
      [`${O}/s/MC-1`]: () => {
        engine?.pause(); // asked while its first try is in flight
        return down ? new FetchTimedOut('60 s') : { text: servicePage('MC-1') };
      },
    });
    const run = engineFor(portal.fetcher);
    engine = run.engine;
    await run.engine.run();
    expect(run.state.phase).toBe('paused');
    expect(run.state.pauseReason).toBe('user');
    expect(row(run.state, 'MC-1')).toBeUndefined();
    expect(portal.sent.filter((request) => request.url === `${O}/s/MC-1`)).toHaveLength(1);
    down = false;
    engine = null;
    await run.engine.run();
    expect(run.state.phase).toBe('done');
    expect(row(run.state, 'MC-1')?.status).toBe('ok');
    expect(row(run.state, 'MC-2')?.status).toBe('ok');
  });

  it('the last try decides: a timeout then a dropped connection is a lost connection', async () => {
    let calls = 0;
    const portal = site(['MC-1'], {
      [`${O}/l`]: { text: listPage(['MC-1']) },
      [`${O}/s/MC-1`]: () => (++calls < 4 ? new FetchTimedOut('60 s') : new TypeError('Failed to fetch')),
    });
    const run = engineFor(portal.fetcher);
    await run.engine.run();
    expect(row(run.state, 'MC-1')).toMatchObject({ status: 'error', reason: 'network' });
  });

  it('a network error that lasts: an error row, retried on demand', async () => {
    let down = true;
    const portal = site(['MC-1'], {
      [`${O}/l`]: { text: listPage(['MC-1']) },
      [`${O}/s/MC-1`]: () => (down ? new TypeError('Failed to fetch') : { text: servicePage('MC-1') }),
    });
    const run = engineFor(portal.fetcher);
    await run.engine.run();
    expect(row(run.state, 'MC-1')).toMatchObject({ status: 'error', reason: 'network' });
    expect(auditTotals(run.state).lowerBound).toBe(true);
    down = false;
    await run.engine.retry('MC-1');
    expect(row(run.state, 'MC-1')?.status).toBe('ok');
    expect(auditTotals(run.state).lowerBound).toBe(false);
  });
});

describe('hostile services lists', () => {
  it('a "Suivant" that loops back to a page already read (A → B → C → B): the list ends, each service once', async () => {
    const { state, sent } = await audit(
      ['MC-1', 'MC-2', 'MC-3'],
      {},
      {
        [`${O}/l`]: { text: listPage(['MC-1'], '/l?p=2') },
        [`${O}/l?p=2`]: { text: listPage(['MC-2'], '/l?p=3') },
        [`${O}/l?p=3`]: { text: listPage(['MC-3'], '/l?p=2') },
      },
    );
    expect(state.phase).toBe('done');
    expect(state.services.map((service) => service.ref)).toEqual(['MC-1', 'MC-2', 'MC-3']);
    expect(sent.filter((request) => request.url.includes('/l?p=2'))).toHaveLength(1);
  });

  it('a "Suivant" that keeps repeating the last page under new addresses: the list ends', async () => {
    const portal = site(['MC-1', 'MC-2'], { [`${O}/l`]: { text: listPage(['MC-1'], '/l?p=2') } });
    const base = portal.fetcher;
    const run = engineFor(async (url) => {
      const page = /\/l\?p=(\d+)$/.exec(url);
      if (page)
        return {
          status: 200,
          url,
          text: listPage(['MC-2'], `/l?p=${Number(page[1]) + 1}`),
          retryAfter: null,
        };
      return base(url);
    });
    await run.engine.run();
    expect(run.state.phase).toBe('done');
    expect(run.state.services.map((service) => service.ref)).toEqual(['MC-1', 'MC-2']);
    expect(run.state.listPagesRead).toBeLessThanOrEqual(3);
  });

  it('the same service listed twice (on two pages) is read and counted once', async () => {
    const { state, sent } = await audit(
      ['MC-1', 'MC-2'],
      {},
      {
        [`${O}/l`]: { text: listPage(['MC-1', 'MC-2'], '/l?p=2') },
        [`${O}/l?p=2`]: { text: listPage(['MC-2']) },
      },
    );
    expect(state.services).toHaveLength(2);
    expect(sent.filter((request) => request.url === `${O}/s/MC-2`)).toHaveLength(1);
    expect(auditTotals(state).terminable).toBe(6);
  });

  it('other products in the list are not audited', async () => {
    const { state, sent } = await audit(['MC-1', 'TS-1'], {});
    expect(state.services.map((service) => service.ref)).toEqual(['MC-1']);
    expect(sent.some((request) => request.url.includes('TS-1'))).toBe(false);
  });

  it('columns in another order are read by their headers', async () => {
    const { state } = await audit(
      ['MC-1'],
      {},
      {
        [`${O}/l`]: { text: listPage(['MC-1'], null, '', [...HEAD].reverse()) },
      },
    );
    expect(state.services[0]).toMatchObject({ ref: 'MC-1', name: 'Nom MC-1', client: 'Cl' });
  });

  it('a descriptive column missing (no "Site"): the services are still read, that cell left empty', async () => {
    const headers = HEAD.filter((header) => header !== 'Site');
    const { state } = await audit(
      ['MC-1'],
      {},
      { [`${O}/l`]: { text: listPage(['MC-1'], null, '', headers) } },
    );
    expect(state.phase).toBe('done');
    expect(state.services[0]).toMatchObject({ ref: 'MC-1', site: '' });
  });

  it('a table that cannot be read as the list (no reference column) is not an empty list: the audit pauses', async () => {
    const headers = HEAD.filter((header) => header !== 'Réf. du service');
    const { state } = await audit(
      ['MC-1'],
      {},
      { [`${O}/l`]: { text: listPage(['MC-1'], null, '', headers) } },
    );
    expect(state.phase).toBe('paused');
    expect(state.services).toEqual([]);
  });

  it('an empty list (no table, the list heading) is done with no service', async () => {
    const empty = '<h1>Paramétrage / Monitoring</h1><div role="status">Aucun service ne correspond.</div>';
    const { state } = await audit([], {}, { [`${O}/l`]: { text: empty } });
    expect(state.phase).toBe('done');
    expect(listIncomplete(state)).toBe(false);
  });

  it('a "Suivant" that skips a page ("Page 2 sur 3" then the end): the results say the list is incomplete', async () => {
    const { state } = await audit(
      ['MC-1', 'MC-2'],
      {},
      {
        [`${O}/l`]: { text: listPage(['MC-1'], '/l?p=2', '<p>Page 1 sur 3</p>') },
        [`${O}/l?p=2`]: { text: listPage(['MC-2'], null, '<p>Page 2 sur 3</p>') },
      },
    );
    expect(state.phase).toBe('done');
    expect(listIncomplete(state)).toBe(true);
  });

  it('a list filled by a script (headers, no rows) announcing "12 services": incomplete, not "0 service, done"', async () => {
    const { state } = await audit([], {}, { [`${O}/l`]: { text: listPage([], null, '<p>12 services</p>') } });
    expect(listIncomplete(state)).toBe(true);
  });

  it('a list that grew while the audit ran (a row pushed onto a page already read): incomplete, not silent', async () => {
    const { state } = await audit(
      ['MC-1', 'MC-2', 'MC-3'],
      {},
      {
        [`${O}/l`]: { text: listPage(['MC-1', 'MC-2'], '/l?p=2', '<p>4 services</p>') },
        [`${O}/l?p=2`]: { text: listPage(['MC-3'], null, '<p>4 services</p>') },
      },
    );
    expect(listIncomplete(state)).toBe(true);
  });

  it('a complete list is not flagged', async () => {
    const { state } = await audit(
      ['MC-1', 'MC-2', 'TS-1'],
      {},
      {
        [`${O}/l`]: { text: listPage(['MC-1', 'TS-1'], '/l?p=2', '<p>Page 1 sur 2</p><p>3 services</p>') },
        [`${O}/l?p=2`]: { text: listPage(['MC-2'], null, '<p>Page 2 sur 2</p><p>3 services</p>') },
      },
    );
    expect(listIncomplete(state)).toBe(false);
  });

  it('1 000 services over 40 pages: each read once, none missing, GETs only', async () => {
    const refs = Array.from({ length: 1000 }, (_, index) => `MC-${index + 1}`);
    const pages: Record<string, Answer> = {};
    for (let page = 0; page < 40; page += 1) {
      const url = page === 0 ? `${O}/l` : `${O}/l?p=${page + 1}`;
      pages[url] = {
        text: listPage(refs.slice(page * 25, page * 25 + 25), page < 39 ? `/l?p=${page + 2}` : null),
      };
    }
    const { state, sent } = await audit(refs, {}, pages);
    expect(state.phase).toBe('done');
    expect(Object.keys(state.rows)).toHaveLength(1000);
    expect(auditTotals(state).terminable).toBe(3000);
    expect(new Set(sent.map((request) => request.url)).size).toBe(sent.length);
  }, 60_000);
});
