import type { CountProblem } from '../portal/types';

/** The QA contract's `data-state` values. */
export type LicenceState = 'terminable' | 'sda-linked' | 'none' | 'unknown';

/** Why a licence's numbers are not shown. */
export type UnknownReason =
  | CountProblem
  | 'dialog-disagrees' // the termination dialog's souscrite/active differ from the table's A / S
  | 'legend-disagrees'; // the page says the count means something other than active / subscribed

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
    };
