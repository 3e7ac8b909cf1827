import { describe, expect, it, vi } from 'vitest';
import { createMeter } from '../../../lib/runtime/work-meter';

/** A clock the pieces of work advance by hand. */
function clock() {
  let time = 100;
  return { now: () => time, spend: (ms: number) => (time += ms) };
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createMeter', () => {
  it('pieces of one task add up (the observer callback, then the read it queued); each task reported once', async () => {
    const { now, spend } = clock();
    const report = vi.fn();
    const measure = createMeter(report, now);
    measure(() => {
      spend(2);
      queueMicrotask(() => measure(() => spend(5)));
    });
    await nextTask();
    expect(report).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith(100, 7);
    measure(() => spend(3));
    await nextTask();
    expect(report).toHaveBeenCalledTimes(2);
    expect(report).toHaveBeenLastCalledWith(107, 3);
  });

  it('a piece inside another is counted once, and its result is returned', async () => {
    const { now, spend } = clock();
    const report = vi.fn();
    const measure = createMeter(report, now);
    const value = measure(() => {
      spend(1);
      return measure(() => {
        spend(1);
        return 'lu';
      });
    });
    expect(value).toBe('lu');
    await nextTask();
    expect(report).toHaveBeenCalledWith(100, 2);
  });
});
