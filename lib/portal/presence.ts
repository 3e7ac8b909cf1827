/**
 * Whether a piece of page text may belong to licence content: the "Nombre de licences" heading of
 * the Détails block or the title of a termination dialog. Built from the readers' own labels
 * (labels.ts), and deliberately loose (any case, any spacing, anywhere in the text): a false
 * "maybe" only loads the readers, which then decide strictly; a false "no" would leave a licence
 * page unannotated. Small enough for the detector that runs on every portal page.
 */
import { DETAILS_TAB_LABEL, HEADING_LABEL, SERVICES_LIST_HEADING, TERMINATION_TITLE_START } from './labels';
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
 * What switches tabs: ARIA tabs, links and buttons in a tab list, Bootstrap's tab toggles, in-page
 * anchors (`#details`). Structure only, no class: the portal's tab markup is not known.
 */
const TAB_CONTROLS = '[role="tab"], [role="tablist"] a, [data-toggle="tab"], a[href^="#"]';
const DETAILS_TAB = foldText(DETAILS_TAB_LABEL);

/** The tab control labelled "Détails" that `target` is (or is inside), if any. */
export function detailsTabControl(target: EventTarget | null): Element | null {
  const control = (target as Element | null)?.closest?.(TAB_CONTROLS) ?? null;
  return control && foldText(control.textContent ?? '') === DETAILS_TAB ? control : null;
}

/**
 * Whether a tab control shows as the chosen one: ARIA (`aria-selected`, `aria-expanded`, on it or on
 * the tab it sits in) or Bootstrap's `active` on it or on its list item (the portal is Bootstrap 3).
 */
function chosen(control: Element): boolean {
  const tab = control.closest('[role="tab"]') ?? control;
  for (const element of [control, tab])
    if (element.getAttribute('aria-selected') === 'true' || element.getAttribute('aria-expanded') === 'true')
      return true;
  return control.classList.contains('active') || control.closest('li')?.classList.contains('active') === true;
}

/** Whether a text the parser adds is the label of a Détails tab shown as the chosen one. */
export function labelsChosenDetailsTab(text: Text): boolean {
  // Most texts a page parses are not it: the cheap tests first ("tails" whatever the accent or case).
  if (text.data.length > 40 || !/tails/i.test(text.data)) return false;
  const control = detailsTabControl(text.parentElement);
  return control !== null && chosen(control);
}

/**
 * Whether the page shows its Détails tab as the chosen one: the licence block is on its way (its pane
 * loads after "Chargement..."). Only ever a reason to load the assistant early — a wrong "yes" costs
 * an assistant that finds nothing, a wrong "no" the wait for the block; what is shown never depends on it.
 */
export function showsDetailsTab(root: ParentNode): boolean {
  for (const control of root.querySelectorAll(TAB_CONTROLS))
    if (foldText(control.textContent ?? '') === DETAILS_TAB && chosen(control)) return true;
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
