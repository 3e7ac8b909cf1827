/**
 * Feature 4: in an open "Résiliation licence …" dialog, right after "Quantité à résilier", the most
 * that can be terminated and a check of the quantity as typed. While the quantity is wrong,
 * Confirmer is disabled, and a capture-phase listener stops clicks, submits and Enter as a backstop.
 * The guard never changes the input's value, never clicks and never submits.
 */
import { openCapture } from '../capture/load-capture';
import type { DialogLimit } from '../licences/judge-page';
import { validateQuantity } from '../licences/quantity';
import type { Feature } from '../runtime/feature';
import { createShadowHost, removeHost, renderInHost, setData } from '../ui/shadow-host';
import { GUARD_CSS } from '../ui/styles';
import { type GuardView, TerminationGuard } from '../ui/TerminationGuard';
import { GUARD_TAG } from '../ui/tags';
import { blockConfirm, type ConfirmBlock, restoreConfirm } from './confirm-block';

interface Guard {
  dialog: HTMLElement;
  input: HTMLInputElement;
  confirm: HTMLElement | null;
  host: HTMLElement;
  limit: DialogLimit;
  blocked: ConfirmBlock | null;
  listeners: AbortController;
}

function contains(container: Element | null, target: EventTarget | null): boolean {
  return container !== null && target instanceof Node && container.contains(target);
}

export const terminationGuard: Feature = {
  id: 'guard',
  init(context) {
    const guards = new Map<HTMLElement, Guard>();
    const capture = () => openCapture(context.document, context.text());

    const release = (guard: Guard) => {
      if (guard.blocked) restoreConfirm(guard.blocked);
      guard.blocked = null;
    };

    const check = (guard: Guard) => {
      let view: GuardView;
      if (guard.limit.kind === 'unknown') {
        view = { kind: 'unknown', reason: guard.limit.reason };
        release(guard);
      } else {
        const result = validateQuantity(guard.input.value, guard.limit.max);
        view = { kind: 'checked', max: guard.limit.max, check: result };
        if (result.valid) release(guard);
        else if (guard.confirm) guard.blocked = blockConfirm(guard.confirm, guard.blocked);
      }
      const { host } = guard;
      setData(host, 'data-state', view.kind === 'unknown' ? 'unknown' : 'checked');
      setData(host, 'data-max', view.kind === 'checked' ? view.max : null);
      setData(host, 'data-valid', view.kind === 'checked' ? String(view.check.valid) : null);
      renderInHost(host, GUARD_CSS, <TerminationGuard view={view} text={context.text()} capture={capture} />);
    };

    const drop = (guard: Guard) => {
      release(guard);
      guard.listeners.abort();
      removeHost(guard.host);
      guards.delete(guard.dialog);
    };

    const create = (dialog: HTMLElement, input: HTMLInputElement, limit: DialogLimit): Guard => {
      const guard: Guard = {
        dialog,
        input,
        confirm: null,
        host: createShadowHost(context.document, GUARD_TAG),
        limit,
        blocked: null,
        listeners: new AbortController(),
      };
      const recheck = () => check(guard);
      input.addEventListener('input', recheck, { signal: guard.listeners.signal });
      input.addEventListener('change', recheck, { signal: guard.listeners.signal });
      guards.set(dialog, guard);
      return guard;
    };

    /** The backstop: while a guard blocks, nothing reaches the portal's Confirmer handlers. */
    const stopWhenBlocked = (event: Event) => {
      for (const guard of guards.values()) {
        if (!guard.blocked) continue;
        const { target } = event;
        const hit =
          (event.type === 'click' && contains(guard.confirm, target)) ||
          (event.type === 'submit' &&
            target instanceof HTMLFormElement &&
            (target.contains(guard.input) || contains(target, guard.confirm))) ||
          (event.type === 'keydown' &&
            (event as KeyboardEvent).key === 'Enter' &&
            target instanceof HTMLInputElement &&
            contains(guard.dialog, target));
        if (hit) {
          event.preventDefault();
          event.stopImmediatePropagation();
          return;
        }
      }
    };
    const view = context.document.defaultView;
    for (const type of ['click', 'submit', 'keydown'])
      view?.addEventListener(type, stopWhenBlocked, { capture: true, signal: context.signal });

    return {
      update(page) {
        const seen = new Set<HTMLElement>();
        for (const { dialog, limit } of page.dialogs) {
          const input = dialog.quantityInput;
          if (!input) continue;
          let guard = guards.get(dialog.root);
          // The dialog's body was replaced (another licence, or reloaded): start afresh.
          if (guard && guard.input !== input) drop(guard);
          guard = guards.get(dialog.root) ?? create(dialog.root, input, limit);
          if (guard.confirm !== dialog.confirmButton) {
            release(guard);
            guard.confirm = dialog.confirmButton;
          }
          guard.limit = limit;
          if (input.nextElementSibling !== guard.host) input.after(guard.host);
          check(guard);
          seen.add(dialog.root);
        }
        for (const guard of Array.from(guards.values())) if (!seen.has(guard.dialog)) drop(guard);
      },
      destroy() {
        for (const guard of Array.from(guards.values())) drop(guard);
      },
    };
  },
};
