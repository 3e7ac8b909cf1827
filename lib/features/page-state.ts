/**
 * What the extension learns while a page lives, shared by the features. A termination dialog that
 * disagrees with the table proves the table's reading wrong for that licence: the row stays
 * `unknown` after the dialog closes, as long as the row still shows the same count.
 */
import { sameLicence } from '../portal/labels';

export interface Disagreement {
  label: string;
  /** The row's count when the dialog disagreed: a new count (after a termination) is judged afresh. */
  rawCount: string;
}

export interface PageState {
  rememberDisagreement(disagreement: Disagreement): void;
  disagrees(label: string, rawCount: string): boolean;
}

export function createPageState(): PageState {
  const disagreements: Disagreement[] = [];
  const find = (label: string, rawCount: string) =>
    disagreements.some((known) => known.rawCount === rawCount && sameLicence(known.label, label));
  return {
    rememberDisagreement(disagreement) {
      if (!find(disagreement.label, disagreement.rawCount)) disagreements.push(disagreement);
    },
    disagrees: find,
  };
}
