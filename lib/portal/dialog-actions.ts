/**
 * What the elements of a termination dialog do when activated, from their role and visible label
 * only. The portal's markup is unknown, so the safe reading is: an element that can be activated
 * (clicked, Enter, Space) and is not clearly "Annuler", "Fermer" or "×" may send the quantity,
 * whatever its label says ("Confirmer", "Résilier", "OK", an icon with only an `aria-label`, a link
 * with a script behind it). Fields are where the operator types and never send by a click.
 */

import { visibleElementsMatching } from './find-by-text';
import { CONFIRM_LABEL, SUBMIT_LABELS, VALIDATE_LABEL } from './labels';
import { DIALOG_ACTIONS } from './selectors';
import { foldText, normaliseText } from './text';
import { isOwnElement, visibleText } from './visibility';

/**
 * - `acts`: may send or change something: blocked while the quantity is wrong;
 * - `cancel`: closes the dialog without sending (Annuler, Fermer, ×);
 * - `field`: where the operator types or picks (inputs, labels of fields, lists, a stepper's +/−);
 * - `own`: one of the extension's elements;
 * - `none`: no actionable element between the event's target and the dialog (text, layout);
 * - `backdrop`: the dialog element itself (a modal's backdrop: clicking it closes the modal).
 */
export type ActionKind = 'acts' | 'cancel' | 'field' | 'own' | 'none' | 'backdrop';

