/**
 * Feature 4: the guard of the "Résiliation licence …" dialog. Right after "Quantité à résilier", the
 * most that can be terminated and a check of the quantity; while the quantity is wrong, nothing the
 * dialog could send goes through.
 *
 * The decision is taken at the moment of each action, on the input's value as it is then (typed,
 * pasted or set by the page's own script, all alike): one capture listener on the window, which runs
 * before any listener of the page's elements (and before the page's own on the window: the content
 * script added it first, lib/dom/early-events.ts), stops every click, Enter or Space on an element of the
 * dialog that acts (whatever its label: lib/portal/dialog-actions.ts) or on a button its form owns
 * from outside (`<button form>`), Enter in its inputs and any submit of its form (also inside a web
 * component). Only Annuler / Fermer / × and Escape pass. When the dialog has no button-like element,
 * what would submit cannot be told: then every click in it but those is stopped. A dialog or block
 * that changed since the last reading is read again before the action is judged.
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
import { GUARDED_EVENTS, judgeEarly } from '../dom/early-events';
import { giveBack, type Lent, lend } from '../dom/lent-attributes';
import { boundOf } from '../licences/one-send';
import { checkSent } from '../licences/sent-check';
import type { QuantityCheck } from '../licences/types';
import { readDialogActions } from '../portal/dialog-actions';
import {
  acts,
  cancels,
  enterOnPage,
  type GuardedDialog,
  hitFor,
  mayAct,
  maySend,
  sendsFromOutside,
  submitsFor,
  surelySends,
} from '../portal/dialog-events';
import { guardPlace, quantityText } from '../portal/quantity-control';
import { readSent, type SentReading } from '../portal/sent-quantity';
import { mayBeInTerminationDialog, readShadowRoot } from '../portal/termination-dialog';
import type { QuantityControl, QuantityPlace } from '../portal/types';
import type { Feature } from '../runtime/feature';
import type { DialogView } from '../runtime/page-view';
import { pendingSent, type SendMemory, type Sent, sendsTwice } from '../runtime/send-memory';
import { createShadowHost, removeHost, renderInHost, setData } from '../ui/shadow-host';
import { GUARD_CSS } from '../ui/styles';
import { type GuardView, TerminationGuard } from '../ui/TerminationGuard';
import { GUARD_TAG } from '../ui/tags';

/**
 * How often the input's value is compared while a dialog is open: a page script (a +/− stepper) may
 * set it without any event. Actions never wait for it: each is judged on the value at that moment.
 */
export const WATCH_INTERVAL_MS = 100;

/** What a blocked element wears (`aria-disabled`, `aria-describedby`), each given back exactly. */
type Marks = [Lent, Lent];

interface Guard extends GuardedDialog, SendMemory {
  /** The reading's element: the dialog, or one licence's row of a bulk dialog. */
  key: HTMLElement;
  /** `null`: the dialog's quantity input is not recognised (see the file's comment). */
  input: QuantityControl | null;
  host: HTMLElement;
  /** Where the host goes (see `place`). */
  place: QuantityPlace;
  /** What the last check read (`SentReading.key`), and its verdict. */
  checkedValue: string | null;
  check: QuantityCheck | null;
  marks: Map<HTMLElement, Marks>;
  describedBy: Lent | null;
  invalid: Lent | null;
  listeners: AbortController;
}

let hostIds = 0;
/**
 * Our guards' ids differ from those any other copy of the assistant gave (one that ran before an update of
 * the extension, one in another world): a page holding both never has two elements of one id.
 */
const copyId = Math.random().toString(36).slice(2, 8);

