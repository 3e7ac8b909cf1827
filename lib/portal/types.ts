/**
 * What the portal adapter reads off a page. Everything here comes from visible French labels and
 * page structure (see docs/extension.md, "How it finds things"), never from the mock's ids, classes or URLs.
 */

/**
 * Why a row's count could not be read as a trustworthy `A / S`: a reading problem, found here where
 * the page is read (the rules in lib/licences take it up as a reason).
 */
export type CountProblem =
  | 'missing' // no count text at all
  | 'not-a-number' // e.g. `x / 2`, `1,5 / 2`, `1 / 2 / 3`
  | 'negative' // e.g. `-1 / 2`
  | 'active-exceeds-subscribed' // e.g. `3 / 2`: impossible under the active/subscribed reading
  | 'ambiguous' // more than one count-like text in the row, or a number that may be part of the count
  | 'duplicate-licence' // the same licence label on several rows of the block: which one is right?
  | 'pending-note' // words on the row say an operation is pending (`dont une en cours de résiliation`)
  | 'legend-disagrees' // the page (a legend, or words on the row: `1 / 2 disponibles`) gives the count another meaning
  | 'several-blocks'; // several "Nombre de licences" blocks are shown: which one is the live one?

/** A count written `A / S` on the Détails tab: A active (held by an SDA), S subscribed. */
export interface LicenceCount {
  active: number;
  subscribed: number;
}

/** One licence row of the "Nombre de licences" block. */
export interface LicenceRow {
  /** The label as shown, whitespace-normalised, trimmed, icons (ⓘ…) removed: `Licence full`. */
  label: string;
  /** The row: a `tr`, or the smallest element grouping the label with its count. */
  element: HTMLElement;
  /** The element holding the label text; annotations are mounted next to it. */
  labelElement: HTMLElement;
  /** The count text as read and normalised (`''` when there is none). */
  rawCount: string;
  /** `null` exactly when `problem` is set. */
  count: LicenceCount | null;
  problem: CountProblem | null;
}

/** What the page says the `A / S` count means, when it says anything (a legend or tooltip). */
export type CountLegend =
  | { kind: 'none' }
  | { kind: 'active-of-subscribed'; text: string }
  | { kind: 'other'; text: string };

/**
 * The "Nombre de licences ⓘ" block of the Détails tab. `rows` is empty when the heading is there but
 * no `Licence …` row could be found near it (the block is then "not recognised", not absent).
 */
export interface LicenceBlock {
  /** The element whose own text is "Nombre de licences". */
  heading: HTMLElement;
  /** The smallest element holding the heading and every row. */
  container: HTMLElement;
  rows: LicenceRow[];
  /**
   * Rows of the block that carry something shaped like an `A / S` count but could not be read as a
   * licence (a misspelt label, a total, a row without a label): the summary counts them as unknown,
   * so that it never hides a row.
   */
  unreadRows: number;
  legend: CountLegend;
}

/**
 * The "Résiliation licence <type>" dialog, once its body is there: a dialog still showing
 * "Chargement..." (no quantity label yet) or hidden is not read at all.
 */
export interface TerminationDialog {
  /** The dialog element (role=dialog, or the smallest element holding title and fields). */
  root: HTMLElement;
  /**
   * In a bulk dialog (several licences, each with its quantity): the dialog, `root` being one
   * licence's row, read and judged as a dialog of its own.
   */
  scope?: HTMLElement;
  /** The licence the dialog is for, written like the Détails rows: `Licence full`. */
  licenceLabel: string;
  /** "Quantité souscrite" and "Quantité active", `null` when absent or not a whole number. */
  subscribed: number | null;
  active: number | null;
  /**
   * The "Quantité à résilier" input, or the list it is chosen in (`quantityText` reads either);
   * `null` when none, or several, could be it.
   */
  quantityInput: QuantityControl | null;
  /** Where a message about the quantity goes when its input is not recognised (or not in sight). */
  quantityPlace: QuantityPlace;
  /** The input is in a step the dialog hides (a wizard's recap shown): still what is sent. */
  quantityOutOfSight?: true;
  /** The button labelled "Confirmer" (or "Valider"), the one the guard may block. */
  confirmButton: HTMLElement | null;
}

/** Where the quantity is typed, chosen, or shown by a stepper (`quantityText` reads each). */
export type QuantityControl = HTMLInputElement | HTMLSelectElement | HTMLElement;

/** At the end of an element, or right after it. */
export type QuantityPlace = { inside: HTMLElement } | { after: HTMLElement };

/** An SDA and the licence it holds, where the page shows it (e.g. a "Numéros" table). */
export interface SdaAssignment {
  number: string;
  licenceLabel: string;
  user: string | null;
}
