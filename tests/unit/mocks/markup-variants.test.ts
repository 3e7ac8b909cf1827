// @vitest-environment node
/**
 * The reading variants of the mocked portal (`prix`, `bloc-cache`): off by default (the faithful
 * card), and when on, they draw what they say. The reader's answer on them is in
 * tests/unit/portal/mock-variants.test.ts, and in both browsers in tests/e2e/markup-variants.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_SERVICE } from '../../../mocks/data/scenarios';
import type { VariantName } from '../../../mocks/variants';
import { call, parse, signedIn, text } from './helpers';

const REF = CARD_SERVICE.ref;

async function details(variants: VariantName[]) {
  const { portal, cookie } = await signedIn();
  portal.setVariants(variants);
  const response = await call(portal, `/services/${REF}/details`, { cookie, xhr: true });
  return parse(await response.text());
}

describe('reading variants of the mocked portal', () => {
  it('are off by default: one licence block, no header row, no price, no reference', async () => {
    const doc = await details([]);
    expect(doc.querySelectorAll('.licences-panel')).toHaveLength(1);
    expect(doc.querySelectorAll('.licences-panel th')).toHaveLength(0);
    expect(text(doc.querySelector('.licences-panel'))).not.toMatch(/€|MC-/);
  });

  it('prix: a header row naming the columns, a reference beside each count and a monthly price', async () => {
    const doc = await details(['prix']);
    expect([...doc.querySelectorAll('.licences-panel th')].map((cell) => text(cell))).toEqual([
      'Licence',
      'Actives / Souscrites',
      'Prix mensuel',
      '',
    ]);
    const rows = [...doc.querySelectorAll('.licences-panel tbody tr')].filter((row) =>
      row.querySelector('td'),
    );
    expect(rows).toHaveLength(8);
    for (const [index, row] of rows.entries()) {
      const cells = [...row.querySelectorAll('td')].map((cell) => text(cell));
      expect(cells[1]).toMatch(/^\d+ \/ \d+ MC-\d{6}$/);
      expect(cells[2]).toMatch(/^\d+,\d\d €$/);
      // The count stays where the card has it: td.col-sm-6.col-md-6 > span.js-copyable-content.
      expect(text(row.querySelector('td.col-sm-6.col-md-6 > span.js-copyable-content'))).toMatch(
        /^\d+ \/ \d+$/,
      );
      expect(cells[1]).toContain(`MC-${String(100123 + index)}`);
    }
  });

  it('bloc-cache: a stale copy with other numbers before the live block, hidden by a stylesheet class', async () => {
    const doc = await details(['bloc-cache']);
    const panels = [...doc.querySelectorAll('.licences-panel')];
    expect(panels).toHaveLength(2);
    const [stale, live] = panels;
    expect(stale?.classList.contains('licences-cache')).toBe(true);
    expect(stale?.hasAttribute('hidden')).toBe(false);
    expect(stale?.getAttribute('style')).toBeNull();
    const full = (panel: Element | undefined) =>
      [...(panel?.querySelectorAll('tr') ?? [])].find((row) => text(row).startsWith('Licence full ⓘ'));
    expect(text(full(live)?.querySelector('td:nth-child(2)'))).toBe('1 / 2');
    expect(text(full(stale)?.querySelector('td:nth-child(2)'))).toBe('0 / 11');
    const css = readFileSync(resolve('mocks/assets/portal.css'), 'utf8');
    expect(css).toMatch(/\.licences-cache\s*\{\s*display:\s*none;/);
  });
});
