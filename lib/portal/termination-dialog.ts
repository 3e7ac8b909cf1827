/**
 * Reading the "Résiliation licence <type>" dialog (card step 8): its two quantities, the
 * "Quantité à résilier" input and the "Confirmer" button, from labels and structure only. Finding the
 * dialog is here (its title or "Quantité à résilier", its box grown to what sends it, open shadow roots);
 * its parts are read by `dialog-fields.ts`, `quantity-control.ts` and `bulk-dialog.ts`.
 *
 * A dialog whose body is not there yet ("Chargement...") or that is hidden yields nothing: callers
 * read again when the page changes, and never see a half-loaded dialog.
 */
import { shownInAnotherOrder } from './bidi';
import { bulkParts } from './bulk-dialog';
import { actionLabel, confirmButton, readDialogActions, SUBMIT_WORDS } from './dialog-actions';
import {
  deepestWithText,
  fieldElements,
  fieldQuantity,
  isFieldLabel,
  isToTerminateLabel,
} from './dialog-fields';
import { findByText, widestWithSameText } from './find-by-text';
import {
  ACTIVE_LABEL,
  HEADING_LABEL,
  LOADING_LABEL,
  licenceLabelFromDialogTitle,
  SUBSCRIBED_LABEL,
  TERMINATION_TITLE_START,
  TO_TERMINATE_LABEL,
} from './labels';
import { controlsIn, hiddenQuantityInput, quantityInput } from './quantity-control';
import { DIALOG_ACTIONS as CLICKABLE, DIALOGS } from './selectors';
import { foldText } from './text';
import type { QuantityControl, QuantityPlace, TerminationDialog } from './types';
import { isHidden, oneRead, visibleText } from './visibility';

/** How many levels a dialog may grow to take in what sends it. */
const MAX_DIALOG_GROWTH = 4;
/** The licence block's heading ("Nombre de licences"): a box holding it is the page, not a dialog. */
const BLOCK_HEADING = new RegExp(HEADING_LABEL.replace(/ /g, '\\s+'), 'i');
/** How far above its title a dialog without ARIA role may start. */
const MAX_DIALOG_DEPTH = 6;

function mentionsLoading(element: Element): boolean {
  return findByText(element, LOADING_LABEL, () => true).length > 0;
}

/** The smallest ancestor of a title (without ARIA dialog) holding fields or a loader. */
function fieldsBoxOf(title: HTMLElement): HTMLElement | null {
  let current = title.parentElement;
  for (let depth = 0; current && depth < MAX_DIALOG_DEPTH && current.tagName !== 'BODY'; depth += 1) {
    if (findByText(current, 'quantite', isFieldLabel).length > 0 || mentionsLoading(current)) return current;
    current = current.parentElement;
  }
  return null;
}

/** Whether something in `box` can send the dialog: a button that acts, or a Confirmer / Valider / OK. */
function holdsASubmit(box: HTMLElement): boolean {
  const { acts, knowsSubmit } = readDialogActions(box);
  return knowsSubmit || acts.some((element) => SUBMIT_WORDS.test(foldText(actionLabel(element))));
}

/**
 * The dialog `start` (its ARIA dialog, else the smallest box around its title and fields) grown to
 * take in what can send it when that is outside (a footer beside the body): a Confirmer left out of
 * the dialog would never be blocked. It never grows over the page: not past the body, the licence
 * block, or another dialog's title or quantity (`anchors`); without anything that can send, it stays.
 */
function grownToItsSubmit(start: HTMLElement, anchors: readonly HTMLElement[]): HTMLElement {
  if (mentionsLoading(start) || holdsASubmit(start)) return start;
  let grown = start;
  for (let depth = 0; depth < MAX_DIALOG_GROWTH; depth += 1) {
    const parent = grown.parentElement;
    if (!parent || parent.tagName === 'BODY' || parent.tagName === 'HTML') break;
    const before = grown;
    if (anchors.some((other) => !before.contains(other) && parent.contains(other))) break;
    if (BLOCK_HEADING.test(parent.textContent ?? '')) break;
    grown = parent;
    if (holdsASubmit(grown)) return grown;
  }
  return start;
}

