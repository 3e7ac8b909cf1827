import { afterEach, describe, expect, it, vi } from 'vitest';
import { nearestFirst, type RowView } from '../../../lib/runtime/page-view';
import { createSlicer, type SliceOptions } from '../../../lib/runtime/slices';
import { annotationFor, cardTable, mount, shadowText, start, stopAll } from '../fixtures/page';

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

describe('nearestFirst', () => {
  function rowsAt(tops: number[]): RowView[] {
    return tops.map((top, at) => {
      const element = document.createElement('tr');
      element.getBoundingClientRect = () => ({ top, bottom: top + 20 }) as DOMRect;
      return { row: { element, label: `r${at}` }, assessment: {} } as unknown as RowView;
    });
  }
  const labels = (rows: RowView[]) => rows.map(({ row }) => row.label);

  it('puts the rows in the viewport first, then the nearest, page order among equals', () => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(600);
    const tops = Array.from({ length: 20 }, (_, at) => 1000 - at * 100); // r0 far below … r19 far above
    const ordered = labels(nearestFirst(rowsAt(tops), document));
    // In view (top ≤ 600 and bottom ≥ 0): r4 (600) … r10 (0), in page order.
    expect(ordered.slice(0, 7)).toEqual(['r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10']);
    expect(new Set(ordered).size).toBe(20);
    // Then by distance: r3 (100 below) and r11 (80 above: bottom -80) → r11 first.
    expect(ordered.slice(7, 9)).toEqual(['r11', 'r3']);
  });

  it('leaves a few rows in page order without asking for a layout', () => {
    const rows = rowsAt([900, 0, -500]);
    const spy = vi.spyOn(rows[0]!.row.element, 'getBoundingClientRect');
    expect(labels(nearestFirst(rows, document))).toEqual(['r0', 'r1', 'r2']);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('annotations in slices', () => {
  it('never shows a verdict from an older read when the page changes mid-way', async () => {
    mount(cardTable());
    let time = 0;
    const gates: (() => void)[] = [];
    const { assistant } = start({
      slices: {
        budgetMs: 8,
        // Each reading of the clock is 2.5 ms later: a few rows per slice.
        now: () => {
          time += 2.5;
          return time;
        },
        yieldToPage: () => new Promise<void>((resolve) => gates.push(resolve)),
      },
    });
    const svi = () => document.querySelector<HTMLElement>('mla-licence[data-licence="Licence SVI"]');
    const shown = () => document.querySelectorAll('mla-licence').length;
    expect(shown()).toBeGreaterThan(0);
    expect(shown()).toBeLessThan(8);
    expect(svi()).toBeNull();
    // The portal changes the last row (not annotated yet) from 1 / 1 to 0 / 1, and it is read again.
    const row = [...document.querySelectorAll('tr')].find((tr) => tr.textContent?.includes('Licence SVI'));
    const count = [...(row?.querySelectorAll('td') ?? [])].find(
      (cell) => cell.textContent?.trim() === '1 / 1',
    );
    expect(count).toBeDefined();
    (count as HTMLElement).textContent = '0 / 1';
    assistant.refresh();
    // Every turn the page gives: the older run's are dropped, never showing the older 1 / 1.
    while (gates.length > 0) {
      gates.shift()?.();
      await Promise.resolve();
      await Promise.resolve();
      expect(svi()?.dataset.active ?? '0').toBe('0');
    }
    expect(shown()).toBe(8);
    expect(svi()?.dataset.active).toBe('0');
    expect(shadowText(annotationFor('Licence SVI'))).toContain('1');
    expect(shadowText(annotationFor('Licence full'))).toContain('1 résiliable');
  });
});
