/**
 * Which licence a termination dialog that names none is about, from where the page opened it: inside
 * the licence block, the row holding it (an inline editor) or the last row before it.
 */
import type { LicenceBlock, TerminationDialog } from './types';

/** Whether `node` comes before `other` in the document. */
const precedes = (node: Node, other: Node) => (node.compareDocumentPosition(other) & 4) !== 0;

/**
 * A dialog that does not name its licence, opened inside the licence block (an inline editor in a
 * row, or in a row of its own after it): the licence of the row holding it, else of the last row
 * before it. Judged against that row, as a titled dialog is.
 */
export function inItsRow(dialog: TerminationDialog, block: LicenceBlock | null): TerminationDialog {
  const box = dialog.scope ?? dialog.root;
  if (dialog.licenceLabel !== '' || !block?.container.contains(box)) return dialog;
  const rows = block.rows.filter(({ element }) => element.contains(box) || precedes(element, box));
  const row = rows.find(({ element }) => element.contains(box)) ?? rows[rows.length - 1];
  return row ? { ...dialog, licenceLabel: row.label } : dialog;
}
