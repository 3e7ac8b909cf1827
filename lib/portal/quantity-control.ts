/**
 * The quantity control of a termination dialog: where "Quantité à résilier" is typed or chosen (an
 * input, a list, a group of radio buttons, a stepper showing its value as text), which one it is
 * (`quantityInput`, never a guess), and what it says (`quantityText`, judged as typed).
 */
import { isStepper } from './dialog-actions';
import { deepestWithText, fieldElements, isToTerminateLabel } from './dialog-fields';
import { widestWithSameText } from './find-by-text';
import { sameLabel, TO_TERMINATE_LABEL, TO_TERMINATE_NAMES } from './labels';
import { QUANTITY_CONTROLS } from './selectors';
import { foldText, normaliseText } from './text';
import type { QuantityControl, QuantityPlace } from './types';
import { hiddenByStyle, hidesItsContent, isHiddenWithin, isOwnElement, visibleText } from './visibility';

/** A choice's number: `2`, `02`, `2 licences`; `null` for anything else. */
function choiceNumber(text: string): number | null {
  const match = /^(\d+)(?:\s+licences?)?$/i.exec(normaliseText(text));
  return match ? Number(match[1]) : null;
}

/**
 * What the quantity says, to be judged as typed: an input's value; for a list, its choice's number —
 * the larger of what it sends (`value`) and what it shows (its text) when both are numbers and differ,
 * else the one that is; a choice with no number (`Choisir…`) as it is, to be refused. A stepper's
 * value shown as text likewise: the larger of its `aria-valuenow` and its text.
 */
export function quantityText(control: QuantityControl): string {
  if (control.tagName === 'INPUT') return (control as HTMLInputElement).value;
  // A group of radio buttons: the checked one's value or label; none checked is empty (refused).
  const radios = radiosIn(control);
  if (radios.length > 0) {
    const checked = radios.find((radio) => radio.checked);
    return checked ? radioText(checked) : '';
  }
  if (control.tagName !== 'SELECT')
    return largest([control.getAttribute('aria-valuenow') ?? '', visibleText(control)]);
  const select = control as HTMLSelectElement;
  const option = chosenOption(select);
  return option ? largest([option.value, option.text]) : select.value;
}

function chosenOption(select: HTMLSelectElement): HTMLOptionElement | undefined {
  const { options, selectedIndex } = select;
  return options[selectedIndex] ?? Array.from(options).find((candidate) => candidate.selected);
}

/**
 * The numbers a list's choice, a checked radio or a stepper shows and sends (its text, its `value` or
 * `aria-valuenow`): when they differ, which one the portal gets is not known (lib/portal/sent-quantity.ts).
 */
export function shownAndSent(control: QuantityControl): string[] {
  if (control.tagName === 'INPUT') return [];
  const radio = radiosIn(control).find((candidate) => candidate.checked);
  const select = control.tagName === 'SELECT' ? (control as HTMLSelectElement) : null;
  const option = select && chosenOption(select);
  const readings = radio
    ? [radio.value, radio.labels?.[0]?.textContent ?? '']
    : select
      ? [option?.value ?? '', option?.text ?? '']
      : [control.getAttribute('aria-valuenow') ?? '', visibleText(control)];
  return readings.map(choiceNumber).flatMap((number) => (number === null ? [] : [String(number)]));
}

/** The largest number among `readings`, else the first reading as it is (to be refused). */
function largest(readings: readonly string[]): string {
  const numbers = readings.map(choiceNumber).filter((value) => value !== null);
  return numbers.length > 0 ? String(Math.max(...numbers)) : (readings[0] ?? '');
}

/** Holds a stepper's button (−, +, Diminuer…), or is one. */
function holdsStepper(element: Element | null): boolean {
  if (!element) return false;
  const buttons = [element, ...Array.from(element.querySelectorAll('button, [role="button"]'))];
  return buttons.some((button) => button.matches('button, [role="button"]') && isStepper(button));
}

/**
 * A quantity a stepper shows as text: an ARIA spinbutton, or a bare number between a − and a + (or
 * their boxes). A lone number after the label is no field: it may be a reminder of another quantity.
 */
