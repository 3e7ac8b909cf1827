// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { AuditEngine } from '../../../lib/audit/engine';
import { DEFAULT_POLITE, type Fetcher, PoliteClient } from '../../../lib/audit/scheduler';
import { type AuditState, newAuditState } from '../../../lib/audit/types';
import type { Portal, ScenarioName } from '../../../mocks/portal';
import { login, signedIn } from '../mocks/helpers';
import { fakeClock, mockFetcher, ORIGIN, parse, type Sent, tabFetcher } from './support';

interface Run {
  portal: Portal;
  session: { cookie: string };
  sent: Sent[];
  state: AuditState;
  engine: AuditEngine;
}

async function setUp(
  scenario: ScenarioName,
  startPath = '/services?type=MetaCentrex',
  wrap: (fetcher: Fetcher, portal: Portal, session: { cookie: string }) => Fetcher = (fetcher) => fetcher,
): Promise<Run> {
  const { portal, cookie } = await signedIn(scenario);
  const session = { cookie };
  const sent: Sent[] = [];
  const client = new PoliteClient(
    wrap(mockFetcher(portal, session, sent), portal, session),
    { ...DEFAULT_POLITE, requestsPerSecond: 0, backoffMs: 1 },
    fakeClock(),
  );
  const state = newAuditState(ORIGIN, `${ORIGIN}${startPath}`, 0);
  const engine = new AuditEngine(state, { client, parse, now: () => Date.now(), onChange: () => undefined });
  return { portal, session, sent, state, engine };
}

/** What the Détails tab of each MetaCentrex service shows, from the mock's data. */
function expected(portal: Portal) {
  const services = portal.store.listServices({ type: 'MetaCentrex' }, 1, 100_000).items;
  return Object.fromEntries(
    services.map((service) => [
      service.ref,
      portal.store.licenceCounts(service.ref).map((row) => ({
        label: row.type.label,
        subscribed: row.subscribed,
        active: row.active,
        terminable: row.subscribed - row.active,
      })),
    ]),
  );
}

function audited(state: AuditState) {
  return Object.fromEntries(
    state.services.map((service) => [
      service.ref,
      state.rows[service.ref]?.licences.map(({ label, subscribed, active, terminable }) => ({
        label,
        subscribed,
        active,
        terminable,
      })),
    ]),
  );
}

