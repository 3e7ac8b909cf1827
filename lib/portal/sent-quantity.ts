/**
 * What a termination dialog may SEND as its quantity, beside what its control shows: the guard judges
 * every one of them (lib/features/termination-guard.tsx), as safety holds only if the value judged is the
 * value the request carries. Which one the portal takes when they differ (the first or the last of one
 * name, a hidden copy or the visible field) cannot be told: then the quantity is "non reconnue".
 */
import { shownAndSent } from './quantity-control';
import type { QuantityControl } from './types';
import { isOwnElement } from './visibility';

/**
 * A field's name, its words split (camel case too: `licenceNb`), that says it carries a quantity:
 * `quantite`, `quantity`, `qty`, `qte`, `nb_licences`, `nombre`, `count`, `amount` — the last three as
 * whole words (`account`, `countryCode` are none).
 */
const QUANTITY_NAME = /quantit|qty|qte|(?:^|_)nb|(?:^|_)(?:nombre|count|amount)s?(?:_|$)/;
/**
 * …unless it names one of the dialog's other numbers (souscrite, active — not `desactiver` —, a bound,
 * the numbers — SDA — a service holds, the form's default or initial value): never sent as the quantity.
 */
const OTHER_NUMBER =
  /souscri|subscri|(?<!d[eé]s?)activ|(?:^|_)(?:max|min|total|d[eé]faut|default|init)|dispo|avail|opened|sda|numero/;
/** Inputs that never send a value of their own (a file, an image's coordinates, buttons that do not submit). */
const NO_VALUE_TYPES = new Set(['file', 'image', 'reset', 'button']);

function nameOf(element: Element): string {
  return element.getAttribute('name') ?? '';
}

/** The control's own name: an input's or a list's, a radio group's radios'; none for a stepper's text. */
function controlName(control: QuantityControl | null): string {
  if (!control) return '';
  if (control.matches('input, select, textarea')) return nameOf(control);
  const radio = control.querySelector('input[type="radio"]');
  return radio ? nameOf(radio) : '';
}

/** The value(s) `element` adds to its form's data when sent, `null` when it adds none. */
function sentValue(element: Element): string | string[] | null {
  if (element.matches(':disabled') || element.closest('fieldset[disabled]')) return null;
  const type = (element.getAttribute('type') ?? '').toLowerCase();
  if (element.tagName === 'BUTTON')
    // A submit button adds its name and value when it is the one that sends: judged as if it were.
    return type === '' || type === 'submit' ? (element as HTMLButtonElement).value : null;
  if (element.tagName === 'INPUT') {
    if (NO_VALUE_TYPES.has(type)) return null;
    if ((type === 'radio' || type === 'checkbox') && !(element as HTMLInputElement).checked) return null;
  }
  // A list of several choices sends each one chosen (`value` is only the first).
  if (element.tagName === 'SELECT' && (element as HTMLSelectElement).multiple)
    return Array.from((element as HTMLSelectElement).selectedOptions, (option) => option.value);
  return (element as HTMLInputElement).value;
}

/** The form `element` sends: the one its `form="…"` names (then none when it names none), else its own. */
function ownerForm(element: HTMLButtonElement): HTMLFormElement | null {
  const id = element.getAttribute('form');
  if (id === null) return element.form;
  const named = (element.getRootNode() as Document | ShadowRoot).getElementById?.(id);
  return named?.tagName === 'FORM' ? (named as HTMLFormElement) : null;
}

/** The forms the dialog sends: its control's, one around it, those inside it, those its elements name. */
function formsOf(control: QuantityControl | null, dialog: HTMLElement): HTMLFormElement[] {
  const named = control?.matches('input, select, textarea')
    ? control
    : control?.querySelector('input[type="radio"]');
  const forms = new Set<HTMLFormElement>(dialog.querySelectorAll('form'));
  const own = (named as HTMLInputElement | null | undefined)?.form;
  if (own) forms.add(own);
  // The forms its fields and buttons belong to (`form="…"`): a Confirmer may submit a form outside it.
  for (const element of Array.from(dialog.querySelectorAll<HTMLButtonElement>('button, input'))) {
    const owner = ownerForm(element);
    if (owner) forms.add(owner);
  }
  const around = dialog.closest('form');
  if (around) forms.add(around);
  return Array.from(forms);
}

