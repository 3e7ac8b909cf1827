// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CARD_SERVICE } from '../../../mocks/data/scenarios';
import { createPortal } from '../../../mocks/portal';
import { call, countsOf, login, parse, signedIn, snapshot, text } from './helpers';

const REF = CARD_SERVICE.ref;
const FULL = `/services/${REF}/licences/licence-full/resiliation`;

async function terminate(quantity: string | undefined, extra: Record<string, string> = {}) {
  const { portal, cookie } = await signedIn();
  const before = snapshot(portal, REF);
  const form: Record<string, string> = { ...extra };
  if (quantity !== undefined) form.quantity = quantity;
  const response = await call(portal, FULL, { cookie, xhr: true, form });
  return {
    portal,
    cookie,
    before,
    response,
    body: (await response.json()) as { ok: boolean; message: string },
  };
}

describe('termination dialog', () => {
  it('opens like the card: title, souscrite 2, active 1, quantity prefilled 1, Annuler / Confirmer', async () => {
    const { portal, cookie } = await signedIn();
    const doc = parse(await (await call(portal, FULL, { cookie, xhr: true })).text());
    expect(text(doc.querySelector('.modal-title'))).toBe('Résiliation licence full');
    const cells = [...doc.querySelectorAll('tr')].map((row) => text(row));
    expect(cells).toContain('Quantité souscrite 2');
    expect(cells).toContain('Quantité active 1');
    const input = doc.querySelector<HTMLInputElement>('input#termination-quantity');
    expect(text(doc.querySelector('label[for="termination-quantity"]'))).toBe('Quantité à résilier');
    expect(input?.type).toBe('text');
    expect(input?.value).toBe('1');
    expect([...doc.querySelectorAll('button')].map((button) => text(button))).toEqual(
      expect.arrayContaining(['Annuler', 'Confirmer']),
    );
    expect(doc.querySelector<HTMLInputElement>('input[name="openedSubscribed"]')?.value).toBe('2');
    expect(doc.querySelector<HTMLInputElement>('input[name="openedActive"]')?.value).toBe('1');
  });
});

describe('POST termination', () => {
  it('lowers S immediately, records the history, answers a French success', async () => {
    const { portal, response, body } = await terminate('1', { openedSubscribed: '2', openedActive: '1' });
    expect(response.status).toBe(200);
    expect(body).toEqual({ ok: true, message: 'Résiliation enregistrée : 1 licence full résiliée.' });
    expect(countsOf(portal, REF)['Licence full']).toBe('1 / 1');
    const [entry] = portal.store.historyOf(REF);
    expect(entry).toMatchObject({
      action: 'Résiliation',
      licenceLabel: 'Licence full',
      quantity: 1,
      user: 'E-0000012345',
    });
  });

  it.each([
    ['0', 400, 'au moins égale à 1'],
    ['-1', 400, 'au moins égale à 1'],
    ['1.5', 400, 'nombre entier'],
    ['abc', 400, 'nombre entier'],
    ['', 400, 'Veuillez saisir'],
    [undefined, 400, 'Veuillez saisir'],
    ['2', 400, 'ne peut pas dépasser 1'],
  ])('refuses quantity %j (%i, French message) and changes nothing', async (quantity, status, message) => {
    const { portal, before, response, body } = await terminate(quantity);
    expect(response.status).toBe(status);
    expect(body.ok).toBe(false);
    expect(body.message).toContain(message);
    expect(snapshot(portal, REF)).toBe(before);
  });

  it('accepts " 1 " (spaces around the number are ignored)', async () => {
    const { portal, response } = await terminate(' 1 ');
    expect(response.status).toBe(200);
    expect(countsOf(portal, REF)['Licence full']).toBe('1 / 1');
  });

  it('refuses a licence whose every unit is held by an SDA (409) and changes nothing', async () => {
    const { portal, cookie } = await signedIn();
    const before = snapshot(portal, REF);
    const response = await call(portal, `/services/${REF}/licences/licence-simple/resiliation`, {
      cookie,
      xhr: true,
      form: { quantity: '1' },
    });
    expect(response.status).toBe(409);
    expect((await response.json()).message).toMatch(/associée à un numéro \(SDA\)/);
    expect(snapshot(portal, REF)).toBe(before);
  });

  it.each([
    [`/services/${REF}/licences/licence-inexistante/resiliation`, 'Type de licence inconnu'],
    ['/services/MC-999999/licences/licence-full/resiliation', 'Service introuvable'],
    ['/services/TS-000201/licences/licence-full/resiliation', 'Type de licence inconnu'],
  ])('answers 404 for %s and changes nothing', async (path, message) => {
    const { portal, cookie } = await signedIn();
    const before = snapshot(portal, REF);
    const response = await call(portal, path, { cookie, xhr: true, form: { quantity: '1' } });
    expect(response.status).toBe(404);
    expect((await response.json()).message).toContain(message);
    expect(snapshot(portal, REF)).toBe(before);
  });

  it('answers 401 without a session and changes nothing', async () => {
    const portal = createPortal();
    const before = snapshot(portal, REF);
    const response = await call(portal, FULL, { xhr: true, form: { quantity: '1' } });
    expect(response.status).toBe(401);
    expect((await response.json()).message).toMatch(/reconnecter/);
    expect(snapshot(portal, REF)).toBe(before);
  });

  it('refuses a confirmation opened with other quantities (409) and changes nothing', async () => {
    const { portal, before, response, body } = await terminate('1', {
      openedSubscribed: '3',
      openedActive: '1',
    });
    expect(response.status).toBe(409);
    expect(body.message).toMatch(/ont changé/);
    expect(snapshot(portal, REF)).toBe(before);
  });

  it('two racing terminations cannot overshoot, even with latency: the second gets 409', async () => {
    const { portal, cookie } = await signedIn('mixte');
    portal.setFaults({ latencyMs: 30 });
    const path = '/services/MC-000204/licences/licence-full/resiliation';
    const form = { quantity: '2', openedSubscribed: '3', openedActive: '0' };
    const responses = await Promise.all([
      call(portal, path, { cookie, xhr: true, form }),
      call(portal, path, { cookie, xhr: true, form }),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(portal.store.licenceCount('MC-000204', 'licence-full')).toMatchObject({
      active: 0,
      subscribed: 1,
    });
    expect(portal.store.historyOf('MC-000204')).toHaveLength(1);
  });

  it('racing without the opened-with fields is still capped by S − A', async () => {
    const { portal, cookie } = await signedIn('mixte');
    portal.setFaults({ latencyMs: 20 });
    const path = '/services/MC-000204/licences/licence-full/resiliation';
    const responses = await Promise.all(
      [1, 2, 3].map(() => call(portal, path, { cookie, xhr: true, form: { quantity: '2' } })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 400, 400]);
    expect(portal.store.licenceCount('MC-000204', 'licence-full')?.subscribed).toBe(1);
  });

  it('a plain form POST (no XHR) redirects to the Détails tab on success, French error page otherwise', async () => {
    const portal = createPortal();
    const cookie = await login(portal);
    const refused = await call(portal, FULL, { cookie, form: { quantity: '9' } });
    expect(refused.status).toBe(400);
    expect(text(parse(await refused.text()).querySelector('[role="alert"]'))).toContain(
      'ne peut pas dépasser 1',
    );
    const done = await call(portal, FULL, { cookie, form: { quantity: '1' } });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/services/${REF}?tab=details`);
  });
});
