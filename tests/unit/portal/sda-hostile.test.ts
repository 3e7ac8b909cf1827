/**
 * Hostile numbers (SDA) evidence: numbers written every way a French portal writes them, ranges, tables
 * laid out with spans or with an order number beside a licence, and lists that are only a part
 * (paginated, filtered, loading). A holder is listed only when certain; a part never passes for the whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numbersHoldingEach, readSdaAssignments, readSdaList } from '../../../lib/portal/sda';
import { phoneNumbersIn } from '../../../lib/portal/sda-numbers';
import { mount } from '../fixtures/card';

const KEY = '184787880';

describe('phoneNumbersIn', () => {
  it.each<[string, string, string[] | number | null]>([
    ['pairs', '01 84 78 78 80', [KEY]],
    ['dots', '01.84.78.78.80', [KEY]],
    ['dashes', '01-84-78-78-80', [KEY]],
    ['glued', '0184787880', [KEY]],
    ['+33', '+33 1 84 78 78 80', [KEY]],
    ['+33 (0)', '+33 (0)1 84 78 78 80', [KEY]],
    ['0033', '0033 1 84 78 78 80', [KEY]],
    ['with an extension', '01 84 78 78 80 poste 201', [KEY]],
    ['with "ext."', '01 84 78 78 80 ext. 12', [KEY]],
    ['two numbers', '01 84 78 78 80, 01 84 78 78 81', [KEY, '184787881']],
    ['a range "à 89"', '01 84 78 78 80 à 89', 10],
    ['a range "-89"', '01 84 78 78 80-89', 10],
    ['a range of whole numbers', '01 84 78 78 80 – 01 84 78 78 82', 3],
    ['a range backwards', '01 84 78 78 89 à 80', null],
    ['a shorthand list', '01 84 78 78 80, 81', null],
    ['an order number', 'N° 1', null],
    ['a reference', 'CMD-2026-0001', null],
    ['a short internal number', '201', null],
    ['no digit', 'Jean Dupont', []],
    ['a label after a dash', '01 84 78 78 80 - Accueil', [KEY]],
  ])('%s: %s', (_, cell, expected) => {
    const keys = phoneNumbersIn(cell);
    expect(typeof expected === 'number' ? keys?.length : keys).toEqual(expected);
  });

  const national = fc.integer({ min: 100_000_000, max: 999_999_999 }).map(String);
  const write = (nine: string, style: number) => {
    const pairs = [`0${nine[0]}`, ...(nine.slice(1).match(/\d\d/g) as string[])];
    return [
      pairs.join(' '),
      pairs.join('.'),
      pairs.join(''),
      `+33 ${nine[0]} ${pairs.slice(1).join(' ')}`,
      `+33 (0)${nine[0]} ${pairs.slice(1).join(' ')}`,
      `0033 ${nine[0]} ${pairs.slice(1).join(' ')}`,
      `${pairs.join(' ')} poste 201`,
    ][style] as string;
  };

  it('property: every writing of one number is that one number', () => {
    fc.assert(
      fc.property(national, fc.integer({ min: 0, max: 6 }), (nine, style) => {
        expect(phoneNumbersIn(write(nine, style))).toEqual([nine]);
      }),
    );
  });

  it('property: a range counts each of its numbers, or is not read — never one', () => {
    fc.assert(
      fc.property(national, fc.integer({ min: 1, max: 99 }), (nine, width) => {
        const last = (Number(nine.slice(-2)) + width) % 100;
        const keys = phoneNumbersIn(`${write(nine, 0)} à ${String(last).padStart(2, '0')}`);
        if (keys === null) expect(last).toBeLessThan(Number(nine.slice(-2)));
        else expect(keys).toHaveLength(last - Number(nine.slice(-2)) + 1);
      }),
    );
  });
});

function table(rows: string, head = '<th>Numéro</th><th>Utilisateur</th><th>Licence</th><th>Action</th>') {
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

describe('numbers holding a licence, counted', () => {
  it.each<[string, string, number]>([
    ['a range of ten', '<tr><td>01 84 78 78 80 à 89</td><td></td><td>Licence full</td><td></td></tr>', 10],
    [
      'a range written with a dash',
      '<tr><td>01 84 78 78 80-89</td><td></td><td>Licence full</td><td></td></tr>',
      10,
    ],
    [
      'one number, with and without its extension',
      `<tr><td>01 84 78 78 80</td><td></td><td>Licence full</td><td></td></tr>
       <tr><td>01 84 78 78 80 poste 201</td><td></td><td>Licence full</td><td></td></tr>`,
      1,
    ],
    [
      'one number split over two lines',
      '<tr><td><span>01 84 78</span><br><span>78 80</span></td><td></td><td>Licence full</td><td></td></tr>',
      1,
    ],
    [
      'two numbers in one cell',
      '<tr><td>01 84 78 78 80<br>01 84 78 78 81</td><td></td><td>Licence full</td><td></td></tr>',
      2,
    ],
    [
      'several licences joined by "/" and "et"',
      '<tr><td>01 84 78 78 80</td><td></td><td>Licence SVI / Licence full</td><td></td></tr><tr><td>01 84 78 78 81</td><td></td><td>Licence full et Licence SVI</td><td></td></tr>',
      2,
    ],
    [
      'a prefix of another licence',
      '<tr><td>01 84 78 78 80</td><td></td><td>Licence full avancée</td><td></td></tr>',
      0,
    ],
    ['accents and case', '<tr><td>01 84 78 78 80</td><td></td><td>LICENCE FULL</td><td></td></tr>', 1],
    [
      '« Aucune », « — », empty',
      '<tr><td>01 84 78 78 80</td><td></td><td>Aucune</td><td></td></tr><tr><td>01 84 78 78 81</td><td></td><td>—</td><td></td></tr><tr><td>01 84 78 78 82</td><td></td><td></td><td></td></tr>',
      0,
    ],
    [
      'a number being ported or reserved still holds what its licence cell says',
      '<tr><td>01 84 78 78 80 (en cours de portabilité)</td><td></td><td>Licence full</td><td><button disabled>Dissocier</button></td></tr><tr><td>01 84 78 78 81 réservé</td><td></td><td>Licence full</td><td></td></tr>',
      2,
    ],
  ])('%s', (_, rows, expected) => {
    mount(table(rows));
    expect(numbersHoldingEach(readSdaAssignments(document))('Licence full')).toBe(expected);
  });
});

describe('holders never read from the wrong cell', () => {
  it.each<[string, string, [string, string][]]>([
    [
      'an order table: « N° » and « Licence » columns',
      table(
        '<tr><td>1</td><td>Licence full</td><td>2</td></tr>',
        '<th>N°</th><th>Licence</th><th>Quantité</th>',
      ),
      [],
    ],
    [
      'an order number column',
      table(
        '<tr><td>CMD-2026-0001</td><td>Licence full</td></tr>',
        '<th>Numéro de commande</th><th>Licence</th>',
      ),
      [],
    ],
    [
      'a « N° de licence » column before the SDA column',
      table(
        '<tr><td>LIC-0001</td><td>01 84 78 78 80</td><td>Licence SVI</td></tr>',
        '<th>N° de licence</th><th>SDA</th><th>Licence</th>',
      ),
      [['01 84 78 78 80', 'Licence SVI']],
    ],
    [
      'a « Licence » header first and a « Numéro de licence » column',
      table(
        '<tr><td>Licence full</td><td>01 84 78 78 80</td><td>L-2</td></tr>',
        '<th>Licence</th><th>Numéro</th><th>Numéro de licence</th>',
      ),
      [['01 84 78 78 80', 'Licence full']],
    ],
    [
      'a number spanning two rows, one licence each',
      table(
        '<tr><td rowspan="2">01 84 78 78 80</td><td>Licence full</td></tr><tr><td>Licence SVI</td></tr>',
        '<th>Numéro</th><th>Licence</th>',
      ),
      [
        ['01 84 78 78 80', 'Licence full'],
        ['01 84 78 78 80', 'Licence SVI'],
      ],
    ],
    [
      'a user spanning two rows shifts nothing',
      table(
        '<tr><td rowspan="2">Jean</td><td>01 84 78 78 80</td><td>Licence full</td><td>Licence SVI</td></tr><tr><td>01 84 78 78 81</td><td>Licence simple</td><td>Licence fax entreprise</td></tr>',
        '<th>Utilisateur</th><th>Numéro</th><th>Licence</th><th>Ancienne offre</th>',
      ),
      [
        ['01 84 78 78 80', 'Licence full'],
        ['01 84 78 78 81', 'Licence simple'],
      ],
    ],
    [
      'a cell spanning the number and user columns',
      table(
        '<tr><td colspan="2">01 84 78 78 80</td><td>Licence full</td><td>Licence SVI</td></tr>',
        '<th>Utilisateur</th><th>Numéro</th><th>Licence</th><th>Ancienne offre</th>',
      ),
      [['01 84 78 78 80', 'Licence full']],
    ],
    [
      'header words in another order',
      table(
        '<tr><td>Licence full</td><td>Jean</td><td>01 84 78 78 80</td></tr>',
        '<th>Licence</th><th>Utilisateur</th><th>SDA</th>',
      ),
      [['01 84 78 78 80', 'Licence full']],
    ],
  ])('%s', (_, markup, expected) => {
    mount(markup);
    expect(readSdaAssignments(document).map((one) => [one.number, one.licenceLabel])).toEqual(expected);
  });
});

const ROWS = `<tr><td>01 84 78 78 80</td><td>Jean</td><td>Licence full</td><td><button>Dissocier</button></td></tr>
  <tr><td>01 84 78 78 81</td><td>Marie</td><td>Licence SVI</td><td><button>Dissocier</button></td></tr>`;

describe('a list that is only a part', () => {
  it.each<[string, string]>([
    ['« 1 à 10 sur 35 »', `${table(ROWS)}<p>1 à 10 sur 35</p>`],
    ['« Page 1 / 4 »', `${table(ROWS)}<p>Page 1 / 4</p>`],
    ['a « Suivant » link', `${table(ROWS)}<ul><li><a href="?page=2">Suivant</a></li></ul>`],
    [
      'a « Précédent » link (last page)',
      `${table(ROWS)}<ul><li><a href="?page=1">Précédent</a></li><li><span aria-disabled="true">Suivant</span></li></ul>`,
    ],
    ['a « › » button named « Page suivante »', `${table(ROWS)}<button aria-label="Page suivante">›</button>`],
    [
      'DataTables, French',
      `<div><div><div><label>Afficher <select><option value="10" selected>10</option><option value="25">25</option></select> éléments</label></div></div>
       <div><div>${table(ROWS)}</div></div>
       <div><div>Affichage de l'élément 1 à 2 sur 35 éléments</div></div></div>`,
    ],
    [
      'a length menu as full as the table',
      `${table(ROWS)}<label>Afficher <select><option value="2" selected>2</option></select> éléments</label>`,
    ],
    [
      'a search box with text',
      `<label>Rechercher : <input type="search" value="0184"></label>${table(ROWS)}`,
    ],
    [
      'DataTables « filtrés de »',
      `${table(ROWS)}<p>Affichage de l'élément 1 à 2 sur 2 éléments (filtrés de 35 éléments au total)</p>`,
    ],
    ['a « Voir plus » button', `${table(ROWS)}<button type="button">Voir plus</button>`],
    ['a virtualised grid', table(ROWS).replace('<table>', '<table aria-rowcount="120">')],
    ['rows still loading', table(`${ROWS}<tr><td colspan="4">Chargement…</td></tr>`)],
    ['an error row', table(`${ROWS}<tr><td colspan="4">Erreur : impossible de charger la suite</td></tr>`)],
    [
      'a row whose number cannot be read',
      table(`${ROWS}<tr><td>N° 3</td><td></td><td>Licence full</td><td></td></tr>`),
    ],
  ])('%s: partial, and what it shows is still read', (_, markup) => {
    mount(`<div role="tabpanel">${markup}</div>`);
    const list = readSdaList(document);
    expect(list.partial).toBe(true);
    expect(list.assignments.map((one) => one.number)).toEqual(['01 84 78 78 80', '01 84 78 78 81']);
  });

  it.each<[string, string]>([
    ['a plain table', table(ROWS)],
    [
      '« Page 1 sur 1 » with both links disabled',
      `${table(ROWS)}<nav><span aria-disabled="true">Précédent</span> Page 1 sur 1 <span aria-disabled="true">Suivant</span></nav>`,
    ],
    ['DataTables showing everything', `${table(ROWS)}<p>Affichage de l'élément 1 à 2 sur 2 éléments</p>`],
    [
      'an empty filter and its button',
      `<form role="search"><input type="text" value=""><button>Filtrer</button></form>${table(ROWS)}`,
    ],
    [
      'a « Dissocier » action disabled',
      table(ROWS.replace('<button>Dissocier</button>', '<button disabled>Dissocier</button>')),
    ],
  ])('%s: whole', (_, markup) => {
    mount(`<div role="tabpanel">${markup}</div>`);
    expect(readSdaList(document).partial).toBe(false);
  });

  it.each<[string, string, boolean]>([
    [
      'a tab pane not shown (by a class) is still read',
      '<style>.pane { display: none; }</style><div class="pane" role="tabpanel">',
      true,
    ],
    ['a tab pane the markup hides is not', '<div hidden role="tabpanel">', false],
  ])('%s', (_, open, read) => {
    mount(`${open}${table(ROWS)}</div>`);
    expect(readSdaAssignments(document).length > 0).toBe(read);
  });

  it('never looks at the licence block beside the numbers for its signs', () => {
    mount(`<div><h3>Nombre de licences</h3><p>Page 1 / 4</p><div role="tabpanel">${table(ROWS)}</div></div>`);
    expect(readSdaList(document).partial).toBe(false);
  });
});

describe('property: a holder is always its own row’s number and licence', () => {
  const LICENCES = ['Licence full', 'Licence SVI', 'Licence full avancée', 'Aucune', '—', ''];
  const OTHERS = ['N° 3', 'CMD-0001', '12', 'Jean'];
  const row = fc.record({
    number: fc.integer({ min: 100_000_000, max: 999_999_999 }),
    licence: fc.constantFrom(...LICENCES),
    other: fc.constantFrom(...OTHERS),
    tall: fc.boolean(),
  });

  it('whatever the column order, spans of the other column and decoys beside the number', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), fc.boolean(), (rows, numberFirst) => {
        const head = numberFirst
          ? '<th>Numéro</th><th>Commande</th><th>Licence</th>'
          : '<th>Commande</th><th>Licence</th><th>SDA</th>';
        let carried = 0;
        const body = rows
          .map(({ number, licence, other, tall }, at) => {
            const phone = `0${String(number).replace(/(\d)(\d\d)(\d\d)(\d\d)(\d\d)/, '$1 $2 $3 $4 $5')}`;
            const spans = tall && carried === 0 && at < rows.length - 1;
            const otherCell = carried > 0 ? '' : `<td${spans ? ' rowspan="2"' : ''}>${other}</td>`;
            carried = spans ? 1 : 0;
            const cells = numberFirst
              ? `<td>${phone}</td>${otherCell}<td>${licence}</td>`
              : `${otherCell}<td>${licence}</td><td>${phone}</td>`;
            return `<tr>${cells}</tr>`;
          })
          .join('');
        mount(table(body, head));
        const expected = rows
          .filter(({ licence }) => licence.startsWith('Licence'))
          .map(({ number, licence }) => [String(number), licence]);
        const read = readSdaAssignments(document).map((one) => [
          (phoneNumbersIn(one.number) ?? []).join(),
          one.licenceLabel,
        ]);
        expect(read).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
