/**
 * The guard's hold on the page's actions from the very start. Listeners on one target run in the order
 * they were added: a page script that adds its own capture listener on the window (a delegated
 * "Confirmer" handler) before the assistant is injected would run — and send — before the guard's.
 * So the content script, which runs before any page script (`document_start`), adds the window's
 * capture listeners for every event that may send, and the guard judges through them once it starts.
 * They live in the extension's isolated world and stop with the content script.
 */

/**
 * What may activate an element with a pointer: frameworks act on any of them, the press as well as
 * the release (a menu or a custom button may send on `mousedown`). A right click and a drag too: a
 * page may send on `contextmenu`, and a link's menu or a link dragged to the tab bar opens its address
 * (`…?quantite=3`) without any click.
 */
const POINTER_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'dragstart',
  'pointerdown',
  'mousedown',
  'touchstart',
  'mouseup',
  'pointerup',
  'touchend',
];
export const KEY_EVENTS = ['keydown', 'keypress', 'keyup'];
/** Every event the guard judges (lib/features/termination-guard.tsx). */
export const GUARDED_EVENTS: readonly string[] = [...POINTER_EVENTS, ...KEY_EVENTS, 'submit'];

type Judge = (event: Event) => void;
interface Early {
  judge: Judge | null;
}
const KEY = '__metacentrexEarlyEvents';
type WithEarly = typeof globalThis & { [KEY]?: Early };

/** In the content script, before any page script: the window's first capture listeners. */
export function listenEarly(view: Window | null, signal: AbortSignal): void {
  if (!view) return;
  const early: Early = { judge: null };
  (globalThis as WithEarly)[KEY] = early;
  for (const type of GUARDED_EVENTS)
    view.addEventListener(type, (event) => early.judge?.(event), { capture: true, signal });
}

/** The guard judges through the early listeners, while `signal` is not aborted. */
export function judgeEarly(judge: Judge, signal: AbortSignal): void {
  const early = (globalThis as WithEarly)[KEY];
  if (!early) return;
  early.judge = judge;
  signal.addEventListener('abort', () => {
    if (early.judge === judge) early.judge = null;
  });
}
