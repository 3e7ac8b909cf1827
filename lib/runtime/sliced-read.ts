/**
 * Reads the licence block a few rows per task: a 200-row read alone is about a frame's worth of work,
 * and the task that reads also judges and starts showing. The reader's steps
 * (`readLicenceBlockInSteps`) go until the task's deadline, then the page has its turn. A block read
 * across tasks is only used if it stayed as it was: every container read is watched from the step
 * that read it (block-watch.ts), and a change means reading again from the start — never a table
 * read half before and half after a change, judged as one. After `MAX_RESTARTS` restarts (a page
 * that keeps changing it) the block is read in one task.
 */
import { readLicenceBlockInSteps } from '../portal/licence-block';
import type { LicenceBlock } from '../portal/types';
import { oneRead } from '../portal/visibility';
import { type BlockWatch, watchBlocks } from './block-watch';

export const MAX_RESTARTS = 2;

export interface SlicedReadOptions {
  now: () => number;
  /** The deadline of the task that starts the read (it shares its task with what called it). */
  firstDeadline: number;
  /** Our reading per later task (ms). */
  budgetMs: number;
  yieldToPage: () => Promise<void>;
  /** Runs each later task's work (the bench's meter). */
  measure: <T>(work: () => T) => T;
  onError: (error: unknown) => void;
  /**
   * The block as read, with the deadline of the task it was finished in (showing goes on until then)
   * and the watch over what was read, which the caller keeps while it shows it (and stops).
   */
  done: (block: LicenceBlock | null, deadline: number, watch: BlockWatch) => void;
}

export interface SlicedRead {
  /** Drops the read (a newer one replaces it, or the page goes). */
  cancel(): void;
  /** How many times it started again because the block changed (tests). */
  restarts(): number;
}

/** Starts at once: the first steps run before this returns (and throw to the caller). */
export function readInSlices(root: ParentNode, options: SlicedReadOptions): SlicedRead {
  const { now } = options;
  let cancelled = false;
  let restarts = 0;
  let watch = watchBlocks();

  const start = (deadline: number) => {
    watch.stop();
    watch = watchBlocks();
    const steps = readLicenceBlockInSteps(root);
    /** The page's turn, then `next` in a task of its own, if every container read is unchanged. */
    const later = (next: (until: number) => void) => {
      void options
        .yieldToPage()
        .then(() =>
          options.measure(() => {
            if (cancelled) return;
            const until = now() + options.budgetMs;
            if (watch.changed()) {
              restarts += 1;
              start(until);
            } else next(until);
          }),
        )
        .catch((error: unknown) => {
          watch.stop();
          options.onError(error);
        });
    };
    const finish = (block: LicenceBlock | null, until: number) => options.done(block, until, watch);
    const go = (until: number) => {
      const finished = oneRead(() => {
        for (let step = steps.next(); ; step = steps.next()) {
          if (step.done) return { block: step.value };
          watch.add(step.value);
          if (restarts < MAX_RESTARTS && now() >= until) return null;
        }
      });
      if (!finished) later(go);
      // Judging and the first rows shown get a task of their own when the read used this one up.
      else if (restarts < MAX_RESTARTS && now() >= until) later((next) => finish(finished.block, next));
      else finish(finished.block, until);
    };
    go(deadline);
  };

  start(options.firstDeadline);
  return {
    cancel: () => {
      cancelled = true;
      watch.stop();
    },
    restarts: () => restarts,
  };
}
