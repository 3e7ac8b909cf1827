// @vitest-environment node
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CARD_SERVICE, SCENARIOS } from '../../../mocks/data/scenarios';
import { SERVER_ERROR_MESSAGE } from '../../../mocks/handlers/action-handlers';
import { encodeWindows1252 } from '../../../mocks/html/windows-1252';
import { createPortal } from '../../../mocks/portal';
import { call, login, ORIGIN, parse, signedIn, snapshot, text } from './helpers';

const REF = CARD_SERVICE.ref;
const FULL = `/services/${REF}/licences/licence-full/resiliation`;

describe('faults', () => {
  it('latencyMs delays pages and XHRs, not assets nor control endpoints', async () => {
    const { portal, cookie } = await signedIn();
    portal.setFaults({ latencyMs: 120 });
    let start = performance.now();
    await call(portal, `/services/${REF}/details`, { cookie, xhr: true });
    expect(performance.now() - start).toBeGreaterThanOrEqual(110);
    start = performance.now();
    await call(portal, '/__mock/state');
    await call(portal, '/assets/portal.css');
    expect(performance.now() - start).toBeLessThan(100);
  });

  it('terminationError: 500 with a French message (JSON for XHR, page otherwise), nothing changed', async () => {
    const { portal, cookie } = await signedIn();
    portal.setFaults({ terminationError: true });
    const before = snapshot(portal, REF);
    const xhr = await call(portal, FULL, { cookie, xhr: true, form: { quantity: '1' } });
    expect(xhr.status).toBe(500);
    expect(await xhr.json()).toEqual({ ok: false, message: SERVER_ERROR_MESSAGE });
    const form = await call(portal, FULL, { cookie, form: { quantity: '1' } });
    expect(form.status).toBe(500);
    expect(text(parse(await form.text()).querySelector('[role="alert"]'))).toContain('erreur technique');
    expect(snapshot(portal, REF)).toBe(before);
  });

  it('dropConnection: the termination is a network error, nothing changed', async () => {
    const { portal, cookie } = await signedIn();
    portal.setFaults({ dropConnection: true });
    const before = snapshot(portal, REF);
    const response = await call(portal, FULL, { cookie, xhr: true, form: { quantity: '1' } });
    expect(response.type).toBe('error');
    expect(snapshot(portal, REF)).toBe(before);
    portal.setFaults({ dropConnection: false });
    expect((await call(portal, FULL, { cookie, xhr: true, form: { quantity: '1' } })).status).toBe(200);
  });

  it('sessionExpired: the next protected request finds the session gone, then the fault is off', async () => {
    const { portal, cookie } = await signedIn();
    portal.setFaults({ sessionExpired: true });
    const before = snapshot(portal, REF);
    const response = await call(portal, FULL, { cookie, xhr: true, form: { quantity: '1' } });
    expect(response.status).toBe(401);
    expect(snapshot(portal, REF)).toBe(before);
    expect(portal.faults.sessionExpired).toBe(false);
    expect((await call(portal, '/services', { cookie })).status).toBe(302);
    const fresh = await login(portal);
    expect((await call(portal, '/services', { cookie: fresh })).status).toBe(200);
  });

  it('malformedDetails: x / 2, a missing count and a row without label; the other rows still work', async () => {
    const { portal, cookie } = await signedIn();
    portal.setFaults({ malformedDetails: true });
    const doc = parse(await (await call(portal, `/services/${REF}/details`, { cookie, xhr: true })).text());
    const rows = [...doc.querySelectorAll('.licences-panel tbody tr')];
    expect(rows).toHaveLength(9);
    expect(text(rows[1]?.querySelector('.js-copyable-content'))).toBe('x / 2');
    expect(rows[3]?.querySelector('.js-copyable-content')).toBeNull();
    expect(text(rows[8]?.querySelector('td'))).toBe('');
    expect(text(rows[8]?.querySelector('.js-copyable-content'))).toBe('1 / 1');
    // The data is intact: terminating still works and is checked against the real counts.
    expect((await call(portal, FULL, { cookie, xhr: true, form: { quantity: '1' } })).status).toBe(200);
  });
});

