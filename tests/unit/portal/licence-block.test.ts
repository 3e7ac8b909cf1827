import { describe, expect, it } from 'vitest';
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

/** The row of a block for a licence label (`Licence full` ≡ `licence full ⓘ`), if any. */
function findLicenceRow(block: LicenceBlock, label: string): LicenceRow | null {
  return block.rows.find((row) => sameLicence(row.label, label)) ?? null;
}

function read(html: string): LicenceBlock {
  mount(html);
  const block = readLicenceBlock(document);
  if (!block) throw new Error('no block read');
  return block;
}

/** The card rows with one row's markup replaced. */
function withRow(label: string, change: Partial<RowMarkup>): RowMarkup[] {
  return cardRowMarkup().map((row, index) =>
    CARD_ROWS[index]?.label === label ? { ...row, ...change } : row,
  );
}

function summary(row: LicenceRow) {
  return { label: row.label, count: row.count, problem: row.problem };
}

describe.each(LAYOUTS)('the card as a %s', (layout: Layout) => {
  it('reads every row of the card, in order, with its A / S', () => {
    const block = read(blockMarkup(layout, cardRowMarkup()));
    expect(block.rows.map(summary)).toEqual(
      CARD_ROWS.map((row) => ({
        label: row.label,
        count: { active: row.active, subscribed: row.subscribed },
        problem: null,
      })),
    );
    expect(block.heading.textContent).toContain('Nombre de licences');
    expect(block.legend).toEqual({ kind: 'none' });
  });

  it('gives each row its own element and a label element inside it, holding the label', () => {
    const block = read(blockMarkup(layout, cardRowMarkup()));
    const elements = new Set(block.rows.map((row) => row.element));
    expect(elements.size).toBe(CARD_ROWS.length);
    for (const row of block.rows) {
      expect(row.element.contains(row.labelElement)).toBe(true);
      expect(row.labelElement.textContent).toContain(row.label);
      expect(block.container.contains(row.element)).toBe(true);
    }
  });

  it.each([
    ['x / 2', 'not-a-number'],
    ['1.5 / 2', 'not-a-number'],
    ['1 / 2 / 3', 'not-a-number'],
    ['-1 / 2', 'negative'],
    ['3 / 2', 'active-exceeds-subscribed'],
    ['', 'missing'],
    ['1 / 2 <span>1 / 2</span>', 'ambiguous'],
  ])('reports %j on a row as %s and keeps the other rows', (count, problem) => {
    const block = read(blockMarkup(layout, withRow('Licence full', { count })));
    expect(block.rows).toHaveLength(CARD_ROWS.length);
    expect(summary(findLicenceRow(block, 'Licence full') as LicenceRow)).toEqual({
      label: 'Licence full',
      count: null,
      problem,
    });
    expect(findLicenceRow(block, 'Licence simple')?.count).toEqual({ active: 1, subscribed: 1 });
  });

  it('keeps an unknown "Licence …" type', () => {
    const rows = [...cardRowMarkup(), { label: 'Licence visio HD ⓘ', count: '2 / 5' }];
    const block = read(blockMarkup(layout, rows));
    expect(findLicenceRow(block, 'Licence visio HD')?.count).toEqual({ active: 2, subscribed: 5 });
    expect(block.rows).toHaveLength(CARD_ROWS.length + 1);
  });

  it('ignores our own <mla-licence> annotation holding numbers inside a row', () => {
    const annotation =
      '<mla-licence data-state="terminable" data-terminable="1">1 / 9 à résilier</mla-licence>';
    const block = read(
      blockMarkup(layout, withRow('Licence full', { label: `Licence full ⓘ ${annotation}` })),
    );
    expect(summary(findLicenceRow(block, 'Licence full') as LicenceRow)).toEqual({
      label: 'Licence full',
      count: { active: 1, subscribed: 2 },
      problem: null,
    });
  });

  it('reads the same rows again once our annotations are mounted where the features put them', () => {
    const first = read(blockMarkup(layout, cardRowMarkup()));
    for (const row of first.rows) {
      const badge = document.createElement('mla-licence');
      badge.textContent = '9 / 9 Licence fantôme 1 à résilier';
      row.labelElement.append(badge);
    }
    const summary = document.createElement('mla-summary');
    summary.textContent = 'Résiliables maintenant : 1 · Licence 7 / 8';
    first.container.before(summary);
    const again = readLicenceBlock(document);
    expect(again?.container).toBe(first.container);
    expect(again?.rows.map((row) => [row.label, row.count, row.element, row.labelElement])).toEqual(
      first.rows.map((row) => [row.label, row.count, row.element, row.labelElement]),
    );
  });

  it('reads a label split across elements', () => {
    const block = read(
      blockMarkup(layout, withRow('Licence full', { label: '<b>Licence</b> full <i class="icon"></i>' })),
    );
    expect(findLicenceRow(block, 'Licence full')?.count).toEqual({ active: 1, subscribed: 2 });
  });

  it('leaves an info link’s screen-reader text out of the label, but keeps a label written as a link', () => {
    const info =
      '<a href="#" data-toggle="tooltip"><i class="glyphicon"></i><span class="sr-only">Informations</span></a>';
    const rows = withRow('Licence full', { label: `Licence full ${info}` });
    rows[0] = { label: 'Licence <a href="#">simple</a>', count: '1 / 1' };
    const block = read(blockMarkup(layout, rows));
    expect(block.rows.map((row) => row.label)).toEqual(CARD_ROWS.map((row) => row.label));
  });

  it('reads NBSP, icon fonts, svg icons and spacing variants', () => {
    const rows = cardRowMarkup().map((row, index) => ({
      label: `<span>${row.label.replace(/ /g, '\u00A0')}</span> <svg><title>info</title></svg> <span class="glyphicon">\uE086</span>`,
      count: index % 2 ? row.count.replace(/ /g, '') : row.count.replace(/ /g, '\u00A0\u00A0'),
    }));
    const block = read(blockMarkup(layout, rows));
    expect(block.rows.map((row) => [row.label, row.count])).toEqual(
      CARD_ROWS.map((row) => [row.label, { active: row.active, subscribed: row.subscribed }]),
    );
  });
});

