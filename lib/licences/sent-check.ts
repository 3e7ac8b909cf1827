/**
 * The verdict on a termination dialog's quantity as the page would send it: the value the control
 * shows, and every other value the dialog may send as the quantity (read by lib/portal/sent-quantity.ts).
 * Values that differ are refused (which one the portal takes is not known), except a hidden copy still at
 * the prefilled value: either may then be sent, so both must be possible and the copy no more than typed —
 * unsynced, it terminates fewer than typed, never more — and it is let through, saying so.
 */
import { validateQuantity } from './quantity';
import type { QuantityCheck } from './types';

export interface SentValues {
  /** The value judged (the control's, else what its form would send); `null`: none read. */
  value: string | null;
  /** Every distinct value that may be sent, when they differ. */
  disagree: readonly string[] | null;
  /** The copies' value when every copy still holds the prefilled one, else `null`. */
  lagging: string | null;
}

export interface SentCheck {
  result: QuantityCheck;
  /** The lagging copy let through beside the quantity (to be said), else `null`. */
  lags: string | null;
}

export function checkSent(
  { value, disagree, lagging }: SentValues,
  atMost: number | null,
  how: {
    /** One row of a bulk dialog: left empty or at 0, that licence is not terminated. */
    bulkRow: boolean;
    /** The field holds text its browser finds invalid (its value, what is sent, is then ""). */
    badInput: boolean;
  },
): SentCheck {
  // Nothing to refuse in a bulk row left untouched (refused, a licence with nothing terminable would
  // stop every other one for good).
  const untouched = how.bulkRow && /^0*$/.test((value ?? '1').trim());
  const checked = validateQuantity(value ?? '1', atMost);
  // Refused as not a number, not as empty: the operator sees text in the field.
  const typed: QuantityCheck =
    how.badInput && !checked.valid && checked.reason === 'empty'
      ? { valid: false, reason: 'not-a-number' }
      : checked;
  const copy = lagging === null ? null : validateQuantity(lagging, atMost);
  const lags = copy?.valid === true && typed.valid && copy.value <= typed.value ? lagging : null;
  // Nothing terminable refuses every value the copies hold: said so, not « correct the quantity or
  // reopen the window », which would lead nowhere.
  const nothing = !typed.valid && typed.reason === 'nothing-terminable';
  const result: QuantityCheck =
    disagree && lags === null && (untouched || !nothing)
      ? { valid: false, reason: 'disagree', values: disagree }
      : untouched
        ? { valid: true, value: 0 }
        : typed;
  return { result, lags };
}
