import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateQuantity } from '../../../lib/licences/quantity';
import { CARD_DIALOG } from '../fixtures/card';

describe('validateQuantity', () => {
  it('accepts the card dialog value (1 of S − A = 1)', () => {
    expect(validateQuantity(CARD_DIALOG.toTerminate, CARD_DIALOG.subscribed - CARD_DIALOG.active)).toEqual({
      valid: true,
      value: 1,
    });
  });

  it.each([
    ['3', 3],
    [' 2 ', 2],
    ['\u00A02\u202F', 2],
    ['02', 2],
  ])('accepts %j as %i (max 3)', (raw, value) => {
    expect(validateQuantity(raw, 3)).toEqual({ valid: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not-a-number'],
    ['1e1', 'not-a-number'],
    ['+1', 'not-a-number'],
    ['０１', 'not-a-number'],
    ['1 000', 'not-a-number'],
    ['0x1', 'not-a-number'],
    ['1.5', 'not-whole'],
    ['1,5', 'not-whole'],
    ['1.', 'not-whole'],
    ['-1', 'below-minimum'],
    ['0', 'below-minimum'],
    ['00', 'below-minimum'],
    ['4', 'above-maximum'],
    ['99999999999999999999', 'above-maximum'],
  ])('rejects %j as %s (max 3)', (raw, reason) => {
    expect(validateQuantity(raw, 3)).toEqual({ valid: false, reason });
  });

  it.each([0, -1, Number.NaN, 0.5])('says nothing is terminable when max is %d', (max) => {
    expect(validateQuantity('1', max)).toEqual({ valid: false, reason: 'nothing-terminable' });
  });

  it('accepts exactly the whole numbers 1..max', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.integer({ min: -50, max: 50 }).map(String),
          fc.stringMatching(/^\s?[-+]?\d{0,3}[.,e]?\d{0,2}\s?$/),
        ),
        fc.integer({ min: -2, max: 40 }),
        (raw, max) => {
          const result = validateQuantity(raw, max);
          const trimmed = raw.trim();
          const expectedValid =
            max >= 1 && /^\d+$/.test(trimmed) && Number(trimmed) >= 1 && Number(trimmed) <= max;
          expect(result.valid).toBe(expectedValid);
          if (result.valid) expect(result.value).toBe(Number(trimmed));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('validateQuantity with an unknown maximum', () => {
  it.each([
    ['', 'empty'],
    ['abc', 'not-a-number'],
    ['1.5', 'not-whole'],
    ['-1', 'below-minimum'],
    ['0', 'below-minimum'],
  ])('still refuses %j as %s', (raw, reason) => {
    expect(validateQuantity(raw, null)).toEqual({ valid: false, reason });
  });

  it.each([
    ['1', 1],
    ['250', 250],
    ['99999999999999999999', 1e20],
  ])('finds %j plausible (no maximum to compare with)', (raw, value) => {
    expect(validateQuantity(raw, null)).toEqual({ valid: true, value });
  });
});