/**
 * Around a "Quantité à résilier" whose dialog has no title the reader knows: its ARIA dialog, else the
 * smallest box also holding "Quantité souscrite" or "Quantité active" (a sentence of help text alone
 * is no dialog).
 */
function untitledFieldsBox(label: HTMLElement): HTMLElement | null {
  const aria = label.closest<HTMLElement>(DIALOGS);
  if (aria) return aria;
  let current = label.parentElement;
  for (let depth = 0; current && depth < MAX_DIALOG_DEPTH && current.tagName !== 'BODY'; depth += 1) {
    const box = current;
    if ([SUBSCRIBED_LABEL, ACTIVE_LABEL].some((field) => fieldElements(box, field).length > 0)) return box;
    current = current.parentElement;
  }
  return formAround(label);
}

/**
 * The smallest box around "Quantité à résilier" that also holds its control and what sends it: a form
 * with nothing else (an inline editor opened in the licence's row) still sends a quantity. Never the
 * licence block itself.
 */
function formAround(label: HTMLElement): HTMLElement | null {
  let current = label.parentElement;
  for (let depth = 0; current && depth < MAX_DIALOG_DEPTH && current.tagName !== 'BODY'; depth += 1) {
    if (BLOCK_HEADING.test(current.textContent ?? '')) return null;
    if (controlsIn(current).length > 0 && holdsASubmit(current)) return current;
    current = current.parentElement;
  }
  return null;
}

/** Elements whose siblings can only be of their kind (cells, items): a message goes inside them. */
const ONLY_LIKE_SIBLINGS = new Set(['TD', 'TH', 'LI', 'DT', 'DD']);

/**
 * Where a message about the quantity goes when its input is not recognised: right after the
 * "Quantité à résilier" label — inside it when it is a cell or an item (a row or a list holds nothing
 * else), never inside a `label` (its text would join the name of what it labels) — else right after
 * the dialog's title.
 */
function quantityPlace(root: HTMLElement, title: HTMLElement): QuantityPlace {
  const label = fieldElements(root, TO_TERMINATE_LABEL)[0];
  if (!label) return { after: widestWithSameText(title, root) };
  return ONLY_LIKE_SIBLINGS.has(label.tagName) ? { inside: label } : { after: label };
}

/** Longer than this, a box is the page, not a dialog. */
const MAX_DIALOG_TEXT = 3000;
const TO_TERMINATE_FOLDED = foldText(TO_TERMINATE_LABEL);

/**
 * Whether an event's way up goes through a box small enough to be a dialog that shows a termination's
 * title or its "Quantité à résilier": cheap (no style, no reading), asked on the operator's actions that
 * no guard covers, to read the page again before judging them. The page itself (the body, a box
 * holding the licence block) is no dialog: a closed modal kept in it would make every click a reading.
 */
export function mayBeInTerminationDialog(path: readonly EventTarget[]): boolean {
  for (const target of path) {
    if ((target as Node).nodeType !== 1) continue;
    const { tagName } = target as Element;
    if (tagName === 'BODY' || tagName === 'HTML') return false;
    const text = (target as Element).textContent ?? '';
    if (text.length > MAX_DIALOG_TEXT || BLOCK_HEADING.test(text)) return false;
    // Both words hold "sili" (résiliation, résilier) whatever their case or accents, invisible
    // characters inside tolerated: most boxes are passed over without folding their text (this runs
    // on every key press in a field).
    if (!/s\W*i\W*l\W*i/i.test(text)) continue;
    const folded = foldText(text);
    if (folded.includes(TO_TERMINATE_FOLDED) || TERMINATION_TITLE_START.test(folded)) return true;
  }
  return false;
}

/**
 * Open shadow roots (web components) an operator's action went through in what may be a termination
 * dialog: read with the page from then on. Finding them otherwise would mean visiting every element.
 */
const shadowRoots = new Set<ShadowRoot>();

