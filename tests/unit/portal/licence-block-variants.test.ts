/**
 * Markup a portal might have that the card does not show: stale copies of the block, several blocks,
 * a licence twice, other numbers beside the count (prices, references, dates), column headers naming
 * the count, rows that carry a count but no licence. Zero wrong numbers: what cannot be told is
 * unknown, with its reason.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { assessLicence, summarise } from '../../../lib/licences/assess';
import { sameLicence } from '../../../lib/portal/labels';
import { readLicenceBlock } from '../../../lib/portal/licence-block';
import type { LicenceBlock, LicenceRow } from '../../../lib/portal/types';
import {
  blockMarkup,
  CARD_ROWS,
  cardRowMarkup,
  LAYOUTS,
  type Layout,
  mount,
  type RowMarkup,
} from '../fixtures/card';

function findLicenceRow(block: LicenceBlock, label: string): LicenceRow | undefined {
  return block.rows.find((row) => sameLicence(row.label, label));
}

afterEach(() => {
  document.head.innerHTML = '';
});

function read(html: string, css = ''): LicenceBlock | null {
  document.head.innerHTML = css ? `<style>${css}</style>` : '';
  mount(html);
  return readLicenceBlock(document);
}

function counts(block: LicenceBlock | null): Record<string, string> {
  return Object.fromEntries(
    (block?.rows ?? []).map((row: LicenceRow) => [
      row.label,
      row.count ? `${row.count.active} / ${row.count.subscribed}` : (row.problem ?? ''),
    ]),
  );
}

const CARD_COUNTS = Object.fromEntries(
  CARD_ROWS.map((row) => [row.label, `${row.active} / ${row.subscribed}`]),
);
/** A stale copy: the same licences with other numbers (what a script kept from an earlier load). */
const STALE_ROWS: RowMarkup[] = CARD_ROWS.map((row) => ({ label: `${row.label} ⓘ`, count: '9 / 9' }));