describe('the audit engine on the mocked portal', () => {
  it.each(['carte', 'mixte'] as const)(
    '%s: every MetaCentrex service, every number as the mock has it',
    async (scenario) => {
      const run = await setUp(scenario);
      await run.engine.run();
      expect(run.state.phase).toBe('done');
      expect(audited(run.state)).toEqual(expected(run.portal));
      expect(Object.values(run.state.rows).every((row) => row.status === 'ok')).toBe(true);
      expect(run.sent.every((request) => request.method === 'GET')).toBe(true);
    },
  );

  it('starting from the unfiltered list, other service types are skipped', async () => {
    const run = await setUp('mixte', '/services');
    await run.engine.run();
    expect(Object.keys(audited(run.state)).sort()).toEqual(Object.keys(expected(run.portal)).sort());
  });

  it('grand-compte, a 200-service slice over several pages: each once, none missing, totals right', async () => {
    const run = await setUp('grand-compte', '/services?type=MetaCentrex&client=Dupont');
    const want = expected(run.portal);
    const slice = run.portal.store.listServices({ type: 'MetaCentrex', client: 'Dupont' }, 1, 100_000).items;
    expect(slice.length).toBeGreaterThan(50);
    await run.engine.run();
    expect(run.state.phase).toBe('done');
    expect(run.state.services.map((service) => service.ref)).toEqual(slice.map((service) => service.ref));
    expect(run.state.listPagesRead).toBe(Math.ceil(slice.length / 25));
    for (const service of slice) expect(audited(run.state)[service.ref]).toEqual(want[service.ref]);
    const terminable = slice.reduce(
      (sum, service) =>
        sum + (want[service.ref] ?? []).reduce((total, licence) => total + licence.terminable, 0),
      0,
    );
    expect(Object.values(run.state.rows).reduce((sum, row) => sum + row.terminable, 0)).toBe(terminable);
  }, 60_000);

  it('a 500 on one service: its row is an error, the rest goes on, and a retry reads it', async () => {
    const run = await setUp('mixte');
    run.portal.setFaults({ serviceError: 'MC-000202' });
    await run.engine.run();
    expect(run.state.phase).toBe('done');
    expect(run.state.rows['MC-000202']).toMatchObject({ status: 'error', reason: 'server', httpStatus: 500 });
    expect(Object.values(run.state.rows).filter((row) => row.status === 'ok')).toHaveLength(
      run.state.services.length - 1,
    );
    run.portal.setFaults({ serviceError: '' });
    await run.engine.retry('MC-000202');
    expect(run.state.phase).toBe('done');
    expect(run.state.rows['MC-000202']?.status).toBe('ok');
    expect(audited(run.state)).toEqual(expected(run.portal));
  });

  it('a service sent in windows-1252 (page by <meta>, Détails by header) reads as every other, through the tab’s GET', async () => {
    const run = await setUp('mixte', undefined, (_fetcher, portal, session) => tabFetcher(portal, session));
    run.portal.setFaults({ serviceWindows1252: 'MC-000202' });
    await run.engine.run();
    expect(run.state.phase).toBe('done');
    expect(run.state.rows['MC-000202']?.status).toBe('ok');
    expect(audited(run.state)).toEqual(expected(run.portal));
  });

  it('429 with Retry-After: waits and retries, nothing lost', async () => {
    const run = await setUp('carte');
    run.portal.setFaults({ throttleRequests: 2 });
    await run.engine.run();
    expect(run.state.phase).toBe('done');
    expect(audited(run.state)).toEqual(expected(run.portal));
  });

  it('a dropped connection that lasts: that row is an error (network); a brief one is retried', async () => {
    let drops = 0;
    const run = await setUp('mixte', undefined, (fetcher) => async (url, signal) => {
      if (url.endsWith('/MC-000204')) throw new TypeError('Failed to fetch');
      if (url.endsWith('/MC-000201/details') && drops++ === 0) throw new TypeError('Failed to fetch');
      return fetcher(url, signal);
    });
    await run.engine.run();
    expect(run.state.rows['MC-000204']).toMatchObject({ status: 'error', reason: 'network' });
    expect(run.state.rows['MC-000201']?.status).toBe('ok');
  });

  it('malformed Détails: the row is unknown with the Détails tab’s reason, the readable licences still counted', async () => {
    const run = await setUp('carte');
    run.portal.setFaults({ malformedDetails: true });
    await run.engine.run();
    const row = run.state.rows['MC-000123'];
    expect(row?.status).toBe('unknown');
    expect(row?.reason).toBe('not-a-number');
    expect(
      row?.licences.map((licence) => licence.state === 'unknown' && licence.reason).filter(Boolean),
    ).toEqual(['not-a-number', 'missing']);
  });

  it('session expiring mid-way: pauses (session), then after a new login resumes with no service twice and none missing', async () => {
    let requests = 0;
    const run = await setUp(
      'grand-compte',
      '/services?type=MetaCentrex&client=Garage%20Martin',
      (fetcher, portal) => async (url, signal) => {
        requests += 1;
        if (requests === 12) portal.setFaults({ sessionExpired: true });
        return fetcher(url, signal);
      },
    );
    await run.engine.run();
    expect(run.state.phase).toBe('paused');
    expect(run.state.pauseReason).toBe('session');
    const before = Object.keys(run.state.rows).length;
    expect(before).toBeGreaterThan(3);
    run.session.cookie = await login(run.portal);
    await run.engine.run();
    expect(run.state.phase).toBe('done');
    const slice = run.portal.store.listServices(
      { type: 'MetaCentrex', client: 'Garage Martin' },
      1,
      100_000,
    ).items;
    expect(run.state.services.map((service) => service.ref)).toEqual(slice.map((service) => service.ref));
    expect(Object.values(run.state.rows).every((row) => row.status === 'ok')).toBe(true);
    // Each Détails content was read once after the first login, once after the second, never twice in all.
    const detailsReads = run.sent
      .filter((request) => request.url.endsWith('/details'))
      .map((request) => request.url);
    const twice = detailsReads.filter((url, index) => detailsReads.indexOf(url) !== index);
    expect(twice.length).toBeLessThanOrEqual(2); // at most the requests in flight when the session ended
    expect(audited(run.state)).toEqual(
      Object.fromEntries(slice.map((service) => [service.ref, expected(run.portal)[service.ref]])),
    );
  });

  it('pause keeps what was read; resume goes on from there', async () => {
    let requests = 0;
    let engine: AuditEngine | undefined;
    const run = await setUp(
      'grand-compte',
      '/services?type=MetaCentrex&client=Atelier%20Petit',
      (fetcher) => async (url, signal) => {
        requests += 1;
        if (requests === 8) engine?.pause();
        return fetcher(url, signal);
      },
    );
    engine = run.engine;
    await run.engine.run();
    expect(run.state.phase).toBe('paused');
    expect(run.state.pauseReason).toBe('user');
    const read = { ...run.state.rows };
    await run.engine.run();
    expect(run.state.phase).toBe('done');
    for (const [ref, row] of Object.entries(read)) expect(run.state.rows[ref]).toEqual(row);
    expect(Object.keys(run.state.rows)).toHaveLength(run.state.services.length);
  });

  it('our own work is off the requests’ path: a request is in flight while an answer is parsed, never more than 2', async () => {
    let inFlight = 0;
    let most = 0;
    const inFlightWhileParsing: number[] = [];
    const { portal, cookie } = await signedIn('grand-compte');
    const inner = mockFetcher(portal, { cookie });
    const client = new PoliteClient(
      async (url, signal) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, 3)); // the network's time
          return await inner(url, signal);
        } finally {
          inFlight -= 1;
        }
      },
      { ...DEFAULT_POLITE, requestsPerSecond: 0 },
      fakeClock(),
    );
    const state = newAuditState(ORIGIN, `${ORIGIN}/services?type=MetaCentrex&client=Atelier%20Petit`, 0);
    const engine = new AuditEngine(state, {
      client,
      parse: (markup) => {
        inFlightWhileParsing.push(inFlight);
        return parse(markup);
      },
      now: () => Date.now(),
      onChange: () => undefined,
    });
    await engine.run();
    expect(state.phase).toBe('done');
    expect(most).toBe(2);
    // With one worker per slot, an answer being parsed has given its slot back and nobody takes it.
    const busy = inFlightWhileParsing.filter((count) => count === 2).length;
    expect(busy).toBeGreaterThan(inFlightWhileParsing.length / 4);
  });

  it('after a pause no new service is asked for, even one queued for a slot before it', async () => {
    const held: { url: string; afterPause: boolean; release: () => void }[] = [];
    let paused = false;
    const run = await setUp(
      'grand-compte',
      '/services?type=MetaCentrex&client=Atelier%20Petit',
      (fetcher) => async (url, signal) => {
        await new Promise<void>((release) => held.push({ url, afterPause: paused, release }));
        return fetcher(url, signal);
      },
    );
    const settled = () => new Promise((resolve) => setTimeout(resolve, 20));
    const running = run.engine.run();
    await settled();
    held[0]?.release(); // the list page
    await settled();
    // Two service pages in flight, the third worker's request queued for a slot.
    expect(held.filter((request) => request.url.includes('/services/'))).toHaveLength(2);
    paused = true;
    run.engine.pause();
    for (let at = 1; at < held.length || at < 8; at += 1) {
      held[at]?.release();
      await settled();
    }
    await running;
    expect(run.state.phase).toBe('paused');
    // Only the Détails content of a service whose page was asked for before the pause may follow it.
    const before = held.filter((request) => !request.afterPause).map((request) => request.url);
    for (const request of held.filter((entry) => entry.afterPause)) {
      expect(
        before.some((url) => request.url.startsWith(url) && request.url !== url),
        request.url,
      ).toBe(true);
    }
    const resumed = run.engine.run();
    const releaseAll = setInterval(() => {
      for (const request of held) request.release();
    }, 5);
    await resumed;
    clearInterval(releaseAll);
    expect(run.state.phase).toBe('done');
    expect(Object.keys(run.state.rows)).toHaveLength(run.state.services.length);
  });

  it('cancel stops at once and keeps what was read', async () => {
    let requests = 0;
    let engine: AuditEngine | undefined;
    const run = await setUp(
      'grand-compte',
      '/services?type=MetaCentrex',
      (fetcher) => async (url, signal) => {
        requests += 1;
        if (requests === 15) void engine?.cancel();
        return fetcher(url, signal);
      },
    );
    engine = run.engine;
    await run.engine.run();
    expect(run.state.phase).toBe('cancelled');
    expect(requests).toBeLessThan(20);
    await run.engine.run();
    expect(requests).toBeLessThan(20);
  });
});
