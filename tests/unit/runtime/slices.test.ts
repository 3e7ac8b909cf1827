import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSlicer, inViewFirst, type SliceOptions } from '../../../lib/runtime/slices';
import { annotationFor, cardTable, dialogMarkup, mount, shadowText, start, stopAll } from '../fixtures/page';

/** A clock our tasks advance (each task "costs" `cost` ms) and a yield the test releases by hand. */
function harness(cost = 3) {
  let time = 0;
  const gates: (() => void)[] = [];
  const options: SliceOptions = {
    budgetMs: 8,
    now: () => time,
    yieldToPage: () => new Promise<void>((resolve) => gates.push(resolve)),
    afterSlice: vi.fn(),
  };
  const log: string[] = [];
  const task = (name: string) => () => {
    time += cost;
    log.push(name);
  };
  /** Lets the page have its turn: the next slice runs. */
  const yieldOnce = async () => {
    const gate = gates.shift();
    if (!gate) throw new Error('nothing is waiting for the page');
    gate();
    await Promise.resolve();
    await Promise.resolve();
  };
  return { options, log, task, yieldOnce, waiting: () => gates.length };
}

const names = (count: number, prefix = 'r') => Array.from({ length: count }, (_, at) => `${prefix}${at}`);

afterEach(() => stopAll());

describe('createSlicer', () => {
  it('runs tasks in order, in slices within the budget, yielding to the page between them', async () => {
    const { options, log, task, yieldOnce, waiting } = harness(3);
    const finish = vi.fn();
    const slicer = createSlicer(new AbortController().signal, options);
    slicer.run(names(7).map(task), finish);
    // 3 ms each, 8 ms per slice: three tasks (the deadline is checked before each), then the page.
    expect(log).toEqual(['r0', 'r1', 'r2']);
    expect(slicer.pending()).toBe(true);
    expect(waiting()).toBe(1);
    expect(options.afterSlice).toHaveBeenCalledTimes(1);
    await yieldOnce();
    expect(log).toEqual(names(6));
    await yieldOnce();
    expect(log).toEqual(names(7));
    expect(finish).toHaveBeenCalledTimes(1);
    expect(slicer.pending()).toBe(false);
    expect(options.afterSlice).toHaveBeenCalledTimes(3);
  });

  it('runs at least one task per slice, however slow', async () => {
    const { options, log, task, yieldOnce } = harness(50);
    createSlicer(new AbortController().signal, options).run(names(2).map(task));
    expect(log).toEqual(['r0']);
    await yieldOnce();
    expect(log).toEqual(['r0', 'r1']);
  });

  it('a new run replaces the one in progress: the older tasks and finish never run', async () => {
    const { options, log, task, yieldOnce } = harness(3);
    const slicer = createSlicer(new AbortController().signal, options);
    const olderFinish = vi.fn();
    slicer.run(names(7, 'old').map(task), olderFinish);
    slicer.run(names(4, 'new').map(task));
    expect(log).toEqual(['old0', 'old1', 'old2', 'new0', 'new1', 'new2']);
    await yieldOnce(); // the older run's turn: dropped
    await yieldOnce();
    expect(log).toEqual(['old0', 'old1', 'old2', 'new0', 'new1', 'new2', 'new3']);
    expect(olderFinish).not.toHaveBeenCalled();
  });

  it('stops with its signal (feature off, extension gone) and on cancel', async () => {
    const { options, log, task, yieldOnce } = harness(3);
    const controller = new AbortController();
    const finish = vi.fn();
    createSlicer(controller.signal, options).run(names(7).map(task), finish);
    controller.abort();
    await yieldOnce();
    expect(log).toHaveLength(3);
    expect(finish).not.toHaveBeenCalled();

    const cancelled = createSlicer(new AbortController().signal, options);
    cancelled.run(names(7, 'c').map(task), finish);
    cancelled.cancel();
    await yieldOnce();
    expect(log).toHaveLength(6);
    expect(finish).not.toHaveBeenCalled();
  });

  it('a task throwing in a later slice ends the run and is reported, not thrown into the page', async () => {
    const { options, task, yieldOnce } = harness(3);
    const onError = vi.fn();
    const tasks = names(5).map(task);
    tasks[4] = () => {
      throw new Error('boom');
    };
    createSlicer(new AbortController().signal, { ...options, onError }).run(tasks);
    await yieldOnce();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }));
  });
});