function isShownQuantity(element: Element): boolean {
  if (element.tagName === 'INPUT' || element.tagName === 'SELECT') return false;
  if (element.getAttribute('role') === 'spinbutton')
    return choiceNumber(quantityText(element as HTMLElement)) !== null;
  return (
    element.firstElementChild === null &&
    choiceNumber(element.textContent ?? '') !== null &&
    holdsStepper(besides(element, 'previousElementSibling')) &&
    holdsStepper(besides(element, 'nextElementSibling'))
  );
}

/** The page's element beside `element` (ours, such as the guard right after the value, are skipped). */
function besides(element: Element, way: 'previousElementSibling' | 'nextElementSibling'): Element | null {
  let sibling = element[way];
  while (sibling && isOwnElement(sibling)) sibling = sibling[way];
  return sibling;
}

/** Whether the dialog hides `control` (a list's options are never text, yet the list is seen). */
function hiddenIn(control: Element, root: HTMLElement): boolean {
  if (control.tagName !== 'SELECT') return isHiddenWithin(control, root);
  const parent = control.parentElement;
  return (
    control.hasAttribute('hidden') ||
    hiddenByStyle(control) ||
    (parent !== null && parent !== root && isHiddenWithin(parent, root))
  );
}

/** A radio's number: the larger of what it sends and what its label shows, as for a list's choice. */
function radioText(radio: HTMLInputElement): string {
  return largest([radio.value, radio.labels?.[0]?.textContent ?? '']);
}

