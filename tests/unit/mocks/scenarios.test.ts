// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BIG_SERVICE, GRAND_COMPTE_SIZES } from '../../../mocks/data/grand-compte';
import { KNOWN_LICENCE_TYPES } from '../../../mocks/data/licence-types';
import { buildScenario, CARD_SERVICE, SCENARIO_NAMES, SCENARIOS } from '../../../mocks/data/scenarios';
import { PortalStore } from '../../../mocks/data/store';

describe('scenarios', () => {
  it('lists the five names, each with a French description', () => {
    expect(SCENARIO_NAMES).toEqual(['carte', 'mixte', 'tout-lie', 'vide', 'grand-compte']);
    for (const scenario of SCENARIOS) expect(scenario.description.length).toBeGreaterThan(10);
  });

  it('carte: exactly the card values, in the card order, with one SDA per active licence', () => {
    const store = new PortalStore('carte');
    const rows = store
      .licenceCounts(CARD_SERVICE.ref)
      .map((row) => [row.type.label, `${row.active} / ${row.subscribed}`]);
    expect(rows).toEqual([
      ['Licence simple', '1 / 1'],
      ['Licence full', '1 / 2'],
      ['Licence full avancée', '0 / 0'],
      ['Licence full meeting', '1 / 1'],
      ['Licence full meeting avancée', '1 / 1'],
      ['Licence full conferencing', '1 / 1'],
      ['Licence fax entreprise', '1 / 1'],
      ['Licence SVI', '1 / 1'],
    ]);
    expect(store.sdasOf(CARD_SERVICE.ref)).toHaveLength(7);
    const metacentrex = store.listServices({ type: 'MetaCentrex' }, 1, 100);
    expect(metacentrex.items.map((service) => service.ref)).toEqual([CARD_SERVICE.ref]);
    expect(store.listServices({}, 1, 100).total).toBeGreaterThan(3);
  });

  it('mixte: terminable, SDA-linked, 0 / 0 and an unknown licence type', () => {
    const store = new PortalStore('mixte');
    const all = store
      .listServices({ type: 'MetaCentrex' }, 1, 100)
      .items.flatMap((service) => store.licenceCounts(service.ref));
    expect(all.some((row) => row.subscribed - row.active > 0)).toBe(true);
    expect(all.some((row) => row.active > 0 && row.active === row.subscribed)).toBe(true);
    expect(all.some((row) => row.subscribed === 0)).toBe(true);
    expect(all.some((row) => row.type.label === 'Licence opérateur')).toBe(true);
  });

  it('tout-lie: every subscribed licence is held by an SDA', () => {
    const store = new PortalStore('tout-lie');
    const all = store
      .listServices({ type: 'MetaCentrex' }, 1, 100)
      .items.flatMap((service) => store.licenceCounts(service.ref));
    expect(all.length).toBeGreaterThan(0);
    for (const row of all) expect(row.active).toBe(row.subscribed);
  });

  it('vide: no service', () => {
    expect(new PortalStore('vide').listServices({}, 1, 25).total).toBe(0);
  });

  it('grand-compte: at least 2,000 services and 5,000 SDAs, one service with hundreds', () => {
    const data = buildScenario('grand-compte');
    expect(data.services.length).toBeGreaterThanOrEqual(GRAND_COMPTE_SIZES.services);
    expect(data.sdas.length).toBeGreaterThanOrEqual(GRAND_COMPTE_SIZES.minSdas);
    expect(data.sdas.filter((sda) => sda.serviceRef === BIG_SERVICE.ref)).toHaveLength(
      GRAND_COMPTE_SIZES.bigServiceSdas,
    );
  });

  it.each(SCENARIO_NAMES)('%s: A ≤ S everywhere, unique refs and numbers, SDAs on known services', (name) => {
    const data = buildScenario(name);
    const store = new PortalStore(name);
    expect(new Set(data.services.map((service) => service.ref)).size).toBe(data.services.length);
    expect(new Set(data.sdas.map((sda) => sda.number)).size).toBe(data.sdas.length);
    for (const sda of data.sdas) {
      expect(store.getService(sda.serviceRef)?.type).toBe('MetaCentrex');
      expect(sda.number).toMatch(/^0[1-59]\d{8}$/);
    }
    for (const service of data.services) {
      const rows = store.licenceCounts(service.ref);
      if (service.type === 'MetaCentrex') {
        expect(rows.slice(0, 8).map((row) => row.type)).toEqual(KNOWN_LICENCE_TYPES);
      }
      for (const row of rows) {
        expect(row.active).toBeGreaterThanOrEqual(0);
        expect(row.active).toBeLessThanOrEqual(row.subscribed);
      }
    }
  });

  it('builds fresh data each time (a reset undoes changes)', () => {
    const store = new PortalStore('carte');
    expect(store.terminate(CARD_SERVICE.ref, 'licence-full', '1', 'test').ok).toBe(true);
    store.reset();
    expect(store.licenceCount(CARD_SERVICE.ref, 'licence-full')).toMatchObject({ active: 1, subscribed: 2 });
    expect(store.counts.history).toBe(0);
  });
});
