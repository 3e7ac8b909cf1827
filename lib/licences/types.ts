import type { CountProblem } from '../portal/types';

/** Reading problems are found by lib/portal (they are its vocabulary); the rules' users name them here too. */
export type { CountProblem };

/** The QA contract's `data-state` values. */
export type LicenceState = 'terminable' | 'sda-linked' | 'none' | 'unknown';

/** Why a licence's numbers are not shown. */
export type UnknownReason =
  | CountProblem
  | 'dialog-disagrees' // the termination dialog's souscrite/active differ from the table's A / S
  | 'legend-disagrees' // the page says the count means something other than active / subscribed
  | 'sda-disagrees' // the page shows more numbers (SDA) holding the licence than the count's actives
  | 'termination-sent'; // a termination went through the guard and the row still shows the count it had

/**
 * Why numbers are not shown: the row's reasons, plus the guard's own (dialog quantities unreadable,
 * the table changed while the dialog was open).
 */
export type ShownReason = UnknownReason | 'dialog-unreadable' | 'table-changed';

/** The verdict for one licence row. Numbers are `null` exactly when `state` is `unknown`. */
export interface LicenceAssessment {
  label: string;
  state: LicenceState;
  subscribed: number | null;
  active: number | null;
  /** How many can be terminated right now: S − A. */
  terminable: number | null;
  reason: UnknownReason | null;
}

export interface LicenceSummary {
  terminableTotal: number;
  sdaLinkedTotal: number;
  /** Rows whose numbers are not shown; totals only count the others. */
  unknownCount: number;
}

/** The outcome of checking a typed "Quantité à résilier" against the most that can be terminated. */
export type QuantityCheck =
  | { valid: true; value: number }
  | {
      valid: false;
      reason:
        | 'empty'
        | 'not-a-number'
        | 'not-whole'
        | 'below-minimum'
        | 'above-maximum'
        | 'nothing-terminable';
    }
  /** The dialog holds several values that may be sent as the quantity, and they differ: `values`. */
  | { valid: false; reason: 'disagree'; values: readonly string[] };
