/**
 * How a settled page is checked while nothing watches it. A MutationObserver costs the page for
 * every mutation anywhere in the document, ours or not: as soon as one observes child lists, the
 * browser looks for interested observers up the ancestors of every node the page adds or removes
 * (measured on the Détails tab: +12 % of the page's CPU for 10,000 unrelated mutations with only the
 * licence block observed, twice the page's CPU with the whole document observed). Once the block is
 * read and nothing relevant has changed for a while, a timer compares what was read instead:
 * a fixed, tiny cost, whatever the portal's clocks and pollers do meanwhile.
 */
import { SHOWN_TAGS } from '../ui/tags';
import { movedRegions, type Tracked, WATCHED_ATTRIBUTES } from './tracked';

/** What the tracked regions say (their light DOM text: our own elements' text is in shadow roots). */
export function textOf(tracked: Tracked): string {
  let text = '';
  for (const region of tracked.regions) text += `${region.textContent ?? ''}\u0000`;
  return text;
}

/**
 * What shows or hides what was read: the showing attributes of the regions, of the places dialogs
 * appear and of the block's ancestors (a tab pane left, a view hidden while another is shown, a dialog
 * closed by a class change no text). `body` and `html` change with every modal.
 */
export function showingOf(tracked: Tracked): string {
  let state = '';
  const { regions, places } = tracked;
  for (const node of [...regions, ...(places?.dialogs ?? []), ...(places?.paths ?? [])]) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element.tagName === 'BODY' || element.tagName === 'HTML') continue;
    for (const name of WATCHED_ATTRIBUTES) state += `${element.getAttribute(name) ?? '\u0001'}\u0000`;
  }
  return state;
}

/** Whether every tracked node is still in the page, and every region where it was read. */
export function allConnected(tracked: Tracked): boolean {
  for (const node of tracked.regions) if (!node.isConnected) return false;
  for (const node of tracked.nodes) if (!node.isConnected) return false;
  return !movedRegions(tracked);
}

export interface IdleCheck {
  /** `true` when the tracked content changed or left the page since the check started. */
  changed(): boolean;
}

export function startIdleCheck(tracked: Tracked, document?: Document): IdleCheck {
  const text = textOf(tracked);
  const showing = showingOf(tracked);
  // Our elements as the page settled: a reconciler may take them off without changing any text the
  // page shows (nothing read changed, nothing tracked left), and they would stay gone for good.
  const ours = document ? Array.from(document.querySelectorAll(SHOWN_TAGS)) : [];
  return {
    changed: () =>
      !allConnected(tracked) ||
      textOf(tracked) !== text ||
      showingOf(tracked) !== showing ||
      ours.some((element) => !element.isConnected),
  };
}
