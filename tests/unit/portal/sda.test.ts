import { describe, expect, it } from 'vitest';
import { findNumbersTab, numbersHoldingEach, readSdaAssignments } from '../../../lib/portal/sda';
import { mount } from '../fixtures/card';

describe('readSdaAssignments', () => {
  it('reads a numbers table with number, user and licence columns in any order', () => {
    mount(`<table><thead><tr><th>Utilisateur</th><th>Numéro</th><th>Type</th><th>Licence</th><th>Action</th></tr></thead>
      <tbody>
        <tr><td>Jean Dupont</td><td>01 84 78 78 80</td><td>SDA</td><td>Licence full</td><td><button>Dissocier</button></td></tr>
        <tr><td></td><td>01\u00A084 78 78 81</td><td>SDA</td><td>full meeting</td><td><button>Dissocier</button></td></tr>
        <tr><td>Libre</td><td>01 84 78 78 82</td><td>SDA</td><td>—</td><td></td></tr>
        <tr><td>Marie</td><td>01 84 78 78 83</td><td>SDA</td><td><span class="text-muted">Aucune licence</span></td><td></td></tr>
        <tr><td>—</td><td>01 84 78 78 84</td><td>SDA</td><td>Licence SVI</td><td></td></tr>
        <tr><td colspan="5">Aucun autre numéro</td></tr>
      </tbody></table>`);
    expect(readSdaAssignments(document)).toEqual([
      { number: '01 84 78 78 80', licenceLabel: 'Licence full', user: 'Jean Dupont' },
      { number: '01 84 78 78 81', licenceLabel: 'Licence full meeting', user: null },
      { number: '01 84 78 78 84', licenceLabel: 'Licence SVI', user: null },
    ]);
  });

  it('reads a cell naming several licences as one assignment each, and keeps one licence whole', () => {
    mount(`<table><thead><tr><th>Numéro</th><th>Licences</th></tr></thead><tbody>
      <tr><td>01 84 78 78 80</td><td>Licence SVI, Licence full</td></tr>
      <tr><td>01 84 78 78 81</td><td><div>Licence simple</div><div>Licence fax entreprise</div></td></tr>
      <tr><td>01 84 78 78 82</td><td>Licence full, avancée</td></tr></tbody></table>`);
    expect(readSdaAssignments(document).map((one) => [one.number, one.licenceLabel])).toEqual([
      ['01 84 78 78 80', 'Licence SVI'],
      ['01 84 78 78 80', 'Licence full'],
      ['01 84 78 78 81', 'Licence simple'],
      ['01 84 78 78 81', 'Licence fax entreprise'],
      ['01 84 78 78 82', 'Licence full, avancée'],
    ]);
  });

  it('reads an ARIA grid with an "SDA" column and no user column', () => {
    mount(`<div role="table"><div role="row"><span role="columnheader">SDA</span><span role="columnheader">Licence associée</span></div>
      <div role="row"><span role="cell">09 70 00 00 01</span><span role="cell">Licence SVI</span></div></div>`);
    expect(readSdaAssignments(document)).toEqual([
      { number: '09 70 00 00 01', licenceLabel: 'Licence SVI', user: null },
    ]);
  });

  it('ignores tables without a number or a licence column, and hidden tables', () => {
    mount(`<table><tr><th>Réf. du service</th><th>Nom du service</th></tr><tr><td>1</td><td>Licence full</td></tr></table>
      <table><tr><th>Numéro</th><th>Utilisateur</th></tr><tr><td>01 84 78 78 80</td><td>Jean</td></tr></table>
      <table hidden><tr><th>Numéro</th><th>Licence</th></tr><tr><td>01 84 78 78 80</td><td>Licence full</td></tr></table>`);
    expect(readSdaAssignments(document)).toEqual([]);
  });
});

describe('numbersHoldingEach', () => {
  const held = (...pairs: [string, string][]) =>
    numbersHoldingEach(pairs.map(([number, licenceLabel]) => ({ number, licenceLabel, user: null })));

  it.each<[string, [string, string][], number]>([
    ['one number', [['01 84 78 78 80', 'Licence full']], 1],
    [
      'two numbers',
      [
        ['01 84 78 78 80', 'Licence full'],
        ['01 84 78 78 81', 'licence FULL'],
      ],
      2,
    ],
    [
      'the same number twice (two tables)',
      [
        ['01 84 78 78 80', 'Licence full'],
        ['01 84 78 78 80', 'Licence full'],
      ],
      1,
    ],
    [
      'the same number written four ways',
      [
        ['01 84 78 78 80', 'Licence full'],
        ['+33 1 84 78 78 80', 'full'],
        ['0033 1 84 78 78 80', 'Licence full'],
        ['01.84.78.78.80', 'Licence Full'],
      ],
      1,
    ],
    ['numbers of another licence', [['01 84 78 78 80', 'Licence SVI']], 0],
  ])('%s: counted once per number', (_, pairs, expected) => {
    expect(held(...pairs)('Licence full')).toBe(expected);
  });
});

describe('findNumbersTab', () => {
  it('finds the Bootstrap tab link', () => {
    mount('');
    expect(findNumbersTab(document)?.tagName).toBe('A');
    expect(findNumbersTab(document)?.textContent).toBe('Numéros');
  });

  it('prefers role=tab, accepts a count and the link inside a tab', () => {
    document.body.innerHTML = `<a href="/numeros">Numéros</a>
      <div role="tablist"><div role="tab" id="t">Numéros (3)</div></div>`;
    expect(findNumbersTab(document)?.id).toBe('t');
    document.body.innerHTML =
      '<div role="tablist"><div role="tab"><a id="l" href="#n">Numéros</a></div></div>';
    expect(findNumbersTab(document)?.id).toBe('l');
  });

  it.each([
    [
      'a hidden part between its letters',
      '<ul><li><a id="x" href="#n">Num<span hidden>ZZ</span>éros</a></li></ul>',
    ],
    ['upper case, spaced', '<ul><li><a id="x" href="#n">  NUMÉROS  </a></li></ul>'],
  ])('finds a tab named by %s (what the operator reads, not the raw text)', (_how, markup) => {
    document.body.innerHTML = `${'<button type="button">Résilier</button>'.repeat(3)}${markup}`;
    expect(findNumbersTab(document)?.id).toBe('x');
  });

  it('returns null without such a tab (a lone link in text is not a tab)', () => {
    document.body.innerHTML =
      '<p>Voir <a href="#">Numéros</a></p><ul><li><a>Détails</a></li></ul><div role="tab">Numéros disponibles</div>';
    expect(findNumbersTab(document)).toBeNull();
  });
});
