/**
 * Our own main-thread work, task by task, for the bench (test build only: `lib/runtime/content-main.ts`).
 * Every entry point of the runtime (the observer's callback, a read, a slice) runs through the meter;
 * pieces in one task (the observer's callback, then the read it queues as a microtask) add up, and
 * each task of ours ends with one `performance.measure('mla-task')` whose `detail` is our work in it
 * (ms). The page's timeline is shared with the content script's world, so the bench reads them there.
 */

/** Runs one piece of our work (pieces nested in another are counted once). */
export type Meter = <T>(work: () => T) => T;

export const UNMETERED: Meter = (work) => work();

export const TASK_MEASURE = 'mla-task';

/** Measures kept at most: the browser keeps them all, and a test build may run for hours (the demo). */
export const MAX_MEASURES = 10_000;

let reported = 0;
function toTimeline(start: number, work: number): void {
  try {
    // The bench clears them after each of its runs; a long session drops them now and then.
    if (++reported % MAX_MEASURES === 0) performance.clearMeasures(TASK_MEASURE);
    performance.measure(TASK_MEASURE, { start, end: performance.now(), detail: work });
  } catch {
    // A browser that refuses the measure loses a bench figure, never the page anything.
  }
}

export function createMeter(
  report: (start: number, work: number) => void = toTimeline,
  now: () => number = () => performance.now(),
): Meter {
  let depth = 0;
  let taskStart = 0;
  let work = 0;
  let open = false;
  let pieces = 0;
  /** At the end of the task's microtasks, unless another piece of ours ran since. */
  const close = (seen: number) => {
    if (!open || seen !== pieces || depth > 0) return;
    open = false;
    report(taskStart, work);
  };
  return (piece) => {
    if (depth > 0) return piece();
    const start = now();
    if (!open) {
      open = true;
      taskStart = start;
      work = 0;
    }
    depth = 1;
    pieces += 1;
    try {
      return piece();
    } finally {
      depth = 0;
      work += now() - start;
      const seen = pieces;
      queueMicrotask(() => close(seen));
    }
  };
}
