/**
 * Work on many rows in slices that yield to the page: with 200 licence rows, annotating them in one
 * go is a long task (112 ms measured) during which the page cannot answer a click or paint. Each
 * slice runs tasks until its deadline (`budgetMs` of our own work, checked with `performance.now()`
 * before each task), then yields (`scheduler.yield()` where the browser has it, else a zero timeout)
 * and goes on. A new `run` replaces the one in progress — its remaining tasks are dropped, so a slice
 * never shows a verdict from an older read — and the signal (feature off, extension gone) stops it.
 */

export interface SliceOptions {
  /** Our work per slice, at most (ms). 8 leaves room in a 16 ms frame for the page and for one task. */
  budgetMs?: number;
  now?: () => number;
  /** How the page gets its turn between slices. */
  yieldToPage?: () => Promise<void>;
  /** Called at the end of every slice (the runtime drops the observer's records of our own changes). */
  afterSlice?: () => void;
  /** A task that throws in a later slice ends its run here (the first slice throws to `run`'s caller). */
  onError?: (error: unknown) => void;
}

export interface Slicer {
  /**
   * Runs `tasks` in order, the first slice at once, then `finish` once all are done. Replaces any run
   * in progress (its remaining tasks and its `finish` are dropped).
   */
  run(tasks: readonly (() => void)[], finish?: () => void): void;
  /** Whether a run still has tasks waiting for their slice. */
  pending(): boolean;
  cancel(): void;
}

export const SLICE_BUDGET_MS = 8;

interface WithScheduler {
  scheduler?: { yield?: () => Promise<void> };
}

/** `scheduler.yield()` keeps our place ahead of other queued work; a timeout lets input in too. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as WithScheduler).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function createSlicer(signal: AbortSignal, options: SliceOptions = {}): Slicer {
  const budgetMs = options.budgetMs ?? SLICE_BUDGET_MS;
  const now = options.now ?? (() => performance.now());
  const pause = options.yieldToPage ?? yieldToPage;
  let generation = 0;
  let waiting = false;

  const slice = (run: number, tasks: readonly (() => void)[], from: number, finish?: () => void) => {
    if (run !== generation || signal.aborted) return;
    const deadline = now() + budgetMs;
    let next = from;
    try {
      // At least one task per slice, so a slow task cannot stall the run.
      do {
        (tasks[next] as () => void)();
        next += 1;
      } while (next < tasks.length && now() < deadline && run === generation && !signal.aborted);
    } finally {
      options.afterSlice?.();
    }
    if (run !== generation || signal.aborted) return;
    if (next < tasks.length) {
      waiting = true;
      void pause()
        .then(() => {
          if (run === generation) waiting = false;
          slice(run, tasks, next, finish);
        })
        .catch((error: unknown) => options.onError?.(error));
      return;
    }
    waiting = false;
    finish?.();
  };

  signal.addEventListener('abort', () => {
    generation += 1;
    waiting = false;
  });
  return {
    run(tasks, finish) {
      generation += 1;
      waiting = false;
      if (signal.aborted) return;
      if (tasks.length === 0) {
        finish?.();
        return;
      }
      slice(generation, tasks, 0, finish);
    },
    pending: () => waiting,
    cancel() {
      generation += 1;
      waiting = false;
    },
  };
}