/** Reads `root` (an open shadow root on an action's way) with the page from now on, while its host is there. */
export function readShadowRoot(root: ShadowRoot): void {
  shadowRoots.add(root);
}

/** `root` and the shadow roots to read with it whose host is shown inside it. */
function rootsToRead(root: ParentNode): ParentNode[] {
  const roots = [root];
  for (const shadow of Array.from(shadowRoots)) {
    const { host } = shadow;
    if (!host.isConnected) shadowRoots.delete(shadow);
    else if ((root as Node).contains(host) && !isHidden(host)) roots.push(shadow);
  }
  return roots;
}

/** The visible, loaded "Résiliation licence …" dialogs under `root`. */
export function readTerminationDialogs(root: ParentNode): TerminationDialog[] {
  return oneRead(() => readDialogs(root));
}

function readDialogs(root: ParentNode): TerminationDialog[] {
  const roots = rootsToRead(root);
  const titles = roots.flatMap((at) =>
    findByText(at, 'siliation', (text) => licenceLabelFromDialogTitle(text) !== null, 120),
  );
  // Short texts only: a field label, possibly with its value. Hinted by "quantité", which no row of
  // the block holds (every row's "Résilier" would otherwise be looked at, twice per reading).
  const quantityLabels = roots.flatMap((at) => findByText(at, 'quantite', isToTerminateLabel, 40));
  const anchors = [...titles, ...quantityLabels];
  const dialogs: TerminationDialog[] = [];
  const seen = new Set<HTMLElement>();
  const read = (
    dialogRoot: HTMLElement,
    licenceLabel: string,
    title: HTMLElement,
    hidden?: QuantityControl,
  ) => {
    const parts = bulkParts(dialogRoot);
    if (parts.length > 0) return dialogs.push(...parts);
    // Digits shown in another order than the text holds them (an override shows `12` as `21`): unread.
    const reordered = shownInAnotherOrder([dialogRoot], true);
    return dialogs.push({
      root: dialogRoot,
      licenceLabel,
      subscribed: reordered ? null : fieldQuantity(dialogRoot, SUBSCRIBED_LABEL),
      active: reordered ? null : fieldQuantity(dialogRoot, ACTIVE_LABEL),
      quantityInput: hidden ?? quantityInput(dialogRoot),
      quantityPlace: quantityPlace(dialogRoot, title),
      ...(hidden ? { quantityOutOfSight: true } : {}),
      confirmButton: confirmButton(dialogRoot),
    });
  };
  for (const title of titles) {
    // A button or link reading "Résiliation licence full" opens the dialog; it is not one.
    if (title.closest(CLICKABLE)) continue;
    const start = title.closest<HTMLElement>(DIALOGS) ?? fieldsBoxOf(title);
    const dialogRoot = start && grownToItsSubmit(start, anchors);
    if (!dialogRoot || seen.has(dialogRoot) || isHidden(dialogRoot)) continue;
    seen.add(dialogRoot);
    const hasFields = deepestWithText(dialogRoot, isFieldLabel).length > 0;
    const licence = licenceLabelFromDialogTitle(visibleText(title)) ?? '';
    if (hasFields) read(dialogRoot, licence, title);
    else {
      // A wizard's recap step: the quantity typed at the step before, hidden, is what is sent.
      const hidden = hiddenQuantityInput(dialogRoot);
      if (hidden) read(dialogRoot, licence, title, hidden);
    }
  }
  // A dialog holding "Quantité à résilier" whose title is not "Résiliation licence …" (a portal that
  // words it otherwise) is a termination dialog all the same: never left unguarded. Its licence is
  // not known (''), so its maximum comes from its own quantities, compared with no row.
  for (const label of quantityLabels) {
    if (dialogs.some((dialog) => (dialog.scope ?? dialog.root).contains(label))) continue;
    const start = untitledFieldsBox(label);
    const dialogRoot = start && grownToItsSubmit(start, anchors);
    if (!dialogRoot || seen.has(dialogRoot) || isHidden(dialogRoot)) continue;
    seen.add(dialogRoot);
    read(dialogRoot, '', label);
  }
  return dialogs;
}
