import type { ShownReason } from '../licences/types';

/**
 * Every reason the numbers may not be shown for, at run time (the popup checks what a content script
 * answers against it; tests go through each). `satisfies` a `Record`: a reason added to the types and
 * not listed here, or listed and no longer produced, does not compile.
 */
export const SHOWN_REASONS = Object.keys({
  missing: true,
  'not-a-number': true,
  negative: true,
  'active-exceeds-subscribed': true,
  ambiguous: true,
  'duplicate-licence': true,
  'pending-note': true,
  'legend-disagrees': true,
  'several-blocks': true,
  'dialog-disagrees': true,
  'sda-disagrees': true,
  'termination-sent': true,
  'dialog-unreadable': true,
  'table-changed': true,
} satisfies Record<ShownReason, true>) as readonly ShownReason[];

/** `reason` when this version knows it (an older or newer content script may answer another). */
export function knownReason(reason: unknown): ShownReason | null {
  return SHOWN_REASONS.includes(reason as ShownReason) ? (reason as ShownReason) : null;
}
