/**
 * Checking the "Quantité à résilier" typed by the operator against the most that can be terminated.
 *
 * Accepted: ASCII digits only, surrounding spaces/NBSP ignored, leading zeros allowed (`02` is 2).
 * Rejected on purpose: a sign (`+1`, `-1`), decimals (`1.5`, `1,5`), exponents (`1e1`), digit groups
 * (`1 000`) and full-width digits (`０１`): the portal's own parsing of those is unknown, and the
 * operator can always type the plain number.
 *
 * With no known maximum (`null`), what is never valid is still refused (empty, not digits, not whole,
 * below 1); any other whole number is "plausible", valid only as far as the rule can tell.
 */
import type { QuantityCheck } from './types';

export function validateQuantity(raw: string, max: number | null): QuantityCheck {
  const limit = max === null ? Number.POSITIVE_INFINITY : Number.isFinite(max) ? Math.floor(max) : 0;
  if (limit <= 0) return { valid: false, reason: 'nothing-terminable' };
  // `trim` also removes NBSP, narrow NBSP and the other Unicode spaces.
  const text = raw.trim();
  if (text === '') return { valid: false, reason: 'empty' };
  if (/^[-\u2212]\s*\d+$/.test(text)) return { valid: false, reason: 'below-minimum' };
  if (/^[-\u2212+]?\d*[.,]\d+$|^[-\u2212+]?\d+[.,]\d*$/.test(text))
    return { valid: false, reason: 'not-whole' };
  if (!/^\d+$/.test(text)) return { valid: false, reason: 'not-a-number' };
  const value = Number(text);
  if (value < 1) return { valid: false, reason: 'below-minimum' };
  if (value > limit) return { valid: false, reason: 'above-maximum' };
  return { valid: true, value };
}
