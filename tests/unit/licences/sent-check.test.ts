import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSent, type SentValues } from '../../../lib/licences/sent-check';

const plain = { bulkRow: false, badInput: false };
const one = (value: string | null, more: Partial<SentValues> = {}): SentValues => ({
  value,
  disagree: null,
  lagging: null,
  ...more,
});

describe('checkSent: the quantity as the page would send it', () => {
  it.each([
    ['1 of at most 1', one('1'), 1, { valid: true, value: 1 }],
    ['2 of at most 1', one('2'), 1, { valid: false, reason: 'above-maximum' }],
    ['0', one('0'), 3, { valid: false, reason: 'below-minimum' }],
    ['-1', one('-1'), 3, { valid: false, reason: 'below-minimum' }],
    ['1.5', one('1.5'), 3, { valid: false, reason: 'not-whole' }],
    ['abc', one('abc'), 3, { valid: false, reason: 'not-a-number' }],
    ['empty', one(''), 3, { valid: false, reason: 'empty' }],
    ['anything with nothing terminable', one('1'), 0, { valid: false, reason: 'nothing-terminable' }],
    ['no value read, unknown maximum', one(null), null, { valid: true, value: 1 }],
    [
      'two values that differ',
      one('1', { disagree: ['1', '2'] }),
      3,
      { valid: false, reason: 'disagree', values: ['1', '2'] },
    ],
  ])('%s', (_how, values, atMost, expected) => {
    expect(checkSent(values, atMost, plain)).toEqual({ result: expected, lags: null });
  });

  it('a number field holding text its browser finds invalid is "not a number", not "empty"', () => {
    expect(checkSent(one(''), 3, { ...plain, badInput: true }).result).toEqual({
      valid: false,
      reason: 'not-a-number',
    });
  });

  it('a bulk row left empty or at 0 is not terminated (nothing to refuse), even beside other values', () => {
    for (const value of ['', '0', '00'])
      expect(checkSent(one(value), 0, { ...plain, bulkRow: true }).result).toEqual({ valid: true, value: 0 });
    expect(
      checkSent(one('0', { disagree: ['0', '2'] }), 3, { ...plain, bulkRow: true }).result,
    ).toMatchObject({
      reason: 'disagree',
    });
  });

  it.each([
    ['the copy at the prefilled 1, 2 typed, at most 2: let through, said', '2', '1', 2, true],
    ['the copy larger than typed (it would terminate more)', '1', '2', 2, false],
    ['the copy impossible (3 of at most 2)', '2', '3', 2, false],
    ['the typed value impossible', '3', '1', 2, false],
  ])('%s', (_how, typed, copy, atMost, passes) => {
    const { result, lags } = checkSent(one(typed, { disagree: [typed, copy], lagging: copy }), atMost, plain);
    expect(result.valid).toBe(passes);
    expect(lags).toBe(passes ? copy : null);
  });

  it('nothing terminable beside a lagging copy says nothing is terminable, not that values differ', () => {
    expect(checkSent(one('1', { disagree: ['1', '2'], lagging: '2' }), 0, plain).result).toEqual({
      valid: false,
      reason: 'nothing-terminable',
    });
  });

  it('property: whatever the values, what passes is possible and no lagging copy is more than it', () => {
    const text = fc.constantFrom('', '0', '1', '2', '3', '01', '-1', '1.5', 'abc', ' 2 ');
    fc.assert(
      fc.property(
        text,
        fc.option(text, { nil: null }),
        fc.integer({ min: 0, max: 3 }),
        (typed, copy, atMost) => {
          const values = one(
            typed,
            copy === null || copy === typed ? {} : { disagree: [typed, copy], lagging: copy },
          );
          const { result, lags } = checkSent(values, atMost, plain);
          if (!result.valid) return;
          expect(result.value).toBeGreaterThanOrEqual(1);
          expect(result.value).toBeLessThanOrEqual(atMost);
          if (lags !== null) expect(Number(lags)).toBeLessThanOrEqual(result.value);
          if (values.disagree) expect(lags).not.toBeNull();
        },
      ),
    );
  });
});
