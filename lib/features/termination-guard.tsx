/**
 * Feature 4: the guard of the "Résiliation licence …" dialog. Right after "Quantité à résilier", the
 * most that can be terminated and a check of the quantity; while the quantity is wrong, nothing the
 * dialog could send goes through.
 *
 * The decision is taken at the moment of each action, on the input's value as it is then (typed,
 * pasted or set by the page's own script, all alike): one capture listener on the window, which runs
 * before any listener of the page's elements, stops every click, Enter or Space on an element of the
 * dialog that acts (whatever its label: lib/portal/dialog-actions.ts), Enter in its inputs and any
 * submit of its form. Only Annuler / Fermer / × and Escape pass. When the dialog has no button-like
 * element, what would submit cannot be told: then every click in it but those is stopped.
 *
 * A dialog whose quantity input is not recognised (none, or several that could be it) is never passed
 * over in silence: the guard says so where the quantity is, with the maximum when it is known; it
 * blocks only when that maximum is 0 (every quantity is then impossible), as it cannot check the rest.
 *
 * Blocked elements stay focusable (`aria-disabled`, never `disabled`): a keyboard user reaches
 * Confirmer and hears why it is blocked (`aria-describedby` → the guard). The input points to the
 * guard too and says when it is invalid (`aria-invalid`). All of it is given back on teardown.
 * The guard never changes the input's value, never clicks and never submits.
 */
import { openCapture } from '../capture/load-capture';
import { giveBack, type Lent, lend } from '../dom/lent-attributes';
import type { DialogLimit } from '../licences/judge-page';
import { validateQuantity } from '../licences/quantity';
import type { QuantityCheck } from '../licences/types';
import {
  type ActionHit,
  actionOnPath,
  type DialogActions,
  readDialogActions,
} from '../portal/dialog-actions';
import { mayBeInTerminationDialog } from '../portal/termination-dialog';
import type { QuantityPlace } from '../portal/types';
import type { Feature } from '../runtime/feature';
import type { DialogView } from '../runtime/page-view';
import { createShadowHost, removeHost, renderInHost, setData } from '../ui/shadow-host';
import { GUARD_CSS } from '../ui/styles';
import { type GuardView, TerminationGuard } from '../ui/TerminationGuard';
import { GUARD_TAG } from '../ui/tags';

/**
 * How often the input's value is compared while a dialog is open: a page script (a +/− stepper) may
 * set it without any event. Actions never wait for it: each is judged on the value at that moment.
 */
export const WATCH_INTERVAL_MS = 100;

/**
 * What may activate an element with a pointer: frameworks act on any of them, the press as well as
 * the release (a menu or a custom button may send on `mousedown`).
 */
const POINTER_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'pointerdown',
  'mousedown',
  'touchstart',
  'mouseup',
  'pointerup',
  'touchend',
];
const KEY_EVENTS = ['keydown', 'keypress', 'keyup'];

/** What a blocked element wears (`aria-disabled`, `aria-describedby`), each given back exactly. */
type Marks = [Lent, Lent];

interface Guard {
  dialog: HTMLElement;
  /** `null`: the dialog's quantity input is not recognised (see the file's comment). */
  input: HTMLInputElement | null;
  host: HTMLElement;
  limit: DialogLimit;
  actions: DialogActions;
  /** The value the last check judged, and its verdict. */
  checkedValue: string | null;
  check: QuantityCheck | null;
  marks: Map<HTMLElement, Marks>;
  describedBy: Lent | null;
  invalid: Lent | null;
  listeners: AbortController;
}

let hostIds = 0;

function isInput(element: Element): boolean {
  return element.tagName === 'INPUT';
}

/**
 * Whether `event` would act for the dialog: send, or do anything but cancel. Keys other than Enter and
 * Space (Escape, Tab, typing) always pass; so do clicks on fields, on cancel and on our own elements.
 */
function acts(hit: ActionHit, event: Event, knowsSubmit: boolean): boolean {
  const { kind } = hit;
  if (KEY_EVENTS.includes(event.type)) {
    const { key } = event as KeyboardEvent;
    // Enter on anything but a cancel, a list or a text area: implicit submission, or a page handler.
    if (key === 'Enter')
      return kind !== 'cancel' && kind !== 'own' && (kind !== 'field' || isInput(hit.element));
    if (key === ' ' || key === 'Spacebar') return kind === 'acts' || (!knowsSubmit && kind === 'none');
    return false;
  }
  return kind === 'acts' || (!knowsSubmit && kind === 'none');
}

