/**
 * Whether the licence block is still what was read, while it is read and then shown slice by slice.
 * The page has its turn between slices; the page observer may be idle then (idle-check.ts) or not see
 * a change as relevant, so each read watches what it reads on its own until its last slice: any change
 * inside a container read, or to what shows or hides it (attributes of its ancestors), or its removal,
 * means the rest is about a block no longer shown — the runtime reads again rather than finish it. Our
 * own insertions are dropped after each of our slices (`drop`), before the page can see them as news.
 */
import { WATCHED_ATTRIBUTES } from './tracked';

export interface BlockWatch {
  /** Watches one more container read (and what shows or hides it). */
  add(container: Node): void;
  /** Whether the page changed what is watched since it was added (or since the last `drop`). */
  changed(): boolean;
  /** Forgets the records of our own changes (call at the end of each of our slices). */
  drop(): void;
  stop(): void;
}

const INSIDE: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: WATCHED_ATTRIBUTES,
};
const AROUND: MutationObserverInit = { attributes: true, attributeFilter: WATCHED_ATTRIBUTES };

export function watchBlocks(): BlockWatch {
  let changed = false;
  const watched = new Set<Node>();
  // Records delivered to the callback were made while the page had its turn: ours are taken first.
  const observer = new MutationObserver(() => {
    changed = true;
  });
  return {
    add: (container) => {
      if (watched.has(container)) return;
      watched.add(container);
      observer.observe(container, INSIDE);
      for (let at = container.parentNode; at && at.nodeType === 1; at = at.parentNode)
        observer.observe(at, AROUND);
    },
    changed: () => {
      if (observer.takeRecords().length > 0) changed = true;
      // Removed or replaced whole: no record inside it says so.
      for (const container of watched) if (!container.isConnected) changed = true;
      return changed;
    },
    drop: () => {
      observer.takeRecords();
    },
    stop: () => observer.disconnect(),
  };
}