describe('createSlicer: deadlines, the re-check, rows in view', () => {
  it('the first slice stops at the deadline of the task it shares with the read, even before any task', async () => {
    const { options, log, task, yieldOnce } = harness(3);
    const slicer = createSlicer(new AbortController().signal, { ...options, firstDeadline: () => 0 });
    slicer.run(names(3).map(task));
    expect(log).toEqual([]);
    expect(slicer.pending()).toBe(true);
    await yieldOnce();
    // A later slice has its own budget (and at least one task).
    expect(log).toEqual(['r0', 'r1', 'r2']);
  });

  it('a later slice first asks whether the read still stands: no → the run is dropped, finish never runs', async () => {
    const { options, log, task, yieldOnce } = harness(3);
    let current = true;
    const finish = vi.fn();
    const slicer = createSlicer(new AbortController().signal, { ...options, current: () => current });
    slicer.run(names(7).map(task), finish);
    expect(log).toEqual(['r0', 'r1', 'r2']);
    current = false;
    await yieldOnce();
    expect(log).toEqual(['r0', 'r1', 'r2']);
    expect(slicer.pending()).toBe(false);
    expect(finish).not.toHaveBeenCalled();
  });

  it('rows in view go first as soon as the priority knows them, page order otherwise', async () => {
    const { options, log, task, yieldOnce } = harness(3);
    const keys = names(9).map(() => document.createElement('tr'));
    let version = 0;
    const inView = new Set<Element>();
    const slicer = createSlicer(new AbortController().signal, {
      ...options,
      priority: () => ({ version: () => version, inView: (key) => inView.has(key) }),
    });
    slicer.run(names(9).map(task), undefined, keys);
    // Nothing known yet: page order.
    expect(log).toEqual(['r0', 'r1', 'r2']);
    // The operator sees rows 6 and 7 (the IntersectionObserver's first answer).
    inView.add(keys[6] as Element).add(keys[7] as Element);
    version = 1;
    await yieldOnce();
    expect(log).toEqual(['r0', 'r1', 'r2', 'r6', 'r7', 'r3']);
    await yieldOnce();
    expect(log).toEqual(['r0', 'r1', 'r2', 'r6', 'r7', 'r3', 'r4', 'r5', 'r8']);
  });

  it('inViewFirst keeps page order among the rows in view and among the others', () => {
    const keys = names(5).map(() => document.createElement('tr'));
    const seen = new Set([keys[3], keys[1]]);
    const priority = { version: () => 1, inView: (key: Element) => seen.has(key as HTMLTableRowElement) };
    expect(inViewFirst([0, 1, 2, 3, 4], keys, priority)).toEqual([1, 3, 0, 2, 4]);
    expect(inViewFirst([0, 2, 4], keys, priority)).toEqual([0, 2, 4]);
  });
});

describe('annotations in slices', () => {
  /** A clock 2.5 ms later at every reading (a few rows per slice) and turns released by hand. */
  function slowClock() {
    let time = 0;
    const gates: (() => void)[] = [];
    const slices: SliceOptions = {
      budgetMs: 8,
      now: () => {
        time += 2.5;
        return time;
      },
      yieldToPage: () => new Promise<void>((resolve) => gates.push(resolve)),
    };
    const turn = async () => {
      gates.shift()?.();
      for (let at = 0; at < 4; at += 1) await Promise.resolve();
    };
    return { slices, turn, waiting: () => gates.length };
  }
  const svi = () => document.querySelector<HTMLElement>('mla-licence[data-licence="Licence SVI"]');
  const shown = () => document.querySelectorAll('mla-licence').length;
  /** The portal changes the last row (Licence SVI) from 1 / 1 to 0 / 1. */
  const changeSvi = () => {
    const row = [...document.querySelectorAll('tr')].find((tr) => tr.textContent?.includes('Licence SVI'));
    const count = [...(row?.querySelectorAll('td') ?? [])].find(
      (cell) => cell.textContent?.trim() === '1 / 1',
    );
    expect(count).toBeDefined();
    (count as HTMLElement).textContent = '0 / 1';
  };

  it('never shows a verdict from an older read when the page changes mid-way and is read again', async () => {
    mount(cardTable());
    const { slices, turn, waiting } = slowClock();
    const { assistant } = start({ slices });
    while (shown() === 0 && waiting() > 0) await turn();
    expect(shown()).toBeGreaterThan(0);
    expect(shown()).toBeLessThan(8);
    expect(svi()).toBeNull();
    changeSvi();
    assistant.refresh();
    // Every turn the page gives: the older run's are dropped, never showing the older 1 / 1.
    while (waiting() > 0) {
      await turn();
      expect(svi()?.dataset.active ?? '0').toBe('0');
    }
    expect(shown()).toBe(8);
    expect(svi()?.dataset.active).toBe('0');
    expect(shadowText(annotationFor('Licence SVI'))).toContain('1');
    expect(shadowText(annotationFor('Licence full'))).toContain('1 résiliable');
  });

  it('the block changed between slices while nothing else watches the page: the rest comes from a new read', async () => {
    mount(cardTable());
    const { slices, turn, waiting } = slowClock();
    // The page observer goes idle at once and its check never comes: only the re-check sees the change.
    start({ slices, observe: { quietMs: 0, idleCheckMs: 1e9 } });
    while (shown() === 0 && waiting() > 0) await turn();
    expect(shown()).toBeGreaterThan(0);
    expect(shown()).toBeLessThan(8);
    expect(svi()).toBeNull();
    changeSvi();
    while (waiting() > 0) {
      await turn();
      expect(svi()?.dataset.active ?? '0').toBe('0');
    }
    expect(shown()).toBe(8);
    expect(svi()?.dataset.active).toBe('0');
  });

  it('with a termination dialog open the page is read in one task: the guard is there before anything else runs', async () => {
    mount(`${cardTable()}${dialogMarkup()}`);
    const { slices, turn, waiting } = slowClock();
    start({ slices });
    expect(document.querySelector('mla-termination-guard')?.getAttribute('data-max')).toBe('1');
    // The annotations may still come slice by slice.
    while (waiting() > 0) await turn();
    expect(shown()).toBe(8);
  });
});