describe.each(LAYOUTS)('a stale copy of the block before the live one (%s)', (layout: Layout) => {
  it.each([
    ['a stylesheet class', '.js-stale { display: none; }', 'class="js-stale"'],
    ['an ancestor class hiding it', '.is-off > div { display: none; }', 'class="is-off"'],
    ['the hidden attribute', '', 'hidden'],
    ['an inline style', '', 'style="display:none"'],
    ['visibility:hidden', '.ghost { visibility: hidden; }', 'class="ghost"'],
    ['a zero-height clipped box', '.shut { height: 0; overflow: hidden; }', 'class="shut"'],
    [
      'the visually-hidden pattern',
      '.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0,0,0,0); }',
      'class="sr-only"',
    ],
  ])('hidden by %s: only the visible block is read', (_, css, attributes) => {
    const stale =
      attributes === 'class="is-off"'
        ? `<div class="is-off"><div>${blockMarkup(layout, STALE_ROWS)}</div></div>`
        : `<div ${attributes}>${blockMarkup(layout, STALE_ROWS)}</div>`;
    const block = read(`${stale}${blockMarkup(layout, cardRowMarkup())}`, css);
    expect(counts(block)).toEqual(CARD_COUNTS);
    expect(block?.unreadRows).toBe(0);
  });

  it('reads nothing when the only block is hidden by the page (not a tab)', () => {
    expect(
      read(`<div class="js-stale">${blockMarkup(layout, STALE_ROWS)}</div>`, '.js-stale { display: none; }'),
    ).toBeNull();
  });

  it('two shown blocks: every row of both is unknown (several-blocks), never summed or picked', () => {
    const block = read(
      `<div>${blockMarkup(layout, STALE_ROWS)}</div><div>${blockMarkup(layout, cardRowMarkup())}</div>`,
    );
    expect(block?.rows).toHaveLength(CARD_ROWS.length * 2);
    for (const row of block?.rows ?? [])
      expect([row.label, row.count, row.problem]).toEqual([row.label, null, 'several-blocks']);
  });

  it('two shown blocks with different licences in one container: still several-blocks', () => {
    const first = cardRowMarkup().slice(0, 2);
    const second = cardRowMarkup().slice(2, 4);
    const block = read(`${blockMarkup(layout, first)}${blockMarkup(layout, second)}`);
    expect(new Set(block?.rows.map((row) => row.problem))).toEqual(new Set(['several-blocks']));
    expect(block?.rows.every((row) => row.count === null)).toBe(true);
  });

  it('a shown block wins over one in a tab panel not shown now; alone, the tab panel one is read', () => {
    const css = '.tab-pane:not(.active) { display: none; }';
    const hiddenTab = `<div role="tabpanel" class="tab-pane">${blockMarkup(layout, STALE_ROWS)}</div>`;
    expect(counts(read(`${hiddenTab}${blockMarkup(layout, cardRowMarkup())}`, css))).toEqual(CARD_COUNTS);
    expect(
      counts(
        read(`<div role="tabpanel" class="tab-pane">${blockMarkup(layout, cardRowMarkup())}</div>`, css),
      ),
    ).toEqual(CARD_COUNTS);
  });

  it('the same licence twice in one block: both rows unknown (duplicate-licence), the others read', () => {
    const rows = [...cardRowMarkup(), { label: 'licence FULL ⓘ', count: '0 / 5' }];
    const block = read(blockMarkup(layout, rows));
    const full = block?.rows.filter((row) => row.label.toLowerCase() === 'licence full') ?? [];
    expect(full.map((row) => [row.count, row.problem])).toEqual([
      [null, 'duplicate-licence'],
      [null, 'duplicate-licence'],
    ]);
    expect(findLicenceRow(block as LicenceBlock, 'Licence simple')?.count).toEqual({
      active: 1,
      subscribed: 1,
    });
  });

  it('a label written with bidi controls is the same licence', () => {
    const rows = [...cardRowMarkup(), { label: '\u2066Licence\u2069 \u200Efull\u200F', count: '0 / 5' }];
    const block = read(blockMarkup(layout, rows));
    expect(block?.rows.filter((row) => row.problem === 'duplicate-licence')).toHaveLength(2);
  });

  it.each([
    ['1 / 2 disponibles', 'legend-disagrees'],
    ['1 / 2 <small>(non attribuées)</small>', 'legend-disagrees'],
    ['1 / 2 libres', 'legend-disagrees'],
    ['<span>1 / 2</span> <span class="text-muted">restantes</span>', 'legend-disagrees'],
    ['1 / 2 utilisées', '1 / 2'],
    ['1 / 2 licences', '1 / 2'],
    ['1 / 2 <button>Résilier</button>', '1 / 2'],
    ['x / 2 disponibles', 'not-a-number'],
    ['1 / 2 dont une en cours de résiliation', 'pending-note'],
    ['1 / 2 <span class="label label-warning">Résiliation programmée</span>', 'pending-note'],
    ['1 / 2 (une résiliée)', 'pending-note'],
    ['1 / 2 <em>en attente</em>', 'pending-note'],
    ['1 / 2 <button>Résiliation</button>', '1 / 2'],
    ['<abbr title="Licences libres / total">1 / 2</abbr>', 'legend-disagrees'],
    [
      '<span data-toggle="tooltip" data-original-title="disponibles / souscrites">1 / 2</span>',
      'legend-disagrees',
    ],
    ['<span title="1 / 2">1 / 2</span>', '1 / 2'],
    ['<abbr title="actives / souscrites">1 / 2</abbr>', '1 / 2'],
    ['1 / 2 <button title="Résilier les licences disponibles"><i></i></button>', '1 / 2'],
    ['<span title="Licence disponible sur tous vos postes">ⓘ</span> 1 / 2', '1 / 2'],
  ])('words on the row saying what the count is or that it may change: %j reads %s', (count, expected) => {
    const rows = cardRowMarkup().map((row, index) => (index === 1 ? { ...row, count } : row));
    expect(counts(read(blockMarkup(layout, rows)))).toEqual({ ...CARD_COUNTS, 'Licence full': expected });
  });

  it.each([
    ['1 / 2<sup>1</sup>', 'ambiguous'],
    ['1 / 2<small>0</small>', 'ambiguous'],
    ['1<sub>0</sub> / 2', 'ambiguous'],
    ['1 / <mark>1</mark>2', 'ambiguous'],
    ['<b>1</b> / <b>2</b>', '1 / 2'],
    ['1 / 2<sup>*</sup>', 'not-a-number'],
  ])(
    'a footnote mark or formatting glued to a digit %j reads %s, never one longer number',
    (count, expected) => {
      const rows = cardRowMarkup().map((row, index) => (index === 1 ? { ...row, count } : row));
      expect(counts(read(blockMarkup(layout, rows)))['Licence full']).toBe(expected);
    },
  );

  it.each([
    ['1\u00A0234 / 2\u00A0000', '1234 / 2000'],
    ['1\u202F234 / 1\u202F234', '1234 / 1234'],
    ['1 234 / 2 000', 'ambiguous'],
    ['1.234 / 2.000', 'not-a-number'],
  ])('digit groups %j read %s', (count, expected) => {
    const rows = cardRowMarkup().map((row, index) => (index === 1 ? { ...row, count } : row));
    expect(counts(read(blockMarkup(layout, rows)))['Licence full']).toBe(expected);
  });
});

