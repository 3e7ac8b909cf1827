/**
 * Licence labels as a real portal may write them, and the termination dialog's title against them:
 * each row is read under its own name with its own count, or is unknown — never another licence's
 * name (whose count, SDA numbers and dialog would then be paired with this row's).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { licenceKey, sameLicence } from '../../../lib/portal/labels';
import { readLicenceBlock } from '../../../lib/portal/licence-block';
import type { LicenceRow } from '../../../lib/portal/types';
import { blockMarkup, CARD_ROWS, cardRowMarkup, LAYOUTS, mount } from '../fixtures/card';

function rows(html: string): [string, string][] {
  mount(html);
  return (readLicenceBlock(document)?.rows ?? []).map((row: LicenceRow) => [
    row.label,
    row.count ? `${row.count.active} / ${row.count.subscribed}` : (row.problem ?? ''),
  ]);
}

/** Layouts where a label's words after a known type stand in an element of their own, loose. */
const LOOSE = {
  'a grid row': (label: string, more: string, count: string) =>
    `<div><h4>Nombre de licences</h4><div class="row"><span>${label}</span> ${more} <span>${count}</span></div></div>`,
  'a flat grid': (label: string, more: string, count: string) =>
    `<div><h4>Nombre de licences</h4><div><span>Licence fixe</span><span>1 / 1</span><b>${label}</b> ${more}<span>${count}</span></div></div>`,
  'a list item': (label: string, more: string, count: string) =>
    `<div><h4>Nombre de licences</h4><ul><li><a href="#">${label}</a> ${more} <span>${count}</span></li></ul></div>`,
};

describe('words after a known type, in an element of their own', () => {
  it.each(
    Object.entries(LOOSE).flatMap(([layout, html]) =>
      (
        [
          ['<span>vidéo</span>', 'Licence full vidéo'],
          ['<em>meeting av…</em>', 'Licence full meeting av…'],
          ['<small>(MetaCentrex)</small>', 'Licence full (MetaCentrex)'],
          ['<span>— nouvelle offre</span>', 'Licence full — nouvelle offre'],
          ['<span>standard</span>', 'Licence full standard'],
        ] as const
      ).map(([more, label]) => [label, layout, html('Licence full', more, '1 / 3')] as const),
    ),
  )('%s in %s: read under its whole name, never as « Licence full »', (label, _layout, html) => {
    const read = rows(html);
    const row = read.find(([name]) => sameLicence(name, label));
    expect(row, JSON.stringify(read)).toEqual([label, '1 / 3']);
    expect(read.some(([name]) => sameLicence(name, 'Licence full'))).toBe(false);
  });

  it.each(
    Object.entries(LOOSE).flatMap(([layout, html]) =>
      ['<em>Actif</em>', '<span class="badge">Nouveau</span>', '<em>En service</em>', '<sup>*</sup>'].map(
        (more) => [more, layout, html('Licence full', more, '1 / 3')] as const,
      ),
    ),
  )('a state or a mark (%s in %s) is no part of the type: « Licence full »', (_more, _layout, html) => {
    expect(rows(html)).toContainEqual(['Licence full', '1 / 3']);
  });

  it('never reads a known type for a longer unknown one, whatever the words and the layout', () => {
    const word = fc
      .stringMatching(/^[a-zéèàç][a-zéèàç0-9…]{1,9}$/)
      .filter((text) => !/^(?:in)?acti|^nouve|^new$|^suspendu|^inclus|^offert/.test(text));
    fc.assert(
      fc.property(
        fc.constantFrom(...CARD_ROWS.map((row) => row.label)),
        fc.array(word, { minLength: 1, maxLength: 2 }),
        // Not a link: one after a label is its ⓘ (« Informations »), left out of it (labelText).
        fc.constantFrom('span', 'em', 'small', 'b', 'i'),
        fc.constantFrom(...Object.values(LOOSE)),
        fc.nat(9),
        (known, words, tag, layout, subscribed) => {
          const more = `<${tag}>${words.join(' ')}</${tag}>`;
          const read = rows(layout(known, more, `0 / ${subscribed}`));
          const whole = `${known} ${words.join(' ')}`;
          // The longer name may itself be a known type (`Licence full` + `avancée`): then it is right.
          const mine = read.filter(([name]) => licenceKey(name).startsWith(licenceKey(known)));
          expect(mine, JSON.stringify(read)).toHaveLength(1);
          const [[name, count] = ['', '']] = mine;
          expect(sameLicence(name, whole) || count !== `0 / ${subscribed}`, `${name} = ${count}`).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  }, 30_000);
});

describe('a row whose label does not start with the word « Licence »', () => {
  // A plural (`Licences full`) is how a legend is written (`Licences actives / souscrites`): no row.
  it.each(
    LAYOUTS.flatMap((layout) =>
      ['Licences full', 'Full', 'Poste full', 'Fax entreprise'].map((label) => [label, layout] as const),
    ),
  )('%s in a %s: not read, but counted with the unknown rows; the others read', (label, layout) => {
    const markup = cardRowMarkup().map((row) =>
      row.label.startsWith('Licence full ⓘ') ? { ...row, label } : row,
    );
    mount(blockMarkup(layout, markup));
    const block = readLicenceBlock(document);
    expect(block?.unreadRows).toBe(1);
    expect(block?.rows.map((row) => row.label)).toEqual(
      CARD_ROWS.filter((row) => row.label !== 'Licence full').map((row) => row.label),
    );
    expect(block?.rows.every((row) => row.problem === null)).toBe(true);
  });
});

describe('an icon between a known type and more words', () => {
  const grid = (more: string) =>
    `<div><h4>Nombre de licences</h4><div class="row"><span>Licence simple</span><span>1 / 1</span></div><div class="row"><b>Licence full</b>${more}<span>1 / 3</span></div></div>`;
  it.each([
    [
      'an <i> icon: the words are the name',
      '<i class="fa fa-star"></i> <span>vidéo</span>',
      ['Licence full vidéo', '1 / 3'],
    ],
    // An empty span may be an icon or an empty cell: the words may be another cell's. Unknown, never 1 / 3.
    [
      'an empty span: unknown',
      '<span class="glyphicon glyphicon-star"></span><span>vidéo</span>',
      ['Licence full', 'ambiguous'],
    ],
    ['a dash cell: unknown', '<span>—</span><span>vidéo</span>', ['Licence full', 'ambiguous']],
  ])('%s', (_case, more, row) => {
    expect(rows(grid(more))).toEqual([['Licence simple', '1 / 1'], row]);
  });
});
