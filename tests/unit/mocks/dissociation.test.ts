// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CARD_SERVICE } from '../../../mocks/data/scenarios';
import { createPortal } from '../../../mocks/portal';
import { call, countsOf, parse, signedIn, snapshot, text } from './helpers';

const REF = CARD_SERVICE.ref;
const dissociate = (number: string) => `/services/${REF}/numeros/${number}/dissociation`;

describe('Numéros pane', () => {
  it('lists the seven SDAs written in pairs, with user, licence and a Dissocier action', async () => {
    const { portal, cookie } = await signedIn();
    const doc = parse(await (await call(portal, `/services/${REF}/numeros`, { cookie, xhr: true })).text());
    expect([...doc.querySelectorAll('thead th')].map((cell) => text(cell))).toEqual([
      'Numéro',
      'Utilisateur',
      'Licence',
      'Action',
    ]);
    const rows = [...doc.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(7);
    expect(text(rows[0])).toBe('01 84 78 78 80 Accueil Licence simple Dissocier');
  });

  it('paginates and filters the big scenario', async () => {
    const { portal, cookie } = await signedIn('grand-compte');
    const first = parse(
      await (await call(portal, '/services/MC-900000/numeros', { cookie, xhr: true })).text(),
    );
    expect(first.querySelectorAll('tbody tr')).toHaveLength(25);
    expect(text(first.querySelector('.pager-status'))).toBe('Page 1 sur 13');
    const number = portal.store.sdasOf('MC-900000')[30]?.number ?? '';
    const spaced = number.replace(/(\d{2})(?=\d)/g, '$1 ');
    const found = parse(
      await (
        await call(portal, `/services/MC-900000/numeros?q=${encodeURIComponent(spaced)}`, {
          cookie,
          xhr: true,
        })
      ).text(),
    );
    expect([...found.querySelectorAll('tbody tr')].map((row) => text(row.querySelector('td')))).toEqual([
      spaced,
    ]);
    const none = parse(
      await (await call(portal, '/services/MC-900000/numeros?q=zzzz', { cookie, xhr: true })).text(),
    );
    expect(text(none.querySelector('[role="status"]'))).toBe('Aucun numéro ne correspond à votre recherche.');
  });
});

describe('POST dissociation', () => {
  it('lowers A by one, keeps S, records the history, answers in French', async () => {
    const { portal, cookie } = await signedIn();
    const response = await call(portal, dissociate('0184787881'), { cookie, xhr: true, form: {} });
    expect(response.status).toBe(200);
    expect((await response.json()).message).toBe('Numéro 01 84 78 78 81 dissocié de la licence full.');
    expect(countsOf(portal, REF)['Licence full']).toBe('0 / 2');
    expect(portal.store.historyOf(REF)[0]).toMatchObject({
      action: 'Dissociation',
      licenceLabel: 'Licence full',
      number: '0184787881',
      quantity: 1,
    });
  });

  it('then makes the licence terminable', async () => {
    const { portal, cookie } = await signedIn();
    await call(portal, dissociate('0184787880'), { cookie, xhr: true, form: {} });
    const response = await call(portal, `/services/${REF}/licences/licence-simple/resiliation`, {
      cookie,
      xhr: true,
      form: { quantity: '1' },
    });
    expect(response.status).toBe(200);
    expect(countsOf(portal, REF)['Licence simple']).toBe('0 / 0');
  });

  it.each([
    ['0999999999', 404, 'n’existe pas'],
    ['abc', 404, 'n’existe pas'],
  ])('refuses %s (%i) and changes nothing', async (number, status, message) => {
    const { portal, cookie } = await signedIn();
    const before = snapshot(portal, REF);
    const response = await call(portal, dissociate(number), { cookie, xhr: true, form: {} });
    expect(response.status).toBe(status);
    expect((await response.json()).message).toContain(message);
    expect(snapshot(portal, REF)).toBe(before);
  });

  it('refuses a second dissociation of the same number (409), unknown service (404), no session (401)', async () => {
    const { portal, cookie } = await signedIn();
    await call(portal, dissociate('0184787880'), { cookie, xhr: true, form: {} });
    const before = snapshot(portal, REF);
    const again = await call(portal, dissociate('0184787880'), { cookie, xhr: true, form: {} });
    expect(again.status).toBe(409);
    const unknown = await call(portal, '/services/MC-999999/numeros/0184787881/dissociation', {
      cookie,
      xhr: true,
      form: {},
    });
    expect(unknown.status).toBe(404);
    const anonymous = await call(createPortal(), dissociate('0184787881'), { xhr: true, form: {} });
    expect(anonymous.status).toBe(401);
    expect(snapshot(portal, REF)).toBe(before);
  });
});