describe('control endpoints', () => {
  it('GET /__mock/state describes scenario, scenarios, faults and sizes', async () => {
    const state = await (await call(createPortal(), '/__mock/state')).json();
    expect(state.scenario).toBe('carte');
    expect(state.scenarios).toHaveLength(5);
    expect(state.faults).toEqual({
      latencyMs: 0,
      terminationError: false,
      dropConnection: false,
      sessionExpired: false,
      malformedDetails: false,
      serviceError: '',
      serviceDrop: '',
      serviceWindows1252: '',
      throttleRequests: 0,
    });
    expect(state.counts).toEqual({ services: 7, sdas: 7, history: 0 });
  });

  it('POST /__mock/scenario switches data without a restart; the session survives', async () => {
    const { portal, cookie } = await signedIn();
    const state = await (await call(portal, '/__mock/scenario', { json: { name: 'vide' } })).json();
    expect(state.scenario).toBe('vide');
    const doc = parse(await (await call(portal, '/services', { cookie })).text());
    expect(text(doc.querySelector('[role="status"]'))).toBe('Aucun service ne correspond à votre recherche.');
  });

  it.each([{ name: 'inconnu' }, {}, 'carte'])(
    'POST /__mock/scenario refuses %j with 400, nothing changed',
    async (body) => {
      const portal = createPortal();
      const response = await call(portal, '/__mock/scenario', { json: body });
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(/Scénario inconnu/);
      expect(portal.store.scenario).toBe('carte');
    },
  );

  it('POST /__mock/faults merges a partial patch and answers the new state', async () => {
    const portal = createPortal();
    await call(portal, '/__mock/faults', { json: { latencyMs: 250 } });
    const state = await (await call(portal, '/__mock/faults', { json: { malformedDetails: true } })).json();
    expect(state.faults).toMatchObject({ latencyMs: 250, malformedDetails: true, terminationError: false });
  });

  it.each([
    [{ latencyMs: -1 }, 'latencyMs'],
    [{ latencyMs: 'lent' }, 'latencyMs'],
    [{ dropConnection: 'oui' }, 'true ou false'],
    [{ panne: true }, 'Panne inconnue'],
    [[1], 'objet'],
  ])('POST /__mock/faults refuses %j with a French 400, nothing changed', async (body, message) => {
    const portal = createPortal();
    const response = await call(portal, '/__mock/faults', { json: body });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain(message);
    expect(portal.faults.latencyMs).toBe(0);
    expect(portal.faults.dropConnection).toBe(false);
  });

  it('POST /__mock/reset restores the data and switches faults off', async () => {
    const { portal, cookie } = await signedIn();
    await call(portal, FULL, { cookie, xhr: true, form: { quantity: '1' } });
    portal.setFaults({ terminationError: true });
    const state = await (await call(portal, '/__mock/reset', { json: {} })).json();
    expect(state.faults.terminationError).toBe(false);
    expect(state.counts.history).toBe(0);
    expect(portal.store.licenceCount(REF, 'licence-full')).toMatchObject({ active: 1, subscribed: 2 });
  });
});

describe('demo panel and handler overrides', () => {
  it('is on every page, marked as the mock’s own, and hidden with ?demoPanel=0 (remembered by a cookie)', async () => {
    const { portal, cookie } = await signedIn();
    const label = 'Panneau de démonstration — portail simulé';
    const shown = parse(await (await call(portal, '/services', { cookie })).text());
    expect(shown.querySelector('aside')?.getAttribute('aria-label')).toBe(label);
    const hidden = await call(portal, '/services?demoPanel=0', { cookie });
    expect(parse(await hidden.text()).querySelector('aside')).toBeNull();
    const remembered = hidden.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const next = await call(portal, '/services', { cookie: `${cookie}; ${remembered}` });
    expect(parse(await next.text()).querySelector('aside')).toBeNull();
  });

  it('shows the current scenario’s description under the list, and every description with its option', async () => {
    const { portal, cookie } = await signedIn();
    const page = parse(await (await call(portal, '/services', { cookie })).text());
    const select = page.querySelector('#mock-scenario');
    const description = page.getElementById(select?.getAttribute('aria-describedby') ?? '');
    expect(description?.tagName).toBe('P');
    expect(description?.textContent).toBe(
      SCENARIOS.find((scenario) => scenario.name === 'carte')?.description,
    );
    const options = [...(select?.querySelectorAll('option') ?? [])];
    expect(options.map((option) => option.getAttribute('data-description'))).toEqual(
      SCENARIOS.map((scenario) => scenario.description),
    );
  });

  it('use() prepends an override, resetHandlers() removes it', async () => {
    const { http, HttpResponse } = await import('msw');
    const portal = createPortal();
    portal.use(http.get('*/__mock/state', () => HttpResponse.json({ overridden: true })));
    const request = () => new Request(`${ORIGIN}/__mock/state`);
    expect(await (await getResponse(portal.handlers, request()))?.json()).toEqual({ overridden: true });
    portal.resetHandlers();
    expect(await (await getResponse(portal.handlers, request()))?.json()).toMatchObject({
      scenario: 'carte',
    });
  });
});

