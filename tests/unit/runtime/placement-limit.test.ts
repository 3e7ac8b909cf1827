import { afterEach, describe, expect, it } from 'vitest';
import {
  createPlacementLimit,
  MAX_PLACEMENTS,
  PLACEMENT_WINDOW_MS,
} from '../../../lib/runtime/placement-limit';
import { defaultSettings } from '../../../lib/settings/settings';
import { annotations, cardTable, dialogMarkup, mount, settle, start, stopAll } from '../fixtures/page';

afterEach(stopAll);

describe('the placement limit', () => {
  it('allows the first placement and five re-insertions per place within two seconds', () => {
    expect([MAX_PLACEMENTS, PLACEMENT_WINDOW_MS]).toEqual([6, 2_000]);
  });

  // Each case: the times (ms) of placements at one place, and what the limit answers to each.
  it.each([
    ['six at once', [0, 0, 0, 0, 0, 0], [true, true, true, true, true, true]],
    ['the seventh at once', [0, 0, 0, 0, 0, 0, 0], [true, true, true, true, true, true, false]],
    ['seven spread over more than the window', [0, 400, 800, 1200, 1600, 2000, 2400], Array(7).fill(true)],
    ['seven within the window', [0, 300, 600, 900, 1200, 1500, 1999], [...Array(6).fill(true), false]],
    ['a burst after a quiet window', [0, 0, 0, 0, 0, 0, 5000, 5000], Array(8).fill(true)],
    // Asked again every 100 ms while refused: the place is given back a window after the last placement.
    [
      'refused asks not counted',
      [0, 0, 0, 0, 0, 0, ...Array.from({ length: 25 }, (_, at) => (at + 1) * 100)],
      [...Array(6).fill(true), ...Array(19).fill(false), ...Array(6).fill(true)],
    ],
  ])('%s', (_case, times, expected) => {
    let clock = 0;
    const limit = createPlacementLimit({ now: () => clock });
    const place = document.createElement('td');
    const answers = times.map((at) => {
      clock = at;
      return limit.record(place);
    });
    expect(answers).toEqual(expected);
  });

  it('counts each place apart', () => {
    const limit = createPlacementLimit({ now: () => 0 });
    const [one, two] = [document.createElement('td'), document.createElement('td')];
    for (let count = 0; count < 6; count += 1) limit.record(one);
    expect(limit.record(two)).toBe(true);
    expect(limit.record(one)).toBe(false);
  });
});

/** A page whose script removes every node it did not render (a reconciler): here, any custom element. */
function fightForeignNodes(): { removals: () => number; stop: () => void } {
  let removals = 0;
  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of Array.from(record.addedNodes))
        if (node instanceof Element && node.localName.includes('-')) {
          node.remove();
          removals += 1;
        }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return { removals: () => removals, stop: () => observer.disconnect() };
}

describe('a page that fights our elements', () => {
  it('stays responsive: the features back off, stop on this page and log once each', async () => {
    mount(cardTable());
    const page = fightForeignNodes();
    const running = start();
    // A timer that fires proves the microtask ping-pong ended (an endless one never lets it run).
    for (let turn = 0; turn < 5; turn += 1) await settle();
    page.stop();
    expect(annotations()).toHaveLength(0);
    expect(document.querySelector('mla-summary')).toBeNull();
    // Bounded by the limit: 8 annotated labels, 7 flagged ones and the summary, each placed at most
    // once more than allowed (the placement that goes over the limit stops the feature).
    expect(page.removals()).toBe((8 + 7 + 1) * (MAX_PLACEMENTS + 1));
    const stopped = running.errors.map((line) => line[1]);
    expect(stopped.sort()).toEqual(['annotations stopped:', 'sdaFlags stopped:', 'summary stopped:']);
    // Stopped on this page: the options turning it on again do not restart the fight.
    running.assistant.setSettings(defaultSettings());
    expect(annotations()).toHaveLength(0);
  });

  it('puts back an element the page removed now and then (a re-render is no fight)', async () => {
    mount(cardTable());
    const running = start();
    for (let time = 0; time < 4; time += 1) {
      for (const host of annotations()) host.remove();
      await settle();
      expect(annotations()).toHaveLength(8);
    }
    expect(running.errors).toEqual([]);
  });

  it('the guard stops putting its message back but never stops refusing an impossible quantity', async () => {
    mount(cardTable() + dialogMarkup());
    const page = fightForeignNodes();
    const running = start();
    for (let turn = 0; turn < 5; turn += 1) await settle();
    expect(document.querySelector('mla-termination-guard')).toBeNull();
    const input = document.querySelector<HTMLInputElement>('#qty')!;
    input.value = '5';
    const confirm = Array.from(document.querySelectorAll('button')).find(
      (b) => b.textContent === 'Confirmer',
    )!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    confirm.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    const lines = running.errors.map((line) => line[1]);
    expect(lines).toContain('guard elements not put back:');
    expect(lines).not.toContain('guard stopped:');
    page.stop();
  });
});
