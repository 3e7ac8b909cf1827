/**
 * A bulk termination dialog: several licences, one row each with its own quantity, read row by row
 * (each row's licence, souscrite, active and control) so that each quantity is judged against its own
 * licence.
 */
import { shownInAnotherOrder } from './bidi';
import { confirmButton } from './dialog-actions';
import { wholeNumber } from './dialog-fields';
import { isLicenceLabel } from './labels';
import { controlsIn } from './quantity-control';
import { foldText, normaliseText } from './text';
import type { TerminationDialog } from './types';
import { visibleText } from './visibility';

/**
 * Whether a folded text names the field `word` (`souscrit`, `activ`) at a word's start and not negated:
 * « Inactives », « Désactivées », « Non actives » say the opposite.
 */
function namesField(text: string, word: string): boolean {
  return new RegExp(`(?:^|[^\\p{L}])${word}`, 'u').test(text) && !/(?:^|[^\p{L}])non\b/u.test(text);
}

/** A row's number under the column headed by `word` (`souscrit`, `activ`), or in a cell `souscrite 2`. */
function rowQuantity(row: Element, header: Element | undefined, word: string): number | null {
  const cells = Array.from(row.children);
  const column = header
    ? Array.from(header.children).findIndex((cell) => namesField(foldText(visibleText(cell)), word))
    : -1;
  const under = cells[column];
  // A header row that is a row of data itself (`souscrite 2`) heads nothing: the cell says its field.
  const inColumn = under && header !== row ? wholeNumber(visibleText(under)) : null;
  if (inColumn !== null) return inColumn;
  const inline = cells.map((cell) => {
    const text = foldText(visibleText(cell));
    return namesField(text, word) ? new RegExp(`${word}\\S*\\s*:?\\s*(\\d+)$`).exec(text) : null;
  });
  const found = inline.find((match) => match)?.[1];
  return found === undefined ? null : Number(found);
}

/**
 * A bulk dialog: several licences, each on its own row with its own quantity (« Licence full | 2 | 1 |
 * [ ] »). Each row is read as a dialog of its own — its licence, its souscrite and active, its input —
 * so that each input is judged against its licence's maximum (and its row of the Détails block). Only
 * when every control sits alone in a row naming one licence: otherwise which input is whose cannot be
 * told, and the dialog is read as one (its input then not recognised).
 */
export function bulkParts(root: HTMLElement): TerminationDialog[] {
  const controls = controlsIn(root);
  const confirm = confirmButton(root);
  const parts: TerminationDialog[] = [];
  for (const control of controls) {
    const row = control.closest('tr, [role="row"]');
    const licence = row && Array.from(row.children, (cell) => visibleText(cell)).find(isLicenceLabel);
    if (
      !row ||
      !root.contains(row) ||
      !licence ||
      controls.some((other) => other !== control && row.contains(other))
    )
      return [];
    const header =
      row.parentElement?.closest('table, [role="table"], [role="grid"]')?.querySelector('tr, [role="row"]') ??
      undefined;
    const reordered = shownInAnotherOrder([row], true);
    parts.push({
      root: row as HTMLElement,
      scope: root,
      licenceLabel: normaliseText(licence),
      subscribed: reordered ? null : rowQuantity(row, header, 'souscrit'),
      active: reordered ? null : rowQuantity(row, header, 'activ'),
      quantityInput: control,
      quantityPlace: { after: control },
      confirmButton: confirm,
    });
  }
  return parts;
}