/** The card's table with extra columns, optionally with a header row naming them. */
function tableWith(
  header: readonly string[] | null,
  cells: (row: (typeof CARD_ROWS)[number], index: number) => readonly string[],
): string {
  const head = header ? `<tr>${header.map((title) => `<th>${title}</th>`).join('')}</tr>` : '';
  return `<table class="table"><tbody><tr><th>Nombre de licences ⓘ</th></tr>${head}${CARD_ROWS.map(
    (row, index) =>
      `<tr><td>${row.label} ⓘ</td>${cells(row, index)
        .map((cell) => `<td>${cell}</td>`)
        .join('')}</tr>`,
  ).join('')}</tbody></table>`;
}

const count = (row: (typeof CARD_ROWS)[number]) => `${row.active} / ${row.subscribed}`;

describe('other numbers beside the count', () => {
  it.each([
    ['a price with €', null, (row: (typeof CARD_ROWS)[number]) => [count(row), '12,50 €']],
    [
      'a price and a reference',
      null,
      (row: (typeof CARD_ROWS)[number], i: number) => [count(row), `MC-00012${i}`, '9,90 € HT'],
    ],
    ['a date', null, (row: (typeof CARD_ROWS)[number]) => [count(row), '01/12/2026']],
    [
      'a reference in the count cell',
      null,
      (row: (typeof CARD_ROWS)[number], i: number) => [`${count(row)} <small>MC-00012${i}</small>`],
    ],
    [
      'a header naming the columns',
      ['Licence', 'Actives / Souscrites', 'Prix mensuel'],
      (row: (typeof CARD_ROWS)[number]) => [count(row), '12,50 €'],
    ],
    [
      'a header picking the count among two slash columns',
      ['Licence', 'Période', 'Licences actives / souscrites', 'Prix'],
      (row: (typeof CARD_ROWS)[number]) => ['1 / 12', count(row), '3'],
    ],
  ])('%s: every count read exactly', (_, header, cells) => {
    expect(counts(read(tableWith(header, cells)))).toEqual(CARD_COUNTS);
  });

  it('a cell saying the count is of free licences, under a header naming the count: never read', () => {
    const block = read(
      tableWith(['Licence', 'Actives / Souscrites', 'État'], (row) => [count(row), 'disponibles']),
    );
    expect(block?.rows.map((row) => row.problem)).toEqual(CARD_ROWS.map(() => 'legend-disagrees'));
  });

  it.each([
    ['a bare number beside the count', null, (row: (typeof CARD_ROWS)[number]) => [count(row), '3']],
    ['two slash columns, no header', null, (row: (typeof CARD_ROWS)[number]) => ['1 / 12', count(row)]],
    [
      'two columns named like the count',
      ['Licence', 'Actives / Souscrites', 'Utilisées / Souscrites'],
      (row: (typeof CARD_ROWS)[number]) => [count(row), '1 / 12'],
    ],
    [
      'a header that does not line up with the rows',
      ['Licence', 'Actives / Souscrites'],
      (row: (typeof CARD_ROWS)[number]) => ['1 / 12', count(row), '3'],
    ],
  ])('%s: every row unknown, none guessed', (_, header, cells) => {
    const block = read(tableWith(header, cells));
    expect(block?.rows).toHaveLength(CARD_ROWS.length);
    for (const row of block?.rows ?? []) expect(row.count).toBeNull();
  });

  it('a row whose label spans two columns is not read under the header: its cells do not line up', () => {
    // Counting cells, the 3rd would be "1 / 12" (a count's shape): the column is not guessed.
    const block = read(`<table><tbody><tr><th>Nombre de licences</th></tr>
      <tr><th>Licence</th><th>Période</th><th>Actives / Souscrites</th></tr>
      <tr><td colspan="2">Licence full</td><td>1 / 2</td><td>1 / 12</td></tr></tbody></table>`);
    expect(block?.rows.map((row) => [row.label, row.count, row.problem])).toEqual([
      ['Licence full', null, 'ambiguous'],
    ]);
  });

  it('a header names the count column in a grid of divs', () => {
    const rows = CARD_ROWS.map(
      (row) => `<div class="row"><div>${row.label}</div><div>${count(row)}</div><div>MC-1 · 4</div></div>`,
    ).join('');
    const block = read(
      `<div><h4>Nombre de licences</h4><div class="row"><div>Licence</div><div>Actives / Souscrites</div><div>Réf. · lignes</div></div>${rows}</div>`,
    );
    expect(counts(block)).toEqual(CARD_COUNTS);
  });
});

