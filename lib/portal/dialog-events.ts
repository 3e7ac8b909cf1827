/**
 * Which events act for a guarded termination dialog, from the events alone and what the dialog's
 * elements do (lib/portal/dialog-actions.ts): a click, Enter or Space on what acts, Enter in its
 * inputs, a submit of its form, a button its form owns from outside (`<button form>`), Enter with the
 * focus on the page itself; which cancel it, which may send it and which surely do. The guard
 * (lib/features/termination-guard.tsx) stops or lets through what these say acts.
 */
import { KEY_EVENTS } from '../dom/early-events';
import {
  type ActionHit,
  actionKind,
  actionOnPath,
  type DialogActions,
  isElement,
  isSender,
  isStepper,
  stepsInput,
} from './dialog-actions';
import { controlsIn } from './quantity-control';
import { DIALOGS } from './selectors';
import type { QuantityControl } from './types';
import { isHidden } from './visibility';

/** A dialog the guard holds, as its events are judged. */
export interface GuardedDialog {
  /** Where its actions are: the whole dialog. */
  dialog: HTMLElement;
  /** `null`: the dialog's quantity input is not recognised. */
  input: QuantityControl | null;
  actions: DialogActions;
}

function isInput(element: Element): boolean {
  return element.tagName === 'INPUT';
}

/**
 * Whether `event` would act for the dialog: send, or do anything but cancel. Keys other than Enter and
 * Space (Escape, Tab, typing) always pass; so do clicks on fields, on cancel and on our own elements.
 */
export function acts(hit: ActionHit, event: Event, guard: GuardedDialog): boolean {
  const { kind } = hit;
  const { knowsSubmit } = guard.actions;
  if (KEY_EVENTS.includes(event.type)) {
    const { key } = event as KeyboardEvent;
    // Enter on anything but a cancel, a list or a text area: implicit submission, or a page handler
    // (a stepper's value shown as text may mimic its input's; a list's Enter picks a choice).
    if (key === 'Enter')
      return (
        kind !== 'cancel' &&
        kind !== 'own' &&
        (kind !== 'field' ||
          isInput(hit.element) ||
          (hit.element === guard.input && hit.element.tagName !== 'SELECT'))
      );
    if (key === ' ' || key === 'Spacebar') return kind === 'acts' || (!knowsSubmit && kind === 'none');
    return false;
  }
  return kind === 'acts' || (!knowsSubmit && kind === 'none');
}

/** The form the quantity belongs to: an input's or a list's; none for a value a stepper shows. */
function inputForm(guard: GuardedDialog): HTMLFormElement | null {
  const { input } = guard;
  return input && 'form' in input ? (input as HTMLInputElement).form : null;
}

/** Whether a submit is the dialog's: of its quantity input's form, a form around it or one inside it. */
export function submitsFor(guard: GuardedDialog, event: Event): boolean {
  const form = event.target as Element | null;
  if (form?.nodeType !== 1 || form.tagName !== 'FORM') return false;
  return inputForm(guard) === form || form.contains(guard.dialog) || guard.dialog.contains(form);
}

/** The dialog's own forms: its quantity input's, and any inside it (not one around the whole page). */
function isDialogForm(guard: GuardedDialog, form: HTMLFormElement | null): boolean {
  return form !== null && (inputForm(guard) === form || guard.dialog.contains(form));
}

/**
 * A button out of the dialog that its `form` attribute ties to the dialog's form (`<button form="…">`
 * in a page footer): it sends the dialog as much as the dialog's own buttons.
 */
export function sendsFromOutside(guard: GuardedDialog, element: Element): element is HTMLButtonElement {
  return (
    (element.tagName === 'BUTTON' || element.tagName === 'INPUT') &&
    element.hasAttribute('form') &&
    !guard.dialog.contains(element) &&
    isDialogForm(guard, (element as HTMLButtonElement).form)
  );
}

/**
 * A popover of the dialog shown out of it (Bootstrap 3's `container: 'body'`): Bootstrap ties it to
 * what opened it by `aria-describedby` naming its id, wherever it is inserted. A confirmation popover
 * opened by Confirmer (« Êtes-vous sûr ? Oui / Non ») sends the dialog from there.
 */
function popoverOfDialog(guard: GuardedDialog, path: readonly EventTarget[]): Element | undefined {
  const popover = path.find(
    (target): target is Element => isElement(target) && target.matches('[role=tooltip]'),
  );
  const named = popover?.id && guard.dialog.querySelector(`[aria-describedby~="${CSS.escape(popover.id)}"]`);
  return named && !guard.dialog.contains(popover) ? popover : undefined;
}