describe('hostile structures', () => {
  it('reads rows in any order, with extra columns, buttons and a header row', () => {
    const rows = [...CARD_ROWS].reverse();
    const block =
      read(`<table><thead><tr><th>Nombre de licences <i title="Informations">ⓘ</i></th><th>Quantité</th><th>Statut</th><th>Action</th></tr></thead>
      <tbody>${rows
        .map(
          (row) =>
            `<tr><td><a href="#"><i class="fa fa-info"></i></a></td><td><strong>${row.label}</strong></td><td>Actif</td><td>${row.active} / ${row.subscribed}</td><td><button>Résilier</button></td></tr>`,
        )
        .join('')}</tbody></table>`);
    expect(block.rows.map((row) => [row.label, row.count])).toEqual(
      rows.map((row) => [row.label, { active: row.active, subscribed: row.subscribed }]),
    );
  });

  it('ignores a bare "Licence" column header', () => {
    const block = read(`<table><tr><th>Nombre de licences</th></tr><tr><th>Licence</th><th>Nombre</th></tr>
      <tr><td>Licence full</td><td>1 / 2</td></tr></table>`);
    expect(block.rows.map(summary)).toEqual([
      { label: 'Licence full', count: { active: 1, subscribed: 2 }, problem: null },
    ]);
  });

  it('reads deeply nested wrappers', () => {
    const wrap = (html: string, depth: number): string =>
      depth === 0 ? html : `<div><div>${wrap(html, depth - 1)}</div></div>`;
    const block = read(
      `<div>${wrap('<h5>Nombre de licences</h5>', 3)}<div>${CARD_ROWS.map(
        (row) =>
          `<div class="row">${wrap(`<span>${row.label}</span>`, 4)}${wrap(`<span>${row.active} / ${row.subscribed}</span>`, 2)}</div>`,
      ).join('')}</div></div>`,
    );
    expect(block.rows.map((row) => [row.label, row.count])).toEqual(
      CARD_ROWS.map((row) => [row.label, { active: row.active, subscribed: row.subscribed }]),
    );
  });

  it('reads a list whose items hold label and count in one text', () => {
    const block = read(
      `<h4>Nombre de licences :</h4><ul>${CARD_ROWS.map(
        (row) => `<li>${row.label} ⓘ ${row.active}/${row.subscribed}</li>`,
      ).join('')}</ul>`,
    );
    expect(block.rows.map((row) => [row.label, row.count])).toEqual(
      CARD_ROWS.map((row) => [row.label, { active: row.active, subscribed: row.subscribed }]),
    );
  });

  it('reads a flat grid of cells', () => {
    const block = read(
      `<div><p>NOMBRE DE LICENCES</p><div class="grid">${CARD_ROWS.map(
        (row) =>
          `<span>${row.label}</span><span>${row.active} / ${row.subscribed}</span><button title="Résilier"></button>`,
      ).join('')}</div></div>`,
    );
    expect(block.rows.map((row) => [row.label, row.count])).toEqual(
      CARD_ROWS.map((row) => [row.label, { active: row.active, subscribed: row.subscribed }]),
    );
  });

  it.each([
    [
      'counts before their labels',
      '<span>1 / 1</span><span>Licence simple</span><span>1 / 2</span><span>Licence full</span>',
    ],
    [
      'a total before the first label',
      '<span>Total 2 / 3</span><span>Licence simple</span><span>1 / 1</span><span>Licence full</span><span>1 / 2</span>',
    ],
  ])('gives no number in a flat grid with %s', (_case, cells) => {
    const block = read(`<div><p>Nombre de licences</p><div>${cells}</div></div>`);
    expect(block.rows.map(summary)).toEqual([
      { label: 'Licence simple', count: null, problem: 'ambiguous' },
      { label: 'Licence full', count: null, problem: 'ambiguous' },
    ]);
  });

  it('cuts loose words after a known type, keeps a known type written in pieces', () => {
    const block = read(`<div><p>Nombre de licences</p><div>
      <span>Licence simple</span><em>Actif</em><span>1 / 1</span>
      <b>Licence full</b> <span>avancée</span><span>0 / 0</span></div></div>`);
    expect(block.rows.map((row) => [row.label, row.count])).toEqual([
      ['Licence simple', { active: 1, subscribed: 1 }],
      ['Licence full avancée', { active: 0, subscribed: 0 }],
    ]);
  });

  it.each([
    [
      'an ARIA grid',
      (label: string, count: string) =>
        `<div role="row"><span role="rowheader">${label}</span><span role="cell">${count}</span></div>`,
      (rows: string) =>
        `<div role="grid"><div role="row"><span role="columnheader">Nombre de licences</span></div>${rows}</div>`,
    ],
    [
      'paragraphs',
      (label: string, count: string) => `<p><label>${label}</label> <output>${count}</output></p>`,
      (rows: string) => `<article><header>Nombre de licences</header>${rows}</article>`,
    ],
    [
      'a list of cards with the count first',
      (label: string, count: string) =>
        `<li><div><strong>${count}</strong></div><div><h5>${label}</h5></div></li>`,
      (rows: string) => `<section><h2>Nombre de licences</h2><ol>${rows}</ol></section>`,
    ],
  ])('reads %s', (_name, rowHtml, blockHtml) => {
    const block = read(
      blockHtml(
        CARD_ROWS.map((row) => rowHtml(`${row.label} ⓘ`, `${row.active} / ${row.subscribed}`)).join(''),
      ),
    );
    expect(block.rows.map((row) => [row.label, row.count])).toEqual(
      CARD_ROWS.map((row) => [row.label, { active: row.active, subscribed: row.subscribed }]),
    );
  });

  it('reads loose text lines', () => {
    const block = read(
      `<div><b>Nombre de licences</b><br>Licence simple 1 / 1<br>Licence full 1 / 2<br></div>`,
    );
    expect(block.rows.map(summary)).toEqual([
      { label: 'Licence simple', count: { active: 1, subscribed: 1 }, problem: null },
      { label: 'Licence full', count: { active: 1, subscribed: 2 }, problem: null },
    ]);
  });

  it('does not give a row with no count the next row’s count nor a total', () => {
    const block = read(`<table><tr><th>Nombre de licences</th></tr><tr><td>Licence simple</td><td></td></tr>
      <tr><td>Licence full</td><td>1 / 2</td></tr><tr><td>Total</td><td>1 / 2</td></tr></table>`);
    expect(block.rows.map(summary)).toEqual([
      { label: 'Licence simple', count: null, problem: 'missing' },
      { label: 'Licence full', count: { active: 1, subscribed: 2 }, problem: null },
    ]);
  });

  it.each([
    [
      'a dl whose empty dd is followed by a total',
      '<dl><dt>Licence simple</dt><dd>1 / 1</dd><dt>Licence full</dt><dd></dd><dt>Total</dt><dd>2 / 3</dd></dl>',
      'missing',
    ],
    [
      'a grid whose empty cell is followed by a total',
      '<div><span>Licence simple</span><span>1 / 1</span><span>Licence full</span><span></span><span>Total</span><span>2 / 3</span></div>',
      'ambiguous',
    ],
    [
      'a grid whose empty cell is followed by another label',
      '<div><span>Licence simple</span><span>1 / 1</span><span>Licence full</span><div></div><div>Sous-total</div><div>2 / 3</div></div>',
      'ambiguous',
    ],
    [
      'lines where a total follows a label without count',
      '<p>Licence simple 1 / 1<br>Licence full<br>Sous-total 2 / 3</p>',
      'ambiguous',
    ],
  ])('does not give a flat row with no count the count of a total after it: %s', (_, rows, problem) => {
    const block = read(`<div><h4>Nombre de licences</h4>${rows}</div>`);
    expect(block.rows.map(summary)).toEqual([
      { label: 'Licence simple', count: { active: 1, subscribed: 1 }, problem: null },
      { label: 'Licence full', count: null, problem },
    ]);
  });

  it.each([
    [
      'a table grouped in tbodies, a subtotal row after a row with an empty count',
      `<table><thead><tr><th>Nombre de licences</th></tr></thead>
        <tbody><tr><td>Licence simple</td><td>1 / 1</td></tr></tbody>
        <tbody><tr><td>Licence full</td><td></td></tr><tr><td>Sous-total</td><td>2 / 3</td></tr></tbody></table>`,
      'missing',
    ],
    [
      'a table grouped in tbodies, a row still loading above a dated line',
      `<table><thead><tr><th>Nombre de licences</th></tr></thead>
        <tbody><tr><td>Licence simple</td><td>1 / 1</td></tr></tbody>
        <tbody><tr><td>Licence full</td><td>Chargement…</td></tr><tr><td>Mis à jour</td><td>1/2</td></tr></tbody></table>`,
      'missing',
    ],
    [
      'div rows grouped, a subtotal after a row with an empty count cell',
      `<div><h4>Nombre de licences</h4><div><div class="row"><div>Licence simple</div><div>1 / 1</div></div></div>
        <div><div class="row"><div>Licence full</div><div></div></div><div>Sous-total 2 / 3</div></div></div>`,
      'missing',
    ],
    [
      'div rows grouped, a subtotal after a row whose count shows a dash',
      `<div><h4>Nombre de licences</h4><div><div class="row"><div>Licence simple</div><div>1 / 1</div></div></div>
        <div><div class="row"><div>Licence full</div><div>—</div></div><div>Sous-total 2 / 3</div></div></div>`,
      'missing',
    ],
    [
      'a grid whose count cell is still loading, a total after it',
      `<div><h4>Nombre de licences</h4><div><span>Licence simple</span><span>1 / 1</span>
        <span>Licence full</span><span>Chargement…</span><span>Total</span><span>2 / 3</span></div></div>`,
      'ambiguous',
    ],
    [
      'a panel per licence, its body empty, a count in its footer',
      `<div><h4>Nombre de licences</h4><div class="panel"><div>Licence simple</div><div>1 / 1</div></div>
        <div class="panel"><div>Licence full</div><div></div><div>Historique : 0 / 3</div></div></div>`,
      'ambiguous',
    ],
  ])('does not give a row with an empty count a count above or beside it: %s', (_, html, problem) => {
    expect(read(html).rows.map(summary)).toEqual([
      { label: 'Licence simple', count: { active: 1, subscribed: 1 }, problem: null },
      { label: 'Licence full', count: null, problem },
    ]);
  });

  it.each([
    [
      'a panel per licence',
      (label: string, count: string) => `<div class="panel"><div>${label}</div><div>${count}</div></div>`,
    ],
    [
      'a description line under the label',
      (label: string, count: string) =>
        `<div class="row"><div><span>${label}</span><div class="small">Poste complet</div></div><div>${count}</div></div>`,
    ],
    [
      'an image and a Bootstrap icon beside the label',
      (label: string, count: string) =>
        `<div class="row"><div><span>${label}</span> <img alt="" src="i.png"><span class="glyphicon"></span></div><div>${count}</div></div>`,
    ],
  ])('still reads %s', (_, rowHtml) => {
    const block = read(
      `<div><h4>Nombre de licences</h4>${CARD_ROWS.map((row) => rowHtml(row.label, `${row.active} / ${row.subscribed}`)).join('')}</div>`,
    );
    expect(block.rows.map((row) => [row.label, row.count])).toEqual(
      CARD_ROWS.map((row) => [row.label, { active: row.active, subscribed: row.subscribed }]),
    );
  });

  it('still reads a flat row whose count follows on the next line or after an icon', () => {
    const lines = read(
      '<div><h4>Nombre de licences</h4><p>Licence simple<br>1 / 1<br>Licence full<br>1 / 2</p></div>',
    );
    const icons =
      read(`<div><h4>Nombre de licences</h4><div><span>Licence simple</span><span class="glyphicon"></span>
      <span>1 / 1</span><span>Licence full</span><span></span><span>1 / 2</span></div></div>`);
    for (const block of [lines, icons])
      expect(block.rows.map(summary)).toEqual([
        { label: 'Licence simple', count: { active: 1, subscribed: 1 }, problem: null },
        { label: 'Licence full', count: { active: 1, subscribed: 2 }, problem: null },
      ]);
  });

  it('does not read licences of a dialog or of a numbers table as rows', () => {
    const block = read(`<div>${blockMarkup('table', cardRowMarkup().slice(0, 2))}
      <table><thead><tr><th>Numéro</th><th>Utilisateur</th><th>Licence</th></tr></thead>
      <tbody><tr><td>01 84 78 78 80</td><td>Jean</td><td>Licence full</td></tr></tbody></table>
      <div role="dialog"><h4>Résiliation licence full</h4><p>Licence full</p></div></div>`);
    expect(block.rows.map((row) => row.label)).toEqual(['Licence simple', 'Licence full']);
  });

  it('skips a row hidden by a stylesheet class (a template row), not a block in a tab panel not shown now', () => {
    const block = read(`<style>.is-template { display: none; }</style>
      <table><tr><th>Nombre de licences</th></tr><tr><td>Licence simple</td><td>1 / 1</td></tr>
      <tr class="is-template"><td>Licence modèle</td><td>0 / 0</td></tr></table>`);
    expect(block.rows.map((row) => row.label)).toEqual(['Licence simple']);
    mount(
      `<style>.tab-hidden { display: none; }</style><div role="tabpanel" class="tab-hidden">${blockMarkup('table', cardRowMarkup())}</div>`,
    );
    expect(readLicenceBlock(document)?.rows).toHaveLength(CARD_ROWS.length);
  });

  it('still reads the page behind an open modal that set aria-hidden on it', () => {
    const block = read(`<div id="app" aria-hidden="true">${blockMarkup('table', cardRowMarkup())}</div>`);
    expect(block.rows).toHaveLength(CARD_ROWS.length);
  });

  it('returns null when there is no block', () => {
    mount('<table><tr><td>Licence full</td><td>1 / 2</td></tr></table><p>Nombre de numéros</p>');
    expect(readLicenceBlock(document)).toBeNull();
  });

  it('returns a block with no rows for a heading without rows, ignoring licences elsewhere', () => {
    mount(`<div><div><h4>Nombre de licences</h4><p>Aucune information</p></div></div>
      <table><thead><tr><th>Numéro</th><th>Licence</th></tr></thead><tbody><tr><td>01 84 78 78 80</td><td>Licence full</td></tr></tbody></table>`);
    const block = readLicenceBlock(document);
    expect(block?.rows).toEqual([]);
    expect(block?.heading.textContent).toBe('Nombre de licences');
  });

  it('reads within a given root only', () => {
    mount(`<div id="a">${blockMarkup('divs', cardRowMarkup())}</div>`);
    expect(readLicenceBlock(document.createElement('div'))).toBeNull();
    expect(readLicenceBlock(document.getElementById('a') as HTMLElement)?.rows).toHaveLength(
      CARD_ROWS.length,
    );
  });
});

