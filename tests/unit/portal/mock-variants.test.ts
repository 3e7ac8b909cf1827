/**
 * The reader on the mocked portal's reading variants, with the portal's own stylesheet (happy-dom
 * computes styles from it): the stale copy is never read, the price column and references are not
 * taken for the count. The same in both browsers: tests/e2e/markup-variants.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assessLicence, summarise } from '../../../lib/licences/assess';
import { readLicenceBlock } from '../../../lib/portal/licence-block';
import { CARD_SERVICE } from '../../../mocks/data/scenarios';
import { detailsBlock } from '../../../mocks/pages/details-block';
import { createPortal } from '../../../mocks/portal';
import type { VariantName } from '../../../mocks/variants';
import { CARD_ROWS } from '../fixtures/card';

const PORTAL_CSS = readFileSync(resolve('mocks/assets/portal.css'), 'utf8');

/** The Détails pane as the mock draws it (its HTTP path is tested in tests/unit/mocks), with its stylesheet. */
function showDetails(variants: VariantName[]): void {
  const store = createPortal({ scenario: 'carte' }).store;
  const service = store.getService(CARD_SERVICE.ref);
  if (!service) throw new Error('no card service');
  const pane = detailsBlock(service, store.licenceCounts(service.ref), false, new Set(variants));
  document.head.innerHTML = `<style>${PORTAL_CSS}</style>`;
  document.body.innerHTML = `<div role="tabpanel" class="tab-pane active">${pane.toString()}</div>`;
}

afterEach(() => {
  document.head.innerHTML = '';
});

const CARD_COUNTS = CARD_ROWS.map((row) => ({
  label: row.label,
  count: { active: row.active, subscribed: row.subscribed },
}));

describe.each<[string, VariantName[]]>([
  ['the faithful portal', []],
  ['prix', ['prix']],
  ['bloc-cache', ['bloc-cache']],
  ['prix + bloc-cache', ['prix', 'bloc-cache']],
])('%s', (_, variants) => {
  it('reads exactly the card, no row left unread', () => {
    showDetails(variants);
    const block = readLicenceBlock(document);
    expect(block?.rows.map((row) => ({ label: row.label, count: row.count }))).toEqual(CARD_COUNTS);
    expect(block?.unreadRows).toBe(0);
    expect(summarise(block?.rows.map(assessLicence) ?? [], block?.unreadRows)).toEqual({
      terminableTotal: 1,
      sdaLinkedTotal: 7,
      unknownCount: 0,
    });
  });
});

it('renvoi: the footnote mark glued to Licence full’s count leaves that row unknown, never 1 / 21', () => {
  showDetails(['renvoi']);
  const block = readLicenceBlock(document);
  expect(block?.rows.map((row) => ({ label: row.label, count: row.count }))).toEqual(
    CARD_COUNTS.map((row) => (row.label === 'Licence full' ? { ...row, count: null } : row)),
  );
  expect(block?.rows.find((row) => row.label === 'Licence full')?.problem).toBe('ambiguous');
  expect(summarise(block?.rows.map(assessLicence) ?? [], block?.unreadRows)).toEqual({
    terminableTotal: 0,
    sdaLinkedTotal: 6,
    unknownCount: 1,
  });
});

it('without its stylesheet the stale copy is a second shown block: every row unknown, never summed', () => {
  showDetails(['bloc-cache']);
  document.head.innerHTML = '';
  const block = readLicenceBlock(document);
  expect(block?.rows).toHaveLength(CARD_ROWS.length * 2);
  expect(new Set(block?.rows.map((row) => row.problem))).toEqual(new Set(['several-blocks']));
});