/** Everything that can be activated, including custom buttons and links with handlers. */
const ACTIONABLE = [
  'a',
  'area',
  'button',
  'input',
  'select',
  'textarea',
  'label',
  'summary',
  '[role="button"]',
  '[role="link"]',
  '[role="menuitem"]',
  '[role="switch"]',
  '[role="checkbox"]',
  '[onclick]',
  '[contenteditable]:not([contenteditable="false"])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/** What a click on these inputs does is press a button; every other input type is a field. */
const BUTTON_INPUT_TYPES = new Set(['submit', 'button', 'image', 'reset']);

/** Button-like elements: when a dialog has one that acts, the guard knows what would submit. */
const BUTTON_LIKE =
  'button, input[type="submit"], input[type="button"], input[type="image"], [role="button"]';

/**
 * A stepper's +/− only changes the quantity, which the guard judges at the moment of sending: a field,
 * so that a wrong quantity can be put right with the stepper too.
 */
const STEPPER_SIGNS = new Set(['+', '−', '-', '–', '＋', '－']);
const STEPPER_WORDS = /^(?:(?:augmenter|diminuer|incrementer|decrementer)\b.*|plus|moins)$/;

/** Labels that only close: "Annuler", "Fermer", and the multiplication-sign close buttons (× ✕ ✖ ⨯). */
// Not « Non »: a termination dialog may ask a question both of whose answers send it (« Conserver les
// numéros ? Oui / Non »); a confirmation's « Non » is judged like its « Oui » (Annuler, Fermer, Escape stay).
const CANCEL_WORDS = new Set(['annuler', 'fermer']);
const CLOSE_SIGNS = new Set(['×', '✕', '✖', '⨯', 'x']);

/** The name a person hears for the element: aria-label(ledby), a button input's value, its text, its title. */
export function actionLabel(element: Element): string {
  const aria = element.getAttribute('aria-label');
  if (aria && normaliseText(aria) !== '') return aria;
  const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  const document = element.ownerDocument;
  const labelled = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  if (normaliseText(labelled) !== '') return labelled;
  if (element.tagName === 'INPUT') {
    const value = (element as HTMLInputElement).value;
    if (normaliseText(value) !== '') return value;
  }
  // Raw text too: `normaliseText` drops some close signs as icons (✖ is an emoji).
  const text = visibleText(element) || (element.textContent ?? '').trim();
  return text !== '' ? text : (element.getAttribute('title') ?? '');
}

/** Exactly "Annuler" / "Fermer" / a close sign: "Annuler la licence" might well terminate it. */
export function isCancel(element: Element): boolean {
  const label = actionLabel(element);
  return CANCEL_WORDS.has(foldText(label)) || CLOSE_SIGNS.has(label.trim().toLowerCase());
}

export function isStepper(element: Element): boolean {
  const label = actionLabel(element);
  return STEPPER_SIGNS.has(label.trim()) || STEPPER_WORDS.test(foldText(label));
}

/** Where the operator types or picks without a native field (a custom stepper's value, a combobox). */
const FIELD_ROLES =
  '[contenteditable]:not([contenteditable="false"]), [role="spinbutton"], [role="slider"], [role="textbox"], [role="combobox"], [role="listbox"]';

function isField(element: Element): boolean {
  switch (element.tagName) {
    case 'INPUT':
      return !BUTTON_INPUT_TYPES.has((element.getAttribute('type') ?? 'text').toLowerCase());
    case 'SELECT':
    case 'TEXTAREA':
      return true;
    case 'LABEL': {
      // A label activates its control: one for a button is that button (a page may even listen on it).
      const control = (element as HTMLLabelElement).control;
      return !control || isField(control);
    }
    default:
      return element.matches(FIELD_ROLES) || isStepper(element);
  }
}

/**
 * Whether a stepper-like element (`−`, `Diminuer`…) is `input`'s own: the smallest box holding both
 * holds nothing else that can be activated but fields. A « Diminuer » beside Annuler in the footer
 * is worded like a stepper, yet it sends.
 */
export function stepsInput(stepper: Element, input: Element): boolean {
  let box = stepper.parentElement;
  while (box && !box.contains(input)) box = box.parentElement;
  return box !== null && Array.from(box.querySelectorAll(ACTIONABLE)).every(isField);
}

/** What activating an actionable element does (see `ActionKind`). */
export function actionKind(element: Element): 'acts' | 'cancel' | 'field' {
  if (isField(element)) return 'field';
  return isCancel(element) ? 'cancel' : 'acts';
}

export interface ActionHit {
  kind: ActionKind;
  /** The actionable element hit (the dialog itself for `backdrop`, the target for `none`). */
  element: Element;
}

export function isElement(target: EventTarget): target is Element {
  return (target as Node).nodeType === 1;
}

/** Labels of what sends a dialog, whatever the element wearing them. */
export const SUBMIT_WORDS = new RegExp(`^(?:${SUBMIT_LABELS.map(foldText).join('|')})\\b`);
/** Longer than this, a text is a sentence, not a button's label. */
const MAX_BUTTON_LABEL = 40;

/**
 * Whether an element that is none of the actionable ones still looks like a button to the operator:
 * the pointer cursor, or a short label that sends (`<div class="btn">Confirmer</div>` with a script
 * behind it). Asked only for events in an open termination dialog.
 */
function looksClickable(element: Element): boolean {
  if (element.ownerDocument.defaultView?.getComputedStyle(element).cursor === 'pointer') return true;
  const label = normaliseText(element.textContent ?? '');
  return label.length <= MAX_BUTTON_LABEL && SUBMIT_WORDS.test(foldText(label));
}

/**
 * Where an event lands in `dialog`, from its composed path (so that a button inside a web
 * component's shadow root counts too): the first actionable element on the way up; else the first
 * that looks clickable (`looksClickable`), judged like a button; else `none`. `null` when the event
 * happens outside the dialog.
 */
export function actionOnPath(path: readonly EventTarget[], dialog: Element): ActionHit | null {
  const end = path.indexOf(dialog);
  if (end < 0) return null;
  const first = path[0];
  if (end === 0 || !first || !isElement(first)) return { kind: 'backdrop', element: dialog };
  for (let index = 0; index < end; index += 1) {
    const target = path[index];
    if (!target || !isElement(target)) continue;
    if (isOwnElement(target)) return { kind: 'own', element: target };
    if (target.matches(ACTIONABLE)) return { kind: actionKind(target), element: target };
  }
  for (let index = 0; index < end; index += 1) {
    const target = path[index];
    if (target && isElement(target) && looksClickable(target))
      return { kind: actionKind(target), element: target };
  }
  return { kind: 'none', element: first };
}

export interface DialogActions {
  /** Visible elements that act (what the guard marks as blocked). */
  acts: HTMLElement[];
  /** The one labelled "Confirmer", when there is one (the guard's text names it only then). */
  confirmer: HTMLElement | null;
  /**
   * Whether a button-like element acts: then that is what would submit. Without one (a `<div>` with a
   * script behind it, say), the guard cannot tell, and blocks everything in the dialog but cancel.
   */
  knowsSubmit: boolean;
}

/**
 * Whether activating `element` surely sends: a submit button, or a label that says so (« Confirmer »,
 * « Résilier »…). What else acts may send too (it is blocked alike), but only these count as a send.
 */
export function isSender(element: Element): boolean {
  const { type } = element as { type?: unknown };
  return type === 'submit' || type === 'image' || SUBMIT_WORDS.test(foldText(actionLabel(element)));
}

function labelStartsWith(element: Element, word: string): boolean {
  return new RegExp(`^${foldText(word)}\\b`).test(foldText(actionLabel(element)));
}

/**
 * `outside`: buttons out of the dialog that send its form all the same (`<button form="…">` in a page
 * footer): they are what would submit as much as the dialog's own.
 */
export function readDialogActions(root: HTMLElement, outside: readonly HTMLElement[] = []): DialogActions {
  const acts = [...visibleElementsMatching(root, ACTIONABLE), ...outside].filter(
    (element) => actionKind(element) === 'acts',
  );
  return {
    acts,
    confirmer: acts.find((element) => labelStartsWith(element, CONFIRM_LABEL)) ?? null,
    knowsSubmit: acts.some((element) => element.matches(BUTTON_LIKE)),
  };
}

/** The "Confirmer" button (else "Valider"), disabled or not: what the dialog reader reports. */
export function confirmButton(root: HTMLElement): HTMLElement | null {
  const buttons = visibleElementsMatching(root, DIALOG_ACTIONS);
  return (
    buttons.find((element) => labelStartsWith(element, CONFIRM_LABEL)) ??
    buttons.find((element) => labelStartsWith(element, VALIDATE_LABEL)) ??
    null
  );
}