/**
 * A confirmation opened over the dialog in a dialog of its own (« Êtes-vous sûr ? » Oui / Non), tied
 * to it by nothing: another dialog shown while this one is, holding no quantity control (so not
 * another termination dialog). What it confirms is this dialog's quantity.
 */
function confirmationOver(guard: GuardedDialog, path: readonly EventTarget[]): Element | undefined {
  const box = path.find((target): target is Element => isElement(target) && target.matches(DIALOGS));
  if (!box || box.contains(guard.dialog) || guard.dialog.contains(box)) return undefined;
  return controlsIn(box as HTMLElement).length === 0 && !isHidden(box) ? box : undefined;
}

/**
 * Where `event` lands for the dialog: in it, on one of its form's buttons outside it, or in a popover
 * of it shown elsewhere, or in a confirmation dialog shown over it — there, what is not a field or a
 * cancel acts (a confirmation's « Oui » is a link without address). A stepper that is not the quantity input's own (`stepsInput`) acts.
 */
export function hitFor(guard: GuardedDialog, path: readonly EventTarget[]): ActionHit | null {
  const inside = actionOnPath(path, guard.dialog);
  const { input } = guard;
  if (inside?.kind === 'field' && input && isStepper(inside.element) && !stepsInput(inside.element, input))
    return { kind: 'acts', element: inside.element };
  if (inside) return inside;
  const popover = popoverOfDialog(guard, path);
  const inPopover = popover && actionOnPath(path, popover);
  if (inPopover)
    return /^(?:none|backdrop)$/.test(inPopover.kind)
      ? { kind: 'acts', element: inPopover.element }
      : inPopover;
  // There, as in a popover, what is neither a field nor a cancel confirms (« Oui » may be a bare link).
  const confirmation = confirmationOver(guard, path);
  const inConfirmation = confirmation && actionOnPath(path, confirmation);
  if (inConfirmation)
    return inConfirmation.kind === 'none'
      ? { kind: 'acts', element: inConfirmation.element }
      : inConfirmation;
  const outside = path.find(
    (target): target is Element => isElement(target) && sendsFromOutside(guard, target),
  );
  return outside ? { kind: actionKind(outside), element: outside } : null;
}

/**
 * Enter with the focus nowhere (the page itself: the document, `body`, `html`): only a page hotkey
 * acts on it, and with a termination dialog open that may well be "Enter confirms".
 */
export function enterOnPage(event: Event): boolean {
  if (!KEY_EVENTS.includes(event.type) || (event as KeyboardEvent).key !== 'Enter') return false;
  const target = event.target as Node | null;
  return (
    target?.nodeType === 9 || (target?.nodeType === 1 && /^(?:BODY|HTML)$/.test((target as Element).tagName))
  );
}

/** Whether `event` may act at all: any but a key, or Enter or Space. */
export function mayAct(event: Event): boolean {
  if (!KEY_EVENTS.includes(event.type)) return true;
  const { key } = event as KeyboardEvent;
  return key === 'Enter' || key === ' ' || key === 'Spacebar';
}

/** Whether `event` cancels this guard's dialog (a click on its cancel, Escape in it). */
export function cancels(guard: GuardedDialog, event: Event): boolean {
  const hit = hitFor(guard, event.composedPath());
  if (!hit) return false;
  return (hit.kind === 'cancel' && event.type === 'click') || (event as KeyboardEvent).key === 'Escape';
}

/**
 * Whether letting `event` through may send this guard's dialog (a press only starts a click). A key
 * that concerns the dialog (Enter, or Space on what acts) may: a page key handler sends without any
 * submit event.
 */
export function maySend(guard: GuardedDialog, event: Event): boolean {
  if (event.type === 'submit' || event.type === 'keydown') return true;
  return event.type === 'click' && hitFor(guard, event.composedPath())?.kind === 'acts';
}

/** Whether `event` surely sends the dialog: a submit, or a click on a sender (`isSender`). */
export function surelySends(guard: GuardedDialog, event: Event): boolean {
  const { type } = event;
  const element = hitFor(guard, event.composedPath())?.element;
  // Not Enter's keydown: a browser may make its click in another task (Enter held: one click each).
  return type === 'submit' || (type === 'click' && !!element && isSender(element));
}
