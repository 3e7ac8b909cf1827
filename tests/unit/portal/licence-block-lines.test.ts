/**
 * Rows whose words or lines could pair a licence with a number that is not its own: an aggregate
 * word between a label and a count, a total written in the heading, several licences on one line.
 * Zero wrong numbers, no licence dropped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLegend, assessLicence, summarise } from '../../../lib/licences/assess';
import { readLicenceBlock } from '../../../lib/portal/licence-block';
import type { LicenceBlock, LicenceRow } from '../../../lib/portal/types';
import { blockMarkup, CARD_ROWS, cardRowMarkup, LAYOUTS, type Layout, mount } from '../fixtures/card';

function read(html: string): LicenceBlock | null {
  mount(html);
  return readLicenceBlock(document);
}

function counts(block: LicenceBlock | null): [string, string][] {
  return (block?.rows ?? []).map((row: LicenceRow) => [
    row.label,
    row.count ? `${row.count.active} / ${row.count.subscribed}` : (row.problem ?? ''),
  ]);
}

const CARD_COUNTS = CARD_ROWS.map((row) => [row.label, `${row.active} / ${row.subscribed}`]);

describe('a word naming an aggregate between a label and its count', () => {
  const flat = (word: string, count: string) => ({
    grid: `<div><h4>Nombre de licences</h4><div><span>Licence simple</span><em>Actif</em><span>1 / 1</span><span>Licence full</span><span>${word}</span><span>${count}</span></div></div>`,
    dl: `<section><h3>Nombre de licences</h3><dl><dt>Licence simple</dt><dd>Actif</dd><dd>1 / 1</dd><dt>Licence full</dt><dd>${word}</dd><dd>${count}</dd></dl></section>`,
    'div cells': `<div role="grid"><div>Nombre de licences</div><div>Licence simple</div><div>Actif</div><div>1 / 1</div><div>Licence full</div><div>${word}</div><div>${count}</div></div>`,
    'a count cell': `<table><tr><th>Nombre de licences</th></tr><tr><td>Licence simple</td><td>Actif 1 / 1</td></tr><tr><td>Licence full</td><td>${word} : ${count}</td></tr></table>`,
    'a table row': `<table><tr><th>Nombre de licences</th></tr><tr><td>Licence simple</td><td>Actif</td><td>1 / 1</td></tr><tr><td>Licence full</td><td>${word}</td><td>${count}</td></tr></table>`,
    // On one text line nothing tells where the label ends: the row is "Licence full Total", unknown.
    'one line': `<div><h4>Nombre de licences</h4><p>Licence simple 1 / 1</p><p>Licence full ${word} ${count}</p></div>`,
  });
  const WORDS = ['Total', 'Sous-total', 'Somme', 'Cumul', 'Ensemble', 'TOTAL :', 'Total général', 'Global'];

  it.each(
    WORDS.flatMap((word) =>
      Object.entries(flat(word, '2 / 3')).map(([layout, html]) => [word, layout, html]),
    ),
  )('%s in %s: ambiguous, the status word beside still read', (_word, _layout, html) => {
    const rows = counts(read(html));
    expect(rows[0]).toEqual(['Licence simple', '1 / 1']);
    expect(rows[1]?.[0]).toMatch(/^Licence full\b/);
    expect(rows.slice(1).map(([, count]) => count)).toEqual(['ambiguous']);
  });

  it('any aggregate word, in any case, in any of these layouts, never gives its count to the label', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WORDS),
        fc.constantFrom<(text: string) => string>(
          (text) => text,
          (text) => text.toUpperCase(),
          (text) => text.toLowerCase(),
        ),
        fc.nat(20),
        fc.nat(20),
        fc.constantFrom('grid', 'dl', 'div cells', 'a count cell', 'a table row', 'one line'),
        (word, casing, x, y, layout) => {
          const html = flat(casing(word), `${Math.min(x, y)} / ${Math.max(x, y)}`) as Record<string, string>;
          const block = read(html[layout] ?? '');
          const full = block?.rows.filter((row) => row.label.startsWith('Licence full'));
          expect(
            full?.map((row) => row.count),
            layout,
          ).toEqual([null]);
          expect(block?.rows.find((row) => row.label === 'Licence simple')?.count).toEqual({
            active: 1,
            subscribed: 1,
          });
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe('a total written in the heading', () => {
  it.each(
    LAYOUTS.flatMap((layout) =>
      ['Nombre de licences (9)', 'Nombre de licences : 9'].map((h): [string, Layout] => [h, layout]),
    ),
  )('%s over a %s: the block is read as usual', (heading, layout) => {
    const block = read(blockMarkup(layout, cardRowMarkup(), heading));
    expect(counts(block)).toEqual(CARD_COUNTS);
    expect(block?.unreadRows).toBe(0);
  });

  it('a footer line "Nombre de licences : 9" under a plain heading is no second block', () => {
    const block = read(`${blockMarkup('table', cardRowMarkup())}<p>Nombre de licences : 9</p>`);
    expect(counts(block)).toEqual(CARD_COUNTS);
    const inside = read(
      `<div><h4>Nombre de licences</h4><div class="row"><div>Licence full</div><div>1 / 2</div></div><p>Nombre de licences : 1</p></div>`,
    );
    expect(counts(inside)).toEqual([['Licence full', '1 / 2']]);
  });

  it('two headings with totals around the rows: several blocks, every row unknown, never nothing', () => {
    const block = read(
      `<div><h4>Nombre de licences (2)</h4><div class="row"><div>Licence full</div><div>1 / 2</div></div><p>Nombre de licences : 2</p></div>`,
    );
    expect(counts(block)).toEqual([['Licence full', 'several-blocks']]);
  });

  it('a heading with an A / S total says nothing of what the rows mean: its legend disagrees', () => {
    const block = read('<div><h4>Nombre de licences : 3 / 5</h4><p>Licence simple 1 / 1</p></div>');
    expect(block?.legend.kind).toBe('other');
    const [row] = block?.rows ?? [];
    expect(row && applyLegend(assessLicence(row), block?.legend ?? { kind: 'none' }).state).toBe('unknown');
  });

  it('a line with a total and no rows anywhere is no block', () => {
    expect(read('<p>Nombre de licences : 42</p>')).toBeNull();
  });
});

describe('several licences on one text line', () => {
  it.each([
    ['·', 'Licence simple : 1 / 1 · Licence full : 1 / 2'],
    ['|', 'Licence simple : 1 / 1 | Licence full : 1 / 2'],
    [';', 'Licence simple : 1 / 1 ; Licence full : 1 / 2'],
    ['•', 'Licence simple 1 / 1 • Licence full 1 / 2'],
    ['nothing', 'Licence simple 1 / 1 Licence full 1 / 2'],
    ['a comma', 'Licence simple : 1 / 1, Licence full : 1 / 2'],
  ])('separated by %s: each licence is a row with its count', (_sep, line) => {
    for (const html of [
      `<div><h4>Nombre de licences</h4><p>${line}</p></div>`,
      `<div><h4>Nombre de licences</h4>${line}</div>`,
      `<div><h4>Nombre de licences</h4><p>Licence SVI 0 / 1</p><p>${line}</p></div>`,
    ]) {
      const rows = counts(read(html)).filter(([label]) => label !== 'Licence SVI');
      expect(rows, html).toEqual([
        ['Licence simple', '1 / 1'],
        ['Licence full', '1 / 2'],
      ]);
    }
  });

  it.each([
    [
      'a licence without a count before one with a count',
      'Licence simple | Licence full : 1 / 2',
      ['ambiguous', 'ambiguous'],
    ],
    [
      'a second number on one of them',
      'Licence simple : 1 / 1 · Licence full : 1 / 2 3',
      ['1 / 1', 'ambiguous'],
    ],
  ])('%s: the doubtful ones ambiguous, none lost', (_case, line, expected) => {
    const block = read(`<div><h4>Nombre de licences</h4><p>${line}</p></div>`) as LicenceBlock;
    expect(counts(block)).toEqual([
      ['Licence simple', expected[0]],
      ['Licence full', expected[1]],
    ]);
    const unknown = expected.filter((count) => count === 'ambiguous').length;
    expect(summarise(block.rows.map(assessLicence), block.unreadRows).unknownCount).toBe(unknown);
  });

  it('a note naming a licence inside a row is no second licence', () => {
    const block = read(
      `<div><h4>Nombre de licences</h4><p>Licence full : 1 / 2 (une licence en cours de résiliation)</p></div>`,
    );
    expect(counts(block)).toEqual([['Licence full', 'pending-note']]);
  });

  it('any number of licences on a line, any separator: each is a row, read or unknown, never another’s count', () => {
    const separator = fc.constantFrom(' · ', ' | ', ' ; ', ', ', ' ', ' • ');
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          CARD_ROWS.map((row) => row.label),
          { minLength: 1 },
        ),
        fc.array(fc.tuple(fc.nat(30), fc.nat(30)), { minLength: 8, maxLength: 8 }),
        separator,
        fc.constantFrom(' : ', ' '),
        (labels, numbers, sep, colon) => {
          const expected = labels.map((label, at) => {
            const [x, y] = numbers[at] ?? [0, 0];
            return [label, `${Math.min(x, y)} / ${Math.max(x, y)}`];
          });
          const line = expected.map(([label, count]) => `${label}${colon}${count}`).join(sep);
          const rows = counts(read(`<div><h4>Nombre de licences</h4><p>${line}</p></div>`));
          expect(rows.map(([label]) => label)).toEqual(labels);
          for (const [at, [, count]] of rows.entries())
            expect([expected[at]?.[1], 'ambiguous']).toContain(count);
        },
      ),
      { numRuns: 100 },
    );
  });
});
