import { describe, expect, it } from 'vitest';
import { parseCount, splitLabelAndCount } from '../../../lib/portal/count';

describe('parseCount', () => {
  it.each([
    ['1 / 2', 1, 2],
    ['1/2', 1, 2],
    ['0 / 0', 0, 0],
    ['1\u00A0/\u00A02', 1, 2],
    ['  12 /   40 ', 12, 40],
    ['1 / 2 Résilier', 1, 2],
    ['01 / 02', 1, 2],
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