describe('legend', () => {
  const rows = cardRowMarkup();
  it.each([
    ['title', 'Licences actives / souscrites', 'active-of-subscribed'],
    [
      'data-original-title',
      'Nombre de licences utilisées sur le nombre de licences souscrites',
      'active-of-subscribed',
    ],
    ['aria-label', 'Licences disponibles / total', 'other'],
    ['data-content', 'Licences libres sur licences commandées', 'other'],
    ['title', 'Quantité / maximum', 'other'],
    ['title', 'Licences attribuables / souscrites', 'other'],
    ['title', 'Licences utilisables sur total', 'other'],
    ['title', 'Licences à affecter / souscrites', 'other'],
    ['title', 'Licences non encore associées / souscrites', 'other'],
    ['title', 'Licences sans numéro / total', 'other'],
    ['title', 'Unassigned / subscribed licences', 'other'],
    ['title', 'Licences attribuées / souscrites', 'active-of-subscribed'],
    ['title', 'Vos licences MetaCentrex', 'none'],
  ])('reads the heading icon %s %j as %s', (attribute, text, kind) => {
    const block = read(
      blockMarkup('table', rows, `Nombre de licences <i class="glyphicon" ${attribute}="${text}"></i>`),
    );
    expect(block.legend.kind).toBe(kind);
    if (kind !== 'none') expect(block.legend).toEqual({ kind, text });
  });

  it('reads an icon next to the heading', () => {
    const block = read(
      blockMarkup(
        'divs',
        rows,
        '<span>Nombre de licences</span> <a data-toggle="tooltip" title="Restantes / souscrites">ⓘ</a>',
      ),
    );
    expect(block.legend).toEqual({ kind: 'other', text: 'Restantes / souscrites' });
  });

  it.each([
    ['Nombre de licences (actives / souscrites)', 'active-of-subscribed'],
    ['Nombre de licences (disponibles / total)', 'other'],
  ])('reads a note in the heading %j', (heading, kind) => {
    expect(read(blockMarkup('dl', rows, heading)).legend.kind).toBe(kind);
  });

  it.each([
    ['<th>Actives / Souscrites</th>', 'active-of-subscribed'],
    ['<th>Libres / Total</th>', 'other'],
  ])('reads a column header %j', (header, kind) => {
    const block = read(
      `<table><tr><th>Nombre de licences</th>${header}</tr>${rows
        .map((row) => `<tr><td>${row.label}</td><td>${row.count}</td></tr>`)
        .join('')}</table>`,
    );
    expect(block.legend.kind).toBe(kind);
    expect(block.rows).toHaveLength(CARD_ROWS.length);
  });

  it('reads a short note after the block', () => {
    const block = read(
      `<div>${blockMarkup('table', rows)}<p><small>Licences disponibles / souscrites</small></p></div>`,
    );
    expect(block.legend.kind).toBe('other');
  });

  it('does not take the card’s own sentences around the block for a legend', () => {
    const block =
      read(`<p>ATTENTION Vous ne pouvez résilier une licence que si celle-ci n'est pas associée à un numéro (SDA).</p>
      <div>${blockMarkup('table', rows)}</div>
      <p>Si l'icône n'est pas cliquable, il vous faut au préalable dissocier la licence du numéro, voir la Fiche REFLEX « Dissocier un numéro »</p>`);
    expect(block.legend).toEqual({ kind: 'none' });
  });

  it('does not take row tooltips for a legend', () => {
    const block = read(
      blockMarkup(
        'table',
        withRow('Licence full', { label: 'Licence full <i title="Licence non utilisée / disponible"></i>' }),
      ),
    );
    expect(block.legend.kind).toBe('none');
  });
});
