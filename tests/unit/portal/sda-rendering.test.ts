/**
 * SDA numbers as the operator sees them: digits of other forms, numbers split by invisible characters,
 * numbers shown for the eyes only (aria-hidden) beside their screen-reader words. Each number shown
 * holding a licence counts once: never fewer (a number missed hides a disagreement with the count).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { numbersHoldingEach, readSdaAssignments } from '../../../lib/portal/sda';
import { mount } from '../fixtures/card';

afterEach(() => {
  document.head.innerHTML = '';
});

const SR_ONLY =
  '.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0,0,0,0); }';

function held(first: string, second: string): number {
  document.head.innerHTML = `<style>${SR_ONLY}</style>`;
  mount(`<table><thead><tr><th>Numéro</th><th>Licence</th></tr></thead><tbody>
    <tr><td>${first}</td><td>Licence full</td></tr>
    <tr><td>${second}</td><td>Licence full</td></tr></tbody></table>`);
  return numbersHoldingEach(readSdaAssignments(document))('Licence full');
}

describe('numbers holding a licence, as shown', () => {
  it.each([
    ['two plain numbers', '01 84 78 78 80', '01 84 78 78 81', 2],
    ['the same number written two ways', '01 84 78 78 80', '+33 1 84 78 78 80', 1],
    ['full-width digits', '０１ ８４ ７８ ７８ ８０', '０１ ８４ ７８ ７８ ８１', 2],
    ['Arabic-Indic digits', '٠١ ٨٤ ٧٨ ٧٨ ٨٠', '٠١ ٨٤ ٧٨ ٧٨ ٨١', 2],
    ['Devanagari digits beside plain ones', '०१ ८४ ७८ ७८ ८०', '01 84 78 78 81', 2],
    ['invisible characters inside a number', '01\u200B84 78\u00AD78 80', '01 84 78 78 81', 2],
    ['the same number, once with a zero-width space', '01 84 78\u200B78 80', '01 84 78 78 80', 1],
    [
      'numbers for the eyes only, words for screen readers',
      '<span aria-hidden="true">01 84 78 78 80</span><span class="sr-only">zéro un, quatre-vingt-quatre</span>',
      '<span aria-hidden="true">01 84 78 78 81</span><span class="sr-only">zéro un, quatre-vingt-quatre</span>',
      2,
    ],
    [
      'a hidden duplicate of the number',
      '<span class="sr-only">01 84 78 78 80</span>01 84 78 78 80',
      '01 84 78 78 81',
      2,
    ],
  ])('%s', (_, first, second, expected) => {
    expect(held(first, second)).toBe(expected);
  });
});