function radiosIn(element: Element): HTMLInputElement[] {
  return Array.from(element.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
}

/**
 * A group of radio buttons offering numbers (« 1 », « 2 »): the smallest box around every radio of its
 * name, so that a radio checked later is read through the same control. Only its first radio names it.
 */
function isRadioGroup(element: Element): boolean {
  const radios = radiosIn(element);
  const name = radios[0]?.name;
  const ofName = (box: Element) => radiosIn(box).filter((radio) => radio.name === name).length;
  return (
    name !== undefined &&
    ofName(element) === radios.length &&
    ofName(element.parentElement ?? element) === radios.length &&
    !Array.from(element.children).some((child) => ofName(child) === radios.length) &&
    radios.every((radio) => choiceNumber(radioText(radio)) !== null)
  );
}

function isQuantityControl(element: Element | null): element is QuantityControl {
  // A tag check, not `instanceof`: the page's elements may come from another realm.
  if (element !== null && isRadioGroup(element)) return true;
  if (element === null || !element.matches(QUANTITY_CONTROLS)) return false;
  // An editable element inside another is part of it: the outer one holds the text.
  if (element.tagName !== 'INPUT' && element.tagName !== 'SELECT')
    return !element.parentElement?.closest('[contenteditable]:not([contenteditable="false"])');
  // A list is the quantity only when it offers numbers: otherwise what it means cannot be told.
  if (element.tagName !== 'SELECT') return true;
  return Array.from((element as HTMLSelectElement).options).some(
    (option) => choiceNumber(option.text) !== null || choiceNumber(option.value) !== null,
  );
}

/**
 * The one input among `inputs` inside `box`; `undefined` when there is none, `null` when there are
 * several (a quantity beside a date or a comment): which one is the quantity cannot be told.
 */
function onlyInputIn(box: Element, inputs: readonly QuantityControl[]): QuantityControl | null | undefined {
  const inside = inputs.filter((input) => box.contains(input));
  if (inside.length === 0) return undefined;
  return inside.length === 1 ? (inside[0] as QuantityControl) : null;
}

/** The input's own name for itself: `aria-label`, `aria-labelledby`, then `placeholder` and `title`. */
function namesItself(input: QuantityControl, label: string): boolean {
  const ids = (input.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  const labelledBy = ids.map((id) => input.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
  const names = (text: string) => sameLabel(text, label) || TO_TERMINATE_NAMES.test(foldText(text));
  return (
    (ids.length > 0 && names(labelledBy)) ||
    ['aria-label', 'placeholder', 'title'].some((name) => names(input.getAttribute(name) ?? ''))
  );
}

/**
 * The "Quantité à résilier" input: by `<label for>`, nesting, the input's own name (ARIA, placeholder,
 * title), then position — the only input in the label's row or in the boxes right after it. Never a
 * guess: where several inputs could be it, none is (the guard then says it does not recognise it).
 */
export function quantityInput(root: HTMLElement, inputs = controlsIn(root)): QuantityControl | null {
  const target = TO_TERMINATE_LABEL;
  // Worded otherwise (« Nombre de licences à résilier », « Quantité »): the same field all the same.
  const labels = [
    ...fieldElements(root, target),
    ...deepestWithText(root, (text) => TO_TERMINATE_NAMES.test(foldText(text))),
  ];
  for (const label of labels) {
    const forId = label.tagName === 'LABEL' ? (label.getAttribute('for') ?? '') : '';
    const byFor = forId ? inputs.find((input) => input.id === forId) : undefined;
    if (byFor) return byFor;
    const nested = onlyInputIn(label, inputs);
    if (nested !== undefined) return nested;
  }
  const named = inputs.filter((input) => namesItself(input, target));
  if (named.length > 0) return named.length === 1 ? (named[0] as QuantityControl) : null;
  for (const label of labels) {
    const box = widestWithSameText(label, root);
    for (let sibling = box.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      const input = onlyInputIn(sibling, inputs);
      if (input !== undefined) return input;
      if (visibleText(sibling) !== '') break;
    }
    const row = label.closest('tr');
    const inRow = row && root.contains(row) ? onlyInputIn(row, inputs) : undefined;
    if (inRow !== undefined) return inRow;
  }
  // The card's dialog has one input: when the label is there but not linked to it, that is the one —
  // the one text input when there is one (lists of numbers elsewhere may be a date), else the one control.
  const typed = inputs.filter((input) => input.tagName === 'INPUT');
  const only = typed.length > 0 ? typed : inputs;
  return labels.length > 0 && only.length === 1 ? (only[0] ?? null) : null;
}

/** What the quantity could be typed or chosen in: an input the dialog hides (a framework's mirror of the real one) is not where the operator types. */
export function controlsIn(root: HTMLElement): QuantityControl[] {
  return Array.from(root.querySelectorAll<HTMLElement>('*')).filter(
    (input) => (isQuantityControl(input) || isShownQuantity(input)) && !hiddenIn(input, root),
  );
}

/** Boxes whose children can only be of their kind's siblings' kind (a row's cells): the guard goes inside. */
const CELLS = new Set(['TD', 'TH', 'LI', 'DD']);

/**
 * Where the guard goes for the quantity `control`: right after it, unless the page shows something
 * after it in the same box (an input group's « + » or unit, a stepper's button): a block wedged there
 * breaks the group's line (in a Bootstrap `.input-group` it stretched the − and + buttons). Then right
 * after that box, or at the end of it when it is a cell, an item, or the dialog itself.
 */
export function guardPlace(control: QuantityControl, dialog: HTMLElement): QuantityPlace {
  const box = control.parentElement;
  let next = besides(control, 'nextElementSibling');
  while (next && (hidesItsContent(next) || (next as HTMLInputElement).type === 'hidden'))
    next = besides(next, 'nextElementSibling');
  if (!box || !next) return { after: control };
  return box === dialog || CELLS.has(box.tagName) ? { inside: box } : { after: box };
}

/**
 * A wizard's earlier step kept hidden in the dialog (its recap step shown, « Vous allez résilier 2
 * licences » and Confirmer): its « Quantité à résilier » control is what is sent. Found when every
 * hidden label of that name leads to one and the same control (its `for`, else the nearest box
 * around the label holding exactly one); `null` otherwise.
 */
export function hiddenQuantityInput(root: HTMLElement): QuantityControl | null {
  const all = Array.from(root.querySelectorAll<HTMLElement>('*'));
  const labels = all.filter(
    (element) =>
      isToTerminateLabel(normaliseText(element.textContent ?? '')) &&
      !Array.from(element.children).some((child) =>
        isToTerminateLabel(normaliseText(child.textContent ?? '')),
      ),
  );
  const controls = all.filter(isQuantityControl);
  const found = new Set<QuantityControl>();
  for (const label of labels) {
    const forId = label.getAttribute('for');
    let control = forId ? controls.find((candidate) => candidate.id === forId) : undefined;
    for (
      let box: HTMLElement | null = label;
      !control && box && root.contains(box);
      box = box.parentElement
    ) {
      const inside = controls.filter((candidate) => box?.contains(candidate));
      if (inside.length > 1) break;
      control = inside[0];
    }
    if (!control) return null;
    found.add(control);
  }
  return found.size === 1 ? (Array.from(found)[0] as QuantityControl) : null;
}