function submitsFor(guard: Guard, event: Event): boolean {
  const form = event.target as Element | null;
  if (form?.nodeType !== 1 || form.tagName !== 'FORM') return false;
  return guard.input?.form === form || form.contains(guard.dialog) || guard.dialog.contains(form);
}

export const terminationGuard: Feature = {
  id: 'guard',
  guardsActions: true,
  init(context) {
    const guards = new Map<HTMLElement, Guard>();
    const capture = () => openCapture(context.document, context.text());
    let watching: ReturnType<typeof setInterval> | null = null;

    /** Marks what acts while the quantity is wrong (re-asserted: the page may have reset it). */
    const block = (guard: Guard, blocked: boolean) => {
      const { marks, input, host } = guard;
      const wanted = new Set(blocked ? guard.actions.acts : []);
      for (const [element, lent] of Array.from(marks)) {
        if (wanted.has(element)) continue;
        lent.forEach(giveBack);
        marks.delete(element);
      }
      for (const element of wanted) {
        const previous = marks.get(element);
        marks.set(element, [
          lend(element, 'aria-disabled', 'true', previous?.[0]),
          lend(element, 'aria-describedby', host.id, previous?.[1], true),
        ]);
      }
      if (blocked && input) guard.invalid = lend(input, 'aria-invalid', 'true', guard.invalid);
      else if (guard.invalid) {
        giveBack(guard.invalid);
        guard.invalid = null;
      }
    };

    const check = (guard: Guard) => {
      const { input, limit, host } = guard;
      const max = limit.kind === 'max' ? limit.max : null;
      const blocks = guard.actions.confirmer ? 'confirm' : 'sending';
      // Without a recognised input there is no quantity to check: 1, the least a termination asks
      // for, is refused only when nothing can be terminated — then every quantity is impossible.
      const value = input ? input.value : null;
      const result = validateQuantity(value ?? '1', max);
      guard.checkedValue = value;
      guard.check = input || !result.valid ? result : null;
      block(guard, !result.valid);
      const view: GuardView = !input
        ? {
            kind: 'no-input',
            max,
            ...(limit.kind === 'max' ? {} : { reason: limit.reason }),
            refusal: guard.check,
            blocks,
          }
        : limit.kind === 'max'
          ? { kind: 'checked', max: limit.max, check: result, blocks }
          : { kind: 'unknown', reason: limit.reason, check: result, blocks };
      setData(host, 'data-state', view.kind);
      setData(host, 'data-max', max);
      setData(host, 'data-valid', view.kind === 'checked' ? String(result.valid) : null);
      renderInHost(host, GUARD_CSS, <TerminationGuard view={view} text={context.text()} capture={capture} />);
    };

    /** The verdict now: a value changed since the last check (a script, no event) is checked first. */
    const blocksNow = (guard: Guard): boolean => {
      const { input } = guard;
      // Without a recognised input, only a refusal of every quantity (nothing terminable) blocks.
      if (!input) return guard.check !== null;
      if (!input.isConnected) return true; // the body was replaced: wait for the next reading
      if (input.value !== guard.checkedValue) check(guard);
      return guard.check?.valid !== true;
    };

    const watch = () => {
      try {
        for (const guard of Array.from(guards.values())) {
          // A dialog removed from the page (not hidden) may not be news for the observer.
          const { input } = guard;
          if (!guard.dialog.isConnected) drop(guard);
          else if (input?.isConnected && input.value !== guard.checkedValue) check(guard);
        }
        followWatch();
      } catch {
        // Never into the page; the next action is judged anyway.
      }
    };
    const followWatch = () => {
      if (guards.size > 0 && watching === null) watching = setInterval(watch, WATCH_INTERVAL_MS);
      if (guards.size === 0 && watching !== null) {
        clearInterval(watching);
        watching = null;
      }
    };

    const drop = (guard: Guard) => {
      block(guard, false);
      if (guard.describedBy) giveBack(guard.describedBy);
      guard.listeners.abort();
      removeHost(guard.host);
      guards.delete(guard.dialog);
    };

    const create = (view: DialogView, input: HTMLInputElement | null): Guard => {
      const host = createShadowHost(context.document, GUARD_TAG);
      hostIds += 1;
      host.id = `${GUARD_TAG}-${hostIds}`;
      const guard: Guard = {
        dialog: view.dialog.root,
        input,
        host,
        limit: view.limit,
        actions: { acts: [], confirmer: null, knowsSubmit: false },
        checkedValue: null,
        check: null,
        marks: new Map(),
        describedBy: null,
        invalid: null,
        listeners: new AbortController(),
      };
      const recheck = () => check(guard);
      for (const type of ['input', 'change'])
        input?.addEventListener(type, recheck, { signal: guard.listeners.signal });
      guards.set(guard.dialog, guard);
      return guard;
    };

    /**
     * An action (or the operator entering a field) in what may be a termination dialog that no guard
     * covers: the last reading may not have seen it (filled where the observer was not looking, a
     * dialog without ARIA role), so the page is read again now, before the action is judged.
     */
    const catchUp = (event: Event) => {
      const path = event.composedPath();
      for (const guard of guards.values()) if (path.includes(guard.dialog)) return;
      if (mayBeInTerminationDialog(path)) context.refresh();
    };
    const mayAct = (event: Event) => {
      if (!KEY_EVENTS.includes(event.type)) return true;
      const { key } = event as KeyboardEvent;
      return key === 'Enter' || key === ' ' || key === 'Spacebar';
    };

    /** The one place where the page's actions are stopped (see the file's comment). */
    const intercept = (event: Event) => {
      try {
        if (mayAct(event)) catchUp(event);
        for (const guard of guards.values()) {
          let concerned: boolean;
          let sends: boolean;
          if (event.type === 'submit') concerned = sends = submitsFor(guard, event);
          else {
            const hit = actionOnPath(event.composedPath(), guard.dialog);
            concerned = hit !== null && acts(hit, event, guard.actions.knowsSubmit);
            sends = concerned && hit?.kind === 'acts' && (event.type === 'click' || event.type === 'keydown');
            // Cancelled by the operator: what was sent before was not taken (the page kept the dialog).
            const key = (event as KeyboardEvent).key;
            if ((hit?.kind === 'cancel' && event.type === 'click') || (hit && key === 'Escape'))
              context.terminationSent(guard.dialog, false);
          }
          if (!concerned) continue;
          if (blocksNow(guard)) {
            event.preventDefault();
            event.stopImmediatePropagation();
            return;
          }
          // Let through: the page may send it now; once it closes the dialog, the row's count is in doubt.
          if (sends) context.terminationSent(guard.dialog, true);
        }
      } catch {
        // Never into the page.
      }
    };
    // Entering the quantity shows the guard at once, not only at the first action.
    const entering = (event: Event) => {
      try {
        catchUp(event);
      } catch {
        // Never into the page.
      }
    };
    /**
     * Added again at every reading: `document.open()` (a page rewriting itself) erases every listener
     * of the window, ours included, and the page read next may hold a dialog.
     * Adding a listener already there does nothing.
     */
    const listen = () => {
      const view = context.document.defaultView;
      for (const type of [...POINTER_EVENTS, ...KEY_EVENTS, 'submit'])
        view?.addEventListener(type, intercept, { capture: true, signal: context.signal });
      for (const type of ['focusin', 'input'])
        view?.addEventListener(type, entering, { capture: true, passive: true, signal: context.signal });
    };
    listen();

    return {
      update(page) {
        listen();
        const seen = new Set<HTMLElement>();
        for (const dialogView of page.dialogs) {
          const { dialog } = dialogView;
          const input = dialog.quantityInput;
          let guard = guards.get(dialog.root);
          // The dialog's body was replaced (another licence, or reloaded): start afresh.
          if (guard && guard.input !== input) drop(guard);
          guard = guards.get(dialog.root) ?? create(dialogView, input);
          guard.limit = dialogView.limit;
          guard.actions = readDialogActions(dialog.root);
          // Right after the input, or where the quantity is said when the input is not recognised.
          const place: QuantityPlace = input ? { after: input } : dialog.quantityPlace;
          // Over the placement limit the message stays out, the blocking stays on (guardsActions).
          if ('after' in place) {
            const { after } = place;
            if (after.nextElementSibling !== guard.host && context.placing(after)) after.after(guard.host);
          } else if (place.inside.lastElementChild !== guard.host && context.placing(place.inside)) {
            place.inside.append(guard.host);
          }
          if (input)
            guard.describedBy = lend(input, 'aria-describedby', guard.host.id, guard.describedBy, true);
          check(guard);
          seen.add(dialog.root);
        }
        for (const guard of Array.from(guards.values())) if (!seen.has(guard.dialog)) drop(guard);
        followWatch();
      },
      destroy() {
        for (const guard of Array.from(guards.values())) drop(guard);
        followWatch();
      },
    };
  },
};