describe('a collapsed box inside the block', () => {
  it('rows in a closed details box are not read; opened, they are', () => {
    const html = (open: string) => `<div><h4>Nombre de licences</h4>
      <div class="row"><div>Licence full</div><div>1 / 2</div></div>
      <details${open}><summary>Autres licences</summary><div class="row"><div>Licence option</div><div>0 / 9</div></div></details></div>`;
    expect(counts(read(html('')))).toEqual({ 'Licence full': '1 / 2' });
    expect(counts(read(html(' open')))).toEqual({ 'Licence full': '1 / 2', 'Licence option': '0 / 9' });
  });
});

describe('rows that carry a count but are not read as a licence', () => {
  it.each([
    ['a total row', '<tr><td>Total</td><td>7 / 8</td></tr>', 1],
    ['a misspelt label', '<tr><td>Licnce full</td><td>1 / 2</td></tr>', 1],
    ['a row without label', '<tr><td></td><td>1 / 1</td></tr>', 1],
    ['two of them', '<tr><td>Total</td><td>7 / 8</td></tr><tr><td></td><td>1 / 1</td></tr>', 2],
    ['a count split in formatting', '<tr><td>?</td><td><b>1</b> / <b>1</b></td></tr>', 1],
    ['a row with a price only', '<tr><td>Frais</td><td>12,50 €</td></tr>', 0],
    ['a row with a date only', '<tr><td>Mise à jour</td><td>01/12/2026</td></tr>', 0],
    ['a hidden template row', '<tr class="tpl"><td>Modèle</td><td>1 / 1</td></tr>', 0],
  ])('%s: %i unread', (_, extra, unread) => {
    const html = `<table><tbody><tr><th>Nombre de licences</th></tr>
      <tr><td>Licence simple</td><td>1 / 1</td></tr>${extra}<tr><td>Licence full</td><td>1 / 2</td></tr></tbody></table>`;
    const block = read(html, '.tpl { display: none; }');
    expect(block?.unreadRows).toBe(unread);
    expect(block?.rows.map((row) => row.label)).toEqual(['Licence simple', 'Licence full']);
  });

  it('in a grid of divs and in a dl', () => {
    const divs =
      read(`<div><h4>Nombre de licences</h4><div class="row"><div>Licence full</div><div>1 / 2</div></div>
      <div class="row"><div>Licnce fax</div><div><span>1</span> / <span>1</span></div></div></div>`);
    expect(divs?.unreadRows).toBe(1);
    const dl = read(`<section><h3>Nombre de licences</h3><dl><dt>Licence full</dt><dd>1 / 2</dd>
      <dt>Lic. fax</dt><dd>1 / 1</dd><dt>Licence SVI</dt><dd>1 / 1</dd></dl></section>`);
    expect(dl?.unreadRows).toBe(1);
  });

  it('the summary counts them with the unknown rows: it never hides a row', () => {
    const block = read(`<table><tbody><tr><th>Nombre de licences</th></tr>
      <tr><td>Licence full</td><td>1 / 2</td></tr><tr><td>Licence SVI</td><td>x / 1</td></tr>
      <tr><td>Total</td><td>2 / 3</td></tr></tbody></table>`) as LicenceBlock;
    const summary = summarise(block.rows.map(assessLicence), block.unreadRows);
    expect(summary).toEqual({ terminableTotal: 1, sdaLinkedTotal: 1, unknownCount: 2 });
  });
});