/**
 * The values the dialog may send as the quantity other than `control`'s: every named field of the
 * dialog or of its forms (their fields outside it, `form="…"`, included) that the form would send and that
 * shares the control's name or is named as a quantity (a hidden copy synced by the page, or stale), and a
 * submit button carrying such a name. In a bulk dialog's row (`part`), those named as a quantity only in
 * that row (each row has its own); one of the control's own name anywhere.
 */
export function otherSentValues(
  control: QuantityControl | null,
  dialog: HTMLElement,
  part: HTMLElement,
  rows: readonly BulkRow[] = [],
): string[] {
  const name = controlName(control);
  const pool = new Set<Element>(dialog.querySelectorAll('input, select, textarea, button'));
  for (const form of formsOf(control, dialog))
    for (const element of Array.from(form.elements)) pool.add(element);
  const values: string[] = [];
  for (const element of pool) {
    if (control && (element === control || control.contains(element))) continue;
    const field = nameOf(element);
    if (field === '' || isOwnElement(element)) continue;
    // Words apart, camel case too (`qtyMax`): « termination » holds no « min ».
    const words = field
      .replace(/([a-z])(?=[A-Z])/g, '$1_')
      .replace(/[^a-z0-9éè]+/gi, '_')
      .toLowerCase();
    const quantityNamed = QUANTITY_NAME.test(words) && !OTHER_NUMBER.test(words);
    // A bulk dialog's copy in no row (hidden fields after the table): whose it is cannot be told, so it
    // must be some row's value (a stale or impossible one is none); one in another row is that row's.
    const orphan = part !== dialog && !rows.some((row) => row.part.contains(element));
    const judged = part === dialog || part.contains(element) || orphan;
    if (field !== name && !(quantityNamed && judged)) continue;
    const sent = sentValue(element);
    for (const value of sent === null ? [] : typeof sent === 'string' ? [sent] : sent)
      if (!orphan || !rows.some((row) => same(row.value, value))) values.push(value);
  }
  return values;
}

/** A bulk dialog's row (lib/portal/bulk-dialog.ts) and its quantity as it says it now. */
export interface BulkRow {
  part: HTMLElement;
  value: string;
}

/** Two readings of one quantity: equal as whole numbers (`01` is 1; empty and `0` are none), else as text. */
function same(a: string, b: string): boolean {
  const [left, right] = [a.trim(), b.trim()];
  if (/^0*$/.test(left) && /^0*$/.test(right)) return true;
  if (/^\d+$/.test(left) && /^\d+$/.test(right)) return Number(left) === Number(right);
  return left === right;
}

export interface SentReading {
  /** What is judged: the control's value, else (no control recognised) the value its form would send. */
  value: string | null;
  /** Every distinct value that may be sent, when they disagree; `null` when they agree. */
  disagree: string[] | null;
  /**
   * The copies' one value when every copy still holds the input's prefilled value (its `value` attribute,
   * as the server rendered it) and only the input was changed: a page filling its copy in its own
   * Confirmer handler, which runs after the guard. Either may then be sent (lib/features/termination-guard.tsx).
   */
  lagging: string | null;
  /** Changes whenever any of them does (the guard then judges again). */
  key: string;
}

/** The dialog's quantity as it would be sent now (see `otherSentValues`). */
export function readSent(
  control: QuantityControl | null,
  value: string | null,
  dialog: HTMLElement,
  part: HTMLElement,
  rows: readonly BulkRow[] = [],
): SentReading {
  const own = control ? shownAndSent(control) : [];
  const others = otherSentValues(control, dialog, part, rows);
  const judged = value ?? others[0] ?? null;
  const all = [...own, ...others];
  const distinct: string[] = [];
  for (const reading of judged === null ? all : [judged, ...all])
    if (!distinct.some((seen) => same(seen, reading))) distinct.push(reading);
  const prefill = control?.tagName === 'INPUT' ? (control as HTMLInputElement).defaultValue : null;
  const lags =
    prefill !== null &&
    judged !== null &&
    !same(judged, prefill) &&
    others.every((other) => same(other, prefill));
  return {
    value: judged,
    disagree: distinct.length > 1 ? distinct : null,
    lagging: lags && distinct.length > 1 ? prefill : null,
    key: JSON.stringify([value, all]),
  };
}
