import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsCountShape, isGluedDate, parseCount, splitLabelAndCount } from '../../../lib/portal/count';

describe('parseCount', () => {
  it.each([
    ['1 / 2', 1, 2],
    ['1/2', 1, 2],
    ['0 / 0', 0, 0],
    ['1\u00A0/\u00A02', 1, 2],
    ['  12 /   40 ', 12, 40],
    ['1 / 2 Résilier', 1, 2],
    ['01 / 02', 1, 2],
    // Other numbers that cannot be the count: a price with its currency, a date, a reference.
    ['1 / 2 12,50 €', 1, 2],
    ['1 / 2 12,50€', 1, 2],
    ['1 / 2 9,90 € HT/mois', 1, 2],
    ['1 / 2 12.50 EUR', 1, 2],
    ['1 / 2 MC-000123', 1, 2],
    ['MC-000123 1 / 2 12,50 €', 1, 2],
    ['1 / 2 #42', 1, 2],
    ['1 / 2 01/12/2026', 1, 2],
    ['1 / 2 2026-12-01', 1, 2],
    ['1 / 2 1.12.26', 1, 2],
    ['(1 / 2)', 1, 2],
    // Dates without a year or a day, written glued: never the count.
    ['1 / 2 depuis le 01/12', 1, 2],
    ['1 / 2 (01/12)', 1, 2],
    ['1 / 2 fin 12/2026', 1, 2],
    ['1/2', 1, 2],
    ['12/31', 12, 31],
    // Digit groups written with NBSP, narrow NBSP, figure or thin space: one number, read exactly.
    ['1\u00A0234 / 2\u00A0000', 1234, 2000],
    ['1\u202F234 / 1\u202F234\u202F567', 1234, 1234567],
    ['999\u2009999 / 1\u2007000\u2007000', 999999, 1000000],
    // Bidi and format controls are not seen.
    ['\u200E1 / 2\u200F', 1, 2],
    ['\u20661\u2069 / \u202A2\u202C', 1, 2],
  ])('%j reads %i / %i', (text, active, subscribed) => {
    expect(parseCount(text)).toEqual({ count: { active, subscribed }, problem: null });
  });

  it.each([
    ['', 'missing'],
    ['—', 'missing'],
    ['Résilier', 'missing'],
    ['x / 2', 'not-a-number'],
    ['1.5 / 2', 'not-a-number'],
    ['1,5 / 2', 'not-a-number'],
    ['1 / 2 / 3', 'not-a-number'],
    ['1 /', 'not-a-number'],
    ['/ 2', 'not-a-number'],
    ['2', 'not-a-number'],
    ['+1 / 2', 'not-a-number'],
    ['１ / ２', 'not-a-number'],
    ['99999999999999999999 / 99999999999999999999', 'not-a-number'],
    ['-1 / 2', 'negative'],
    ['\u22121 / 2', 'negative'],
    ['1 / -2', 'negative'],
    ['3 / 2', 'active-exceeds-subscribed'],
    ['1 / 2 1 / 2', 'ambiguous'],
    ['1 / 2 3 / 4', 'ambiguous'],
    ['1 / 2 (3)', 'ambiguous'],
    // A bare number beside the count may be part of it: never guessed.
    ['1 / 2 12,50', 'ambiguous'],
    ['1 / 2 3x', 'ambiguous'],
    ['1 / 2 12:30', 'ambiguous'],
    ['1 / 2 01/12/2026 3 / 4', 'ambiguous'],
    // Written like a glued date but no date (month 0, day 0, month 13 and day 32): a second count.
    ['0 / 0 0/1900', 'ambiguous'],
    ['1 / 2 00/12', 'ambiguous'],
    ['1 / 2 13/2026', 'ambiguous'],
    ['1 / 2 32/01', 'ambiguous'],
    ['1 / 2 MC-1 3 / 4', 'ambiguous'],
    // Digit groups with a plain space (two cells side by side also read so), groups not of three
    // digits, dots or commas: never rounded nor cut.
    ['1 234 / 2 000', 'ambiguous'],
    ['1\u00A023 / 2', 'ambiguous'],
    ['1\u00A02345 / 9\u00A0999', 'ambiguous'],
    ['1.234 / 2.000', 'not-a-number'],
    ['1,234 / 2,000', 'not-a-number'],
    // A slash expression beside a currency is a price, not a count.
    ['1 / 2\u00A0100 €', 'missing'],
    ['1 / 2 € 12.50', 'missing'],
    ['12,50 €', 'missing'],
    ['01/12/2026', 'missing'],
    ['01/12', 'missing'],
    ['31/01', 'missing'],
    ['12/2026', 'missing'],
    ['3/2026', 'missing'],
    ['(06/2025)', 'missing'],
    ['MC-000123', 'missing'],
  ])('%j is a problem: %s', (text, problem) => {
    expect(parseCount(text)).toEqual({ count: null, problem });
  });
});

describe('splitLabelAndCount', () => {
  it.each([
    ['Licence full 1 / 2', 'Licence full', '1 / 2'],
    ['Licence full x / 2', 'Licence full', 'x / 2'],
    ['Licence full : 1/2', 'Licence full', '1/2'],
    ['Licence T2 pro', 'Licence T2 pro', ''],
    ['Licence full', 'Licence full', ''],
  ])('%j → %j + %j', (text, label, rest) => {
    expect(splitLabelAndCount(text)).toEqual({ label, rest });
  });
});

describe('holdsCountShape', () => {
  it.each([
    ['1 / 2', true],
    ['Total 3 / 9', true],
    ['-1 / 2', true],
    ['1 / 2 12,50 €', true],
    ['12,50 €', false],
    ['01/12/2026', false],
    ['x / 2', false],
    ['Actives / Souscrites', false],
    ['3', false],
  ])('%j → %s', (text, expected) => {
    expect(holdsCountShape(text)).toBe(expected);
  });
});

describe('parseCount on any row holding more than one count-like token', () => {
  const whole = fc.nat(2000).map(String);
  const countLike = fc.oneof(
    fc.tuple(whole, whole).map(([a, b]) => `${a} / ${b}`),
    // A glued real date (`3/2026`, `01/12`) is a date, not a count-like token (table above).
    fc
      .tuple(whole, whole)
      .map(([a, b]) => `${a}/${b}`)
      .filter((token) => !isGluedDate(token)),
    whole,
    whole.map((a) => `(${a})`),
  );
  const words = fc.constantFrom('', 'Résilier', 'licences', 'Actif', '–', ':', 'dont', 'ⓘ');
  it('never reads a number', () => {
    fc.assert(
      fc.property(
        fc.tuple(whole, whole),
        fc.array(fc.tuple(countLike, words), { minLength: 1, maxLength: 3 }),
        fc.nat(3),
        ([a, b], extra, at) => {
          const parts = extra.flat();
          parts.splice(Math.min(at, parts.length), 0, `${a} / ${b}`);
          expect(parseCount(parts.join(' ')).count).toBeNull();
        },
      ),
    );
  });
});
