/**
 * Work on many rows in slices that yield to the page: with 200 licence rows, annotating them in one
 * go is a long task (112 ms measured) during which the page cannot answer a click or paint. Each
 * slice runs tasks until its deadline (`budgetMs` of our own work, checked with `performance.now()`
 * before each task), then yields (`scheduler.yield()` where the browser has it, else a zero timeout)
 * and goes on. A new `run` replaces the one in progress — its remaining tasks are dropped, so a slice
 * never shows a verdict from an older read — and the signal (feature off, extension gone) stops it.
 * Before each later slice the runtime checks that the page still shows what was read (`current`):
 * the page had its turn in between, and a verdict is only shown about the block it was judged from.
 */

import { type Meter, UNMETERED } from './work-meter';

/** Which rows the operator sees (viewport-order.ts); `version` changes when that is learnt anew. */
export interface RowPriority {
  version(): number;
  inView(key: Element): boolean;
}

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
  /**
   * The end of the task the first slice shares with the read (the runtime's clock): the first slice
   * stops there, even before any task, so that read, judgement and first slices stay one short task.
   * Also when the runtime reads (manager.ts): tests that want everything at once give `Infinity`.
   */
  firstDeadline?: () => number;
  /**
   * Whether the read the tasks come from still stands, asked before every later slice; `false` drops
   * the run (the runtime reads again).
   */
  current?: () => boolean;
  /** The rows the operator sees go first, once known (`keys` given to `run`). */
  priority?: () => RowPriority | null;
  /** Our work in each later slice, for the bench (work-meter.ts). */
  measure?: Meter;
}

export interface Slicer {
  /**
   * Runs `tasks` in order (those whose key is in view first, once that is known), the first slice at
   * once, then `finish` once all are done. Replaces any run in progress (its remaining tasks and its
   * `finish` are dropped).
   */
  run(tasks: readonly (() => void)[], finish?: () => void, keys?: readonly Element[]): void;
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

/** The tasks not done yet, those whose key is in view first (stable: page order otherwise). */
export function inViewFirst(order: number[], keys: readonly Element[], priority: RowPriority): number[] {
  const seen = order.filter((at) => priority.inView(keys[at] as Element));
  return seen.length === 0
    ? order
    : [...seen, ...order.filter((at) => !priority.inView(keys[at] as Element))];
}

export function createSlicer(signal: AbortSignal, options: SliceOptions = {}): Slicer {
  const budgetMs = options.budgetMs ?? SLICE_BUDGET_MS;
  const now = options.now ?? (() => performance.now());
  const pause = options.yieldToPage ?? yieldToPage;
  const measure = options.measure ?? UNMETERED;
  let generation = 0;
  let waiting = false;

  const slice = (
    run: number,
    tasks: readonly (() => void)[],
    order: number[],
    keys: readonly Element[] | undefined,
    sortedAt: number,
    first: boolean,
    finish?: () => void,
  ) => {
    if (run !== generation || signal.aborted) return;
    if (!first && options.current?.() === false) {
      waiting = false;
      return;
    }
    const priority = keys && options.priority?.();
    let sorted = sortedAt;
    if (priority && priority.version() !== sortedAt) {
      sorted = priority.version();
      order = inViewFirst(order, keys, priority);
    }
    let deadline = now() + budgetMs;
    if (first && options.firstDeadline) deadline = Math.min(deadline, options.firstDeadline());
    let next = 0;
    try {
      // At least one task per later slice, so a slow task cannot stall the run; the first slice may
      // have none left after the read.
      while (next < order.length && (now() < deadline || (!first && next === 0))) {
        (tasks[order[next] as number] as () => void)();
        next += 1;
        if (run !== generation || signal.aborted) break;
      }
    } finally {
      options.afterSlice?.();
    }
    if (run !== generation || signal.aborted) return;
    if (next < order.length) {
      waiting = true;
      const rest = order.slice(next);
      void pause()
        .then(() => {
          if (run === generation) waiting = false;
          measure(() => slice(run, tasks, rest, keys, sorted, false, finish));
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
    run(tasks, finish, keys) {
      generation += 1;
      waiting = false;
      if (signal.aborted) return;
      if (tasks.length === 0) {
        finish?.();
        return;
      }
      slice(
        generation,
        tasks,
        tasks.map((_, at) => at),
        keys,
        -1,
        true,
        finish,
      );
    },
    pending: () => waiting,
    cancel() {
      generation += 1;
      waiting = false;
    },
  };
}