describe('audit faults', () => {
  it('serviceError: that service answers 500 (page and panes), the others do not', async () => {
    const { portal, cookie } = await signedIn();
    portal.setFaults({ serviceError: 'MC-000123' });
    expect((await call(portal, '/services/MC-000123', { cookie })).status).toBe(500);
    expect((await call(portal, '/services/MC-000123/details', { cookie })).status).toBe(500);
    expect((await call(portal, '/services', { cookie })).status).toBe(200);
  });

  it('serviceDrop: that service gets a network error', async () => {
    const { portal, cookie } = await signedIn();
    portal.setFaults({ serviceDrop: 'MC-000123' });
    const response = await getResponse(
      portal.handlers,
      new Request(`${ORIGIN}/services/MC-000123/details`, { headers: { cookie } }),
    );
    expect(response?.type).toBe('error');
  });

  it('serviceWindows1252: that service’s page says so in its <meta> only, its panes in their header', async () => {
    const { portal, cookie } = await signedIn();
    portal.setFaults({ serviceWindows1252: REF });
    const page = await call(portal, `/services/${REF}`, { cookie });
    expect(page.headers.get('content-type')).toBe('text/html');
    const pageBytes = new Uint8Array(await page.arrayBuffer());
    const pageText = new TextDecoder('windows-1252').decode(pageBytes);
    expect(pageText).toContain('<meta charset="windows-1252">');
    expect(pageText).toContain('Détails');
    expect(pageBytes).toContain(0xe9); // é, one byte
    const pane = await call(portal, `/services/${REF}/details`, { cookie, xhr: true });
    expect(pane.headers.get('content-type')).toBe('text/html; charset=windows-1252');
    expect(new TextDecoder('windows-1252').decode(await pane.arrayBuffer())).toContain('Nombre de licences');
    const other = await call(portal, '/services', { cookie });
    expect(other.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('windows-1252 as sent: the moved characters in one byte, the others as character references', () => {
    expect([...encodeWindows1252('é’€œ a')]).toEqual([0xe9, 0x92, 0x80, 0x9c, 0x20, 0x61]);
    expect(new TextDecoder('ascii').decode(encodeWindows1252('ⓘ →'))).toBe('&#9432; &#8594;');
  });

  it('throttleRequests: the next N requests answer 429 with Retry-After, then normal answers', async () => {
    const { portal, cookie } = await signedIn();
    portal.setFaults({ throttleRequests: 2 });
    const first = await call(portal, '/services', { cookie });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect((await call(portal, '/services', { cookie })).status).toBe(429);
    expect((await call(portal, '/services', { cookie })).status).toBe(200);
  });

  it('POST /__mock/faults takes both, and refuses bad values', async () => {
    const portal = createPortal();
    const state = await (
      await call(portal, '/__mock/faults', { json: { serviceError: 'MC-1', throttleRequests: 3 } })
    ).json();
    expect(state.faults).toMatchObject({ serviceError: 'MC-1', throttleRequests: 3 });
    expect((await call(portal, '/__mock/faults', { json: { throttleRequests: -1 } })).status).toBe(400);
  });
});