function isShadowRoot(target: EventTarget): target is ShadowRoot {
  return (target as Node).nodeType === 11 && 'host' in target;
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

    /** The quantity as the page would send it now: the control's, and every other value sent as it. */
    const readNow = (guard: Guard): SentReading => {
      // A bulk dialog's rows, each with its quantity now: a copy in none of them must be one of theirs.
      const rows = Array.from(guards.values()).flatMap((other) =>
        other.dialog === guard.dialog && other.key !== other.dialog
          ? [{ part: other.key, value: other.input ? quantityText(other.input) : '' }]
          : [],
      );
      return readSent(
        guard.input,
        guard.input ? quantityText(guard.input) : null,
        guard.dialog,
        guard.key,
        rows,
      );
    };

    const check = (guard: Guard, reading = readNow(guard)) => {
      const { input, limit, host } = guard;
      const max = limit.kind === 'max' ? limit.max : null;
      // An unknown maximum may still have a bound (the table changed behind the dialog): more is refused.
      const atMost = boundOf(limit);
      const { confirmer, acts } = guard.actions;
      const blocks = confirmer ? 'confirm' : acts.length > 0 ? 'sending' : 'unseen';
      // Without a recognised input there is no quantity to check: 1, the least a termination asks
      // for, is refused only when nothing can be terminated — then every quantity is impossible.
      // Without one, a value its form would send as the quantity (a field outside it, `form="…"`) is judged.
      const { result, lags } = checkSent(reading, atMost, {
        bulkRow: guard.key !== guard.dialog,
        badInput: (input as HTMLInputElement | null)?.validity?.badInput === true,
      });
      guard.checkedValue = reading.key;
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
          : { kind: 'unknown', reason: limit.reason, atMost, check: result, blocks };
      if (lags !== null && view.kind !== 'no-input') view.lagging = lags;
      const again = pendingSent(guard);
      if (again?.refused && view.kind !== 'no-input') view.again = again.value;
      setData(host, 'data-state', view.kind);
      setData(host, 'data-max', max);
      setData(host, 'data-valid', view.kind === 'checked' ? String(result.valid) : null);
      renderInHost(host, GUARD_CSS, <TerminationGuard view={view} text={context.text()} capture={capture} />);
    };

    /**
     * Whether `event` surely sends (a submit; a click on a sender) — and then, when it is not
     * the next event of the send being let through, whether with the one before it would ask more than
     * the maximum. Recorded when let through.
     */
    const sendsTwiceBy = (guard: Guard, event: Event, record: boolean): boolean =>
      surelySends(guard, event) &&
      sendsTwice(guard, event.type, guard.check?.valid ? guard.check.value : 0, record);

    /** How many this opening let through (the sends not yet answered, this one included), when read. */
    const sentValue = (guard: Guard): number | undefined => {
      const current = guard.check?.valid ? guard.check.value : undefined;
      const pending = pendingSent(guard)?.value;
      return pending === undefined ? current : Math.max(pending, current ?? 0);
    };

    /** The verdict now: a value changed since the last check (a script, no event) is checked first. */
    const blocksNow = (guard: Guard): boolean => {
      const { input } = guard;
      if (input && !input.isConnected) return true; // the body was replaced: wait for the next reading
      const reading = readNow(guard);
      if (reading.key !== guard.checkedValue) check(guard, reading);
      // Without a recognised input, only a refusal (nothing terminable, what its form sends) blocks.
      return input ? guard.check?.valid !== true : guard.check !== null;
    };

    const watch = () => {
      try {
        for (const guard of Array.from(guards.values())) {
          // A dialog removed from the page (not hidden) may not be news for the observer.
          const { input } = guard;
          const reading = guard.key.isConnected && input?.isConnected !== false ? readNow(guard) : null;
          if (!guard.key.isConnected) drop(guard);
          else if (reading && reading.key !== guard.checkedValue) check(guard, reading);
          else {
            reassert(guard);
            if (!guard.host.isConnected) place(guard);
          }
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

    /**
     * Our marks put back where the page took them off: a page that enables its own Confirmer once the
     * quantity suits it (a handler after ours, or later) would otherwise show it enabled while blocked.
     */
    const reassert = (guard: Guard) => {
      block(guard, guard.check?.valid === false);
      // A reconciler drops attributes it did not render: the input points to the guard again.
      if (guard.input && guard.describedBy)
        guard.describedBy = lend(guard.input, 'aria-describedby', guard.host.id, guard.describedBy, true);
    };

    /**
     * The message where the quantity is. Over the placement limit it stays out, the blocking stays on
     * (guardsActions); the watch asks again, so it is back once the page stops taking it off (a
     * re-render at each keystroke of a burst) even when nothing is read again.
     */
    const place = (guard: Guard) => {
      const { place: where, host } = guard;
      if ('after' in where) {
        const { after } = where;
        if (after.nextElementSibling !== host && context.placing(after)) after.after(host);
      } else if (where.inside.lastElementChild !== host && context.placing(where.inside)) {
        where.inside.append(host);
      }
    };

    const drop = (guard: Guard) => {
      block(guard, false);
      if (guard.describedBy) giveBack(guard.describedBy);
      guard.listeners.abort();
      removeHost(guard.host);
      guards.delete(guard.key);
    };

    const create = (view: DialogView, input: QuantityControl | null): Guard => {
      const host = createShadowHost(context.document, GUARD_TAG);
      hostIds += 1;
      host.id = `${GUARD_TAG}-${copyId}-${hostIds}`;
      const guard: Guard = {
        key: view.dialog.root,
        dialog: view.dialog.scope ?? view.dialog.root,
        input,
        host,
        place: view.dialog.quantityPlace,
        limit: view.limit,
        actions: { acts: [], confirmer: null, knowsSubmit: false },
        checkedValue: null,
        check: null,
        marks: new Map(),
        describedBy: null,
        invalid: null,
        listeners: new AbortController(),
        sent: null,
      };
      const recheck = () => check(guard);
      const { signal } = guard.listeners;
      // Once the page's own handlers ran too (the window's bubbling comes last).
      const after = () => reassert(guard);
      for (const type of ['input', 'change']) {
        input?.addEventListener(type, recheck, { signal });
        context.document.defaultView?.addEventListener(type, after, { signal });
      }
      // A submit does not leave a shadow root (web component): judged there, before the form's own.
      const rootNode = guard.dialog.getRootNode();
      if (isShadowRoot(rootNode)) rootNode.addEventListener('submit', intercept, { capture: true, signal });
      guards.set(guard.key, guard);
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
      if (!mayBeInTerminationDialog(path)) return;
      // A dialog inside a web component is read with the page from now on.
      for (const target of path) if (isShadowRoot(target)) readShadowRoot(target);
      context.refresh();
    };

    /** The guards whose dialog `event` would act for. */
    const concernedBy = (event: Event): Guard[] =>
      Array.from(guards.values()).filter((guard) => {
        if (event.type === 'submit') return submitsFor(guard, event);
        // Enter with the focus nowhere (the page itself): only a page hotkey acts on it, and with a
        // termination dialog open that may well be "Enter confirms".
        if (enterOnPage(event)) return true;
        const hit = hitFor(guard, event.composedPath());
        return hit !== null && acts(hit, event, guard);
      });

    /** Events judged already: the content script's first listeners and ours both see each one. */
    const judged = new WeakSet<Event>();
    /** The one place where the page's actions are stopped (see the file's comment). */
    const intercept = (event: Event) => {
      try {
        if (judged.has(event)) return;
        judged.add(event);
        if (mayAct(event)) catchUp(event);
        // Cancelled by the operator: what was sent before was not taken (the page kept the dialog).
        for (const guard of guards.values())
          if (cancels(guard, event)) context.terminationSent(guard.key, false);
        if (concernedBy(event).length === 0) return;
        // The dialog or the block may have changed since the last reading (another licence in the
        // same dialog, new counts, the input re-rendered) before the observer said so: read again.
        context.refreshIfChanged();
        const concerned = concernedBy(event);
        const twice = concerned.filter((guard) => !blocksNow(guard) && sendsTwiceBy(guard, event, false));
        if (concerned.some(blocksNow) || twice.length > 0) {
          event.preventDefault();
          event.stopImmediatePropagation();
          for (const guard of twice) {
            (guard.sent as Sent).refused = true;
            check(guard);
          }
          return;
        }
        // Let through: the page may send it now; once it closes the dialog, the row's count is in doubt.
        for (const guard of concerned) {
          sendsTwiceBy(guard, event, true);
          if (maySend(guard, event)) context.terminationSent(guard.key, true, sentValue(guard));
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
      for (const type of GUARDED_EVENTS)
        view?.addEventListener(type, intercept, { capture: true, signal: context.signal });
      for (const type of ['focusin', 'input'])
        view?.addEventListener(type, entering, { capture: true, passive: true, signal: context.signal });
    };
    listen();
    // Before any page listener, through the content script's (lib/dom/early-events.ts).
    judgeEarly(intercept, context.signal);

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
          // New counts (the page took a send into account): judged on them alone from now on.
          if (JSON.stringify(guard.limit) !== JSON.stringify(dialogView.limit)) guard.sent = null;
          guard.limit = dialogView.limit;
          const outside = Array.from(
            context.document.querySelectorAll<HTMLElement>('button[form], input[form]'),
          ).filter((element) => sendsFromOutside(guard, element));
          guard.actions = readDialogActions(guard.dialog, outside);
          // Right after the input (after its group when the page shows something beside it), or where
          // the quantity is said when the input is not recognised.
          guard.place =
            input && !dialog.quantityOutOfSight ? guardPlace(input, guard.dialog) : dialog.quantityPlace;
          place(guard);
          if (input)
            guard.describedBy = lend(input, 'aria-describedby', guard.host.id, guard.describedBy, true);
          check(guard);
          seen.add(dialog.root);
        }
        for (const guard of Array.from(guards.values())) if (!seen.has(guard.key)) drop(guard);
        followWatch();
      },
      destroy() {
        for (const guard of Array.from(guards.values())) drop(guard);
        followWatch();
      },
    };
  },
};
