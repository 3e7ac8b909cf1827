import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DialogLimit } from '../../../lib/licences/judge-page';
import { asksTooMuch, boundOf } from '../../../lib/licences/one-send';

const max = (value: number): DialogLimit => ({ kind: 'max', max: value });
const unknown = (atMost?: number): DialogLimit =>
  atMost === undefined
    ? { kind: 'unknown', reason: 'table-changed' }
    : { kind: 'unknown', reason: 'table-changed', atMost };

describe('boundOf: the most a dialog may terminate, when known', () => {
  it.each<[string, DialogLimit, number | null]>([
    ['a maximum', max(3), 3],
    ['a maximum of 0', max(0), 0],
    ['an unknown maximum bounded by the readings', unknown(2), 2],
    ['an unknown maximum bounded at 0', unknown(0), 0],
    ['an unknown maximum with no bound', unknown(), null],
  ])('%s → %s', (_name, limit, bound) => {
    expect(boundOf(limit)).toBe(bound);
  });
});

describe('asksTooMuch: a second send before the page answered is judged with the first', () => {
  it.each<[string, number, number, DialogLimit, boolean]>([
    ['1 then 1 of 1 terminable', 1, 1, max(1), true],
    ['1 then 2 of 3 terminable: what remains', 1, 2, max(3), false],
    ['3 sent, then 1 of 3', 3, 1, max(3), true],
    ['nothing sent yet (an invalid first one counts 0)', 0, 1, max(1), false],
    ['a send of 0 (a bulk row left empty) on top of 1 of 1', 1, 0, max(1), false],
    ['bounded unknown maximum: 1 then 1 of at most 1', 1, 1, unknown(1), true],
    ['bounded unknown maximum: 1 then 1 of at most 2', 1, 1, unknown(2), false],
    ['unknown maximum without a bound: never refused', 50, 50, unknown(), false],
  ])('%s → %s', (_name, pending, value, limit, refused) => {
    expect(asksTooMuch(pending, value, limit)).toBe(refused);
  });

  it('refuses exactly when both together exceed a known bound, never without one', () => {
    const limits = fc.oneof(fc.nat(20).map(max), fc.option(fc.nat(20), { nil: undefined }).map(unknown));
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), limits, (pending, value, limit) => {
        const bound = boundOf(limit);
        expect(asksTooMuch(pending, value, limit)).toBe(bound !== null && pending + value > bound);
        // More asked, never less refused.
        if (asksTooMuch(pending, value, limit)) expect(asksTooMuch(pending, value + 1, limit)).toBe(true);
      }),
    );
  });
});
