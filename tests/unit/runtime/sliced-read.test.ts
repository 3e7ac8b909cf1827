import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LicenceBlock } from '../../../lib/portal/types';
import { MAX_RESTARTS, readInSlices } from '../../../lib/runtime/sliced-read';
import type { CardRow } from '../fixtures/card';
import { cardTable, mount, stopAll } from '../fixtures/page';

afterEach(() => stopAll());

const ROWS: CardRow[] = Array.from({ length: 30 }, (_, at) => ({
  label: `Licence test ${at + 1}`,
  active: 0,
  subscribed: 1,
}));

/** A clock one ms later at every reading (about one row per ms), and turns the test gives by hand. */
function harness() {
  let time = 0;
  const gates: (() => void)[] = [];
  const done = vi.fn<(block: LicenceBlock | null, deadline: number) => void>();
  const onError = vi.fn();
  const read = readInSlices(document, {
    now: () => {
      time += 1;
      return time;
    },
    firstDeadline: 10,
    budgetMs: 8,
    yieldToPage: () => new Promise<void>((resolve) => gates.push(resolve)),
    measure: (work) => work(),
    onError,
    done,
  });
  /** Lets the page have its turn, then our next task runs. */
  const turn = async () => {
    const gate = gates.shift();
    if (!gate) throw new Error('nothing is waiting for the page');
    gate();
    for (let at = 0; at < 4; at += 1) await Promise.resolve();
  };
  const untilDone = async () => {
    while (gates.length > 0) await turn();
  };
  return { read, done, onError, turn, untilDone, waiting: () => gates.length };
}

/** The count cell of a row (its text `0 / 1`). */
function countCell(label: string): HTMLElement {
  const row = [...document.querySelectorAll('tr')].find((tr) => tr.textContent?.includes(`${label} `));
  const cell = [...(row?.querySelectorAll('td') ?? [])].find((td) => /\d+ \/ \d+/.test(td.textContent ?? ''));
  if (!cell) throw new Error(`no count for ${label}`);
  return cell as HTMLElement;
}

const countOf = (block: LicenceBlock | null | undefined, label: string) =>
  block?.rows.find((row) => row.label === label)?.rawCount;

describe('readInSlices', () => {
  it('reads a 30-row block over several tasks and hands the whole block over once', async () => {
    mount(cardTable(ROWS));
    const { done, untilDone, waiting } = harness();
    expect(done).not.toHaveBeenCalled();
    expect(waiting()).toBe(1);
    await untilDone();
    expect(done).toHaveBeenCalledTimes(1);
    expect(done.mock.calls[0]?.[0]?.rows).toHaveLength(30);
  });

  it('a row already read that the page changes before the read ends: read again, never half old and half new', async () => {
    mount(cardTable(ROWS));
    const { read, done, untilDone } = harness();
    // The first task read the first rows only.
    expect(done).not.toHaveBeenCalled();
    countCell('Licence test 1').textContent = '1 / 1';
    await untilDone();
    expect(done).toHaveBeenCalledTimes(1);
    const block = done.mock.calls[0]?.[0];
    expect(countOf(block, 'Licence test 1')).toBe('1 / 1');
    expect(countOf(block, 'Licence test 30')).toBe('0 / 1');
    expect(read.restarts()).toBe(1);
  });

  it('a block hidden by the page mid-read (a class on an ancestor) is read again', async () => {
    mount(cardTable(ROWS));
    const { read, done, turn, untilDone } = harness();
    document.querySelector('.tab-pane')?.setAttribute('class', 'tab-pane');
    await turn();
    expect(read.restarts()).toBe(1);
    await untilDone();
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('a block removed mid-read: read again, and nothing is found', async () => {
    mount(cardTable(ROWS));
    const { read, done, turn, untilDone } = harness();
    document.querySelector('.panel')?.remove();
    await turn();
    expect(read.restarts()).toBe(1);
    await untilDone();
    expect(done.mock.calls[0]?.[0]).toBeNull();
  });

  it(`a page that keeps changing the block: after ${MAX_RESTARTS} restarts it is read in one task`, async () => {
    mount(cardTable(ROWS));
    const { read, done, turn } = harness();
    for (let change = 0; change < MAX_RESTARTS; change += 1) {
      countCell('Licence test 1').textContent = `${change} / 9`;
      await turn();
    }
    expect(read.restarts()).toBe(MAX_RESTARTS);
    expect(done).toHaveBeenCalledTimes(1);
    expect(countOf(done.mock.calls[0]?.[0], 'Licence test 1')).toBe(`${MAX_RESTARTS - 1} / 9`);
  });

  it('cancelled (a newer read, the page gone): never hands anything over', async () => {
    mount(cardTable(ROWS));
    const { read, done, untilDone } = harness();
    read.cancel();
    await untilDone();
    expect(done).not.toHaveBeenCalled();
  });
});
