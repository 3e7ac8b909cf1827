/**
 * The labelled fields of a termination dialog: "Quantité souscrite", "Quantité active" and
 * "Quantité à résilier" found by their label (alone, or with the value in the same element), and the
 * whole number a quantity field shows. Shared by the dialog's reading, its quantity control and a bulk
 * dialog's rows.
 */
import { deepest, visibleElements, widestWithSameText } from './find-by-text';
import { ACTIVE_LABEL, SUBSCRIBED_LABEL, TO_TERMINATE_LABEL } from './labels';
import { foldText, normaliseText } from './text';
import { visibleText } from './visibility';

/** The fields a termination dialog shows, by label. */
const FIELD_LABELS = [SUBSCRIBED_LABEL, ACTIVE_LABEL, TO_TERMINATE_LABEL];

/** Deepest visible elements under `root` whose text satisfies `accept`. */
export function deepestWithText(root: ParentNode, accept: (text: string) => boolean): HTMLElement[] {
  return deepest(visibleElements(root).filter((element) => accept(visibleText(element))));
}

/** The text after a field label when both share one element (`Quantité active : 1`), else `null`. */
function textAfterLabel(text: string, label: string): string | null {
  const folded = foldText(text);
  const target = foldText(label);
  if (folded === target) return '';
  if (!folded.startsWith(`${target} `) && !folded.startsWith(`${target}:`)) return null;
  // Up to the next field, should several share one element (`Quantité souscrite 2<br>Quantité active 1`).
  return (
    folded
      .slice(target.length)
      .replace(/^[:\s]+/, '')
      .split(/\s*quantite\b/)[0] ?? ''
  );
}

/** The deepest elements labelled `label`, alone or followed by their value. */
export function fieldElements(root: ParentNode, label: string): HTMLElement[] {
  return deepestWithText(root, (text) => textAfterLabel(text, label) !== null);
}

/** Whether a text is one of those fields' labels, alone or with its value. */
export function isFieldLabel(text: string): boolean {
  return FIELD_LABELS.some((label) => textAfterLabel(text, label) !== null);
}

/** "Quantité à résilier", alone or with its value: the field only a termination dialog has. */
export function isToTerminateLabel(text: string): boolean {
  return textAfterLabel(text, TO_TERMINATE_LABEL) !== null;
}

/** The first text after a label: next cell, `dd`, sibling element or text (`<b>Quantité active</b> : 1`). */
function valueAfter(label: HTMLElement, root: HTMLElement): string {
  for (let sibling = widestWithSameText(label, root).nextSibling; sibling; sibling = sibling.nextSibling) {
    const text = visibleText(sibling).replace(/^[:\s]+/, '');
    if (text !== '') return text;
  }
  return '';
}

/** `2` or `2 licences` as a number; `null` for anything else (`1,5`, `2 / 3`, a number too large). */
export function wholeNumber(text: string): number | null {
  const match = /^(\d+)(\s+licences?)?$/i.exec(normaliseText(text));
  const value = match ? Number(match[1]) : Number.NaN;
  return Number.isSafeInteger(value) ? value : null;
}

/** The number the field labelled `label` shows, `null` when it is absent or not a whole number. */
export function fieldQuantity(root: HTMLElement, label: string): number | null {
  const first = fieldElements(root, label)[0];
  if (!first) return quantityInText(root, label);
  const inside = textAfterLabel(visibleText(first), label) ?? '';
  return wholeNumber(inside !== '' ? inside : valueAfter(first, root));
}

/** A quantity written inside a longer text (`Quantité souscrite : 2<br>Quantité active : 1`). */
function quantityInText(root: HTMLElement, label: string): number | null {
  const pattern = new RegExp(`(?:^|\\s)${foldText(label)}\\b(.*)$`);
  const holder = deepestWithText(root, (text) => pattern.test(foldText(text)))[0];
  const after = holder ? pattern.exec(foldText(visibleText(holder)))?.[1] : undefined;
  return after === undefined ? null : wholeNumber(textAfterLabel(`${label} ${after}`, label) ?? '');
}
