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

/** What identifies a dialog's content: the same dialog element is reused for every licence. */
export interface DialogSeen {
  root: HTMLElement;
  licenceLabel: string;
  subscribed: number | null;
  active: number | null;
}

export interface PageState {
  rememberDisagreement(disagreement: Disagreement): void;
  disagrees(label: string, rawCount: string): boolean;
  /**
   * The row's count when this dialog content was first seen. After Confirmer, the portal replaces the
   * block (new counts) while the dialog still shows the old quantities: comparing those would be a
   * false disagreement, so a dialog is only compared with the table it opened over.
   */
  countWhenOpened(dialog: DialogSeen, rawCount: string): string;
}

export function createPageState(): PageState {
  const disagreements: Disagreement[] = [];
  const find = (label: string, rawCount: string) =>
    disagreements.some((known) => known.rawCount === rawCount && sameLicence(known.label, label));
  const opened = new WeakMap<HTMLElement, DialogSeen & { rawCount: string }>();
  return {
    countWhenOpened(dialog, rawCount) {
      const seen = opened.get(dialog.root);
      if (
        seen &&
        seen.subscribed === dialog.subscribed &&
        seen.active === dialog.active &&
        sameLicence(seen.licenceLabel, dialog.licenceLabel)
      )
        return seen.rawCount;
      opened.set(dialog.root, { ...dialog, rawCount });
      return rawCount;
    },
    rememberDisagreement(disagreement) {
      if (!find(disagreement.label, disagreement.rawCount)) disagreements.push(disagreement);
    },
    disagrees: find,
  };
}
