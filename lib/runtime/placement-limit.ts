/**
 * The back-off against a page that fights us. A framework's reconciler removes nodes it did not
 * render; putting ours back each time makes the two loop forever (MutationObserver callbacks are
 * microtasks: the tab never gets to paint or answer input again). Each feature counts where it puts
 * its elements; a place that needs them more than `maxPlacements` times within `windowMs` means the
 * page keeps removing them, and the runtime stops that feature on this page.
 */

export interface PlacementLimitOptions {
  /** Placements allowed at one place within the window: the first and 5 re-insertions. */
  maxPlacements?: number;
  windowMs?: number;
  now?: () => number;
}

export const MAX_PLACEMENTS = 6;
export const PLACEMENT_WINDOW_MS = 2_000;

export interface PlacementLimit {
  /** Records a placement at `place`; `false` once that place exceeded the limit. */
  record(place: Node): boolean;
}

export function createPlacementLimit(options: PlacementLimitOptions = {}): PlacementLimit {
  const max = options.maxPlacements ?? MAX_PLACEMENTS;
  const windowMs = options.windowMs ?? PLACEMENT_WINDOW_MS;
  const now = options.now ?? (() => performance.now());
  // Weak: places are page elements, and a page that re-renders makes new ones.
  const placements = new WeakMap<Node, number[]>();
  return {
    record(place) {
      const at = now();
      const recent = (placements.get(place) ?? []).filter((stamp) => at - stamp < windowMs);
      // A refused placement is not counted: a safety feature asking again later (its message kept out
      // meanwhile) gets its place back once the page has left it alone for a window.
      if (recent.length >= max) return false;
      recent.push(at);
      placements.set(place, recent);
      return true;
    },
  };
}
