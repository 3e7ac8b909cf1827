/**
 * Whether a piece of page text may belong to licence content: the "Nombre de licences" heading of
 * the Détails block or the title of a termination dialog. Built from the readers' own labels
 * (labels.ts), and deliberately loose (any case, any spacing, anywhere in the text): a false
 * "maybe" only loads the readers, which then decide strictly; a false "no" would leave a licence
 * page unannotated. Small enough for the detector that runs on every portal page.
 */
import { HEADING_LABEL, SERVICES_LIST_HEADING, TERMINATION_TITLE_START } from './labels';
import { foldText } from './text';

/** `Nombre de licences` with any run of (Unicode) spaces between its words, any case. */
const HEADING = new RegExp(HEADING_LABEL.split(' ').join('\\s+'), 'iu');
export function mayHoldLicenceContent(text: string): boolean {
  return HEADING.test(text) || TERMINATION_TITLE_START.test(text);
}

/**
 * Whether the page is the services list (`Paramétrage / Monitoring` as a heading, not the menu link
 * every page has): the audit's start button goes there (its own small script, not the assistant).
 */
export function showsServicesList(root: ParentNode): boolean {
  const wanted = foldText(SERVICES_LIST_HEADING);
  for (const heading of root.querySelectorAll('h1, h2, h3'))
    if (foldText(heading.textContent ?? '') === wanted) return true;
  return false;
}

/**
 * Where a dialog can appear or change: elements the page marks as dialogs (ARIA `dialog` /
 * `alertdialog`, `aria-modal`, `<dialog>`), shown or hidden, empty or filled — Bootstrap 3's modals
 * (the portal's) carry `role="dialog"` and are filled ("Chargement...") and shown in place.
 */
export function dialogPlaces(root: ParentNode): Element[] {
  return [...root.querySelectorAll('[role="dialog"], [role="alertdialog"], [aria-modal="true"], dialog')];
}
