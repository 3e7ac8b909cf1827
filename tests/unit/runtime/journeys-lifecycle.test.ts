/**
 * Journeys around the assistant's own life in a page that stays open: the extension updated or reloaded
 * (an earlier copy's elements left behind), the assistant started twice in one frame, the page back from
 * the back/forward cache or its tab shown again, the options changed, and very long sessions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/settings/settings';
import {
  annotationFor,
  annotations,
  cardTable,
  dialogMarkup,
  settle,
  start,
  stopAll,
} from '../fixtures/page';

afterEach(stopAll);

const QUIET = 40;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const confirm = () =>
  Array.from(document.querySelectorAll('button')).find(
    (button) => button.textContent === 'Confirmer',
  ) as HTMLButtonElement;
const quantity = () => document.getElementById('qty') as HTMLInputElement;
const guards = () => Array.from(document.querySelectorAll<HTMLElement>('mla-termination-guard'));
const type = (value: string) => {
  quantity().value = value;
  quantity().dispatchEvent(new Event('input', { bubbles: true }));
};
const clickConfirm = () => {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  confirm().dispatchEvent(event);
  return event.defaultPrevented;
};
const countCell = (label: string) => annotationFor(label).closest('tr')?.cells[1] as HTMLTableCellElement;

/**
 * The page as an earlier copy of the assistant left it when its code was torn down (Firefox, extension
 * updated or reloaded): its elements and the attributes its guard lent stay, nothing of it runs.
 */
async function leftByAnEarlierCopy(markup: string): Promise<void> {
  document.body.innerHTML = markup;
  const earlier = start();
  await settle();
  const left = document.body.innerHTML;
  // Its elements copied in place of its own, which it then takes away: the copies are nobody's.
  document.body.innerHTML = left;
  earlier.controller.abort();
}

describe('the extension updated or reloaded while a Détails tab is open', () => {
  it('the copy injected then shows one set of badges, one summary and one guard', async () => {
    await leftByAnEarlierCopy(`${cardTable()}${dialogMarkup({ value: '5' })}`);
    expect(guards()).toHaveLength(1);
    start();
    await settle();
    expect(annotations()).toHaveLength(8);
    expect(document.querySelectorAll('mla-summary')).toHaveLength(1);
    expect(guards()).toHaveLength(1);
    expect(guards()[0]?.dataset).toMatchObject({ state: 'checked', max: '1', valid: 'false' });
    expect(clickConfirm()).toBe(true);
  });

  it('takes back what the earlier guard lent: a valid quantity leaves Confirmer enabled, nothing left at the end', async () => {
    await leftByAnEarlierCopy(`${cardTable()}${dialogMarkup({ value: '5' })}`);
    expect(confirm().getAttribute('aria-disabled')).toBe('true');
    const running = start();
    await settle();
    const id = guards()[0]?.id;
    expect(confirm().getAttribute('aria-describedby')).toBe(id);
    expect(quantity().getAttribute('aria-describedby')).toBe(id);
    type('1');
    expect(confirm().hasAttribute('aria-disabled')).toBe(false);
    expect(quantity().hasAttribute('aria-invalid')).toBe(false);
    type('5');
    running.controller.abort();
    for (const name of ['aria-disabled', 'aria-describedby'])
      expect(confirm().hasAttribute(name)).toBe(false);
    for (const name of ['aria-invalid', 'aria-describedby'])
      expect(quantity().hasAttribute(name)).toBe(false);
  });

  it('leaves the page’s own descriptions and attributes of other elements alone', async () => {
    await leftByAnEarlierCopy(`${cardTable()}${dialogMarkup({ value: '5' })}<p id="help">Aide</p>`);
    quantity().setAttribute('aria-describedby', `help ${quantity().getAttribute('aria-describedby')}`);
    document.body.insertAdjacentHTML('beforeend', '<button id="other" aria-disabled="true">Autre</button>');
    start();
    await settle();
    expect(quantity().getAttribute('aria-describedby')).toBe(`help ${guards()[0]?.id}`);
    expect(document.getElementById('other')?.getAttribute('aria-disabled')).toBe('true');
  });
});

describe('the assistant started twice in one frame (two detectors racing, a re-injection)', () => {
  it('the second start takes over: one badge per row and one guard, none stopped as fought off', async () => {
    document.body.innerHTML = `${cardTable()}${dialogMarkup({ value: '5' })}`;
    const first = start({ observe: { quietMs: QUIET, idleCheckMs: 10 } });
    const second = start({ observe: { quietMs: QUIET, idleCheckMs: 10 } });
    await wait(QUIET * 2);
    countCell('Licence full').textContent = '0 / 2';
    await wait(QUIET * 2);
    expect(annotations()).toHaveLength(8);
    expect(annotationFor('Licence full').dataset.terminable).toBe('2');
    expect(guards()).toHaveLength(1);
    expect([...first.errors, ...second.errors]).toEqual([]);
    expect(first.assistant.status().recognised).toBe(false);
    second.controller.abort();
    expect(
      document.querySelectorAll('mla-licence, mla-summary, mla-sda-flag, mla-termination-guard'),
    ).toHaveLength(0);
    expect(confirm().hasAttribute('aria-disabled')).toBe(false);
  });
});

describe('the page shown again (back/forward cache, its tab brought back)', () => {
  const shownAgain = {
    'pageshow (persisted)': () => {
      const event = new Event('pageshow');
      Object.defineProperty(event, 'persisted', { value: true });
      window.dispatchEvent(event);
    },
    visibilitychange: () => document.dispatchEvent(new Event('visibilitychange')),
  };
  for (const [how, show] of Object.entries(shownAgain))
    it(`a settled page compares what it shows at once (${how}), not at the next idle check`, async () => {
      document.body.innerHTML = cardTable();
      start({ observe: { quietMs: QUIET, idleCheckMs: 10_000 } });
      await wait(QUIET * 3);
      // Changed while away (another tab terminated one, the page refreshed its data when shown).
      countCell('Licence full').textContent = '0 / 2';
      show();
      await wait(QUIET / 4);
      expect(annotationFor('Licence full').dataset).toMatchObject({ active: '0', terminable: '2' });
    });

  it('the guard still guards the dialog left open before the page went into the cache', async () => {
    document.body.innerHTML = `${cardTable()}${dialogMarkup({ value: '5' })}`;
    start({ observe: { quietMs: QUIET, idleCheckMs: 10 } });
    await wait(QUIET * 3);
    window.dispatchEvent(new Event('pagehide'));
    shownAgain['pageshow (persisted)']();
    await wait(QUIET);
    expect(clickConfirm()).toBe(true);
    type('1');
    expect(clickConfirm()).toBe(false);
  });
});

describe('the options changed while a Détails tab is open', () => {
  it('features switched off and on again, many times, with a refused quantity: nothing left, nothing doubled', async () => {
    document.body.innerHTML = `${cardTable()}${dialogMarkup({ value: '5' })}`;
    const running = start();
    await settle();
    const on = defaultSettings();
    const off = { ...on, features: { annotations: false, sdaFlags: false, summary: false, guard: false } };
    for (let round = 0; round < 20; round += 1) {
      running.assistant.setSettings(off);
      await settle();
      expect(
        document.querySelectorAll('mla-licence, mla-summary, mla-sda-flag, mla-termination-guard'),
      ).toHaveLength(0);
      expect(
        confirm()
          .getAttributeNames()
          .filter((name) => name.startsWith('aria-')),
      ).toEqual([]);
      expect(
        quantity()
          .getAttributeNames()
          .filter((name) => name.startsWith('aria-')),
      ).toEqual([]);
      expect(clickConfirm()).toBe(false);
      running.assistant.setSettings(on);
      await settle();
      expect(annotations()).toHaveLength(8);
      expect(guards()).toHaveLength(1);
      expect(confirm().getAttribute('aria-describedby')).toBe(guards()[0]?.id);
      expect(clickConfirm()).toBe(true);
    }
    expect(running.errors).toEqual([]);
  });
});

describe('a very long session', () => {
  /**
   * Observers observing and intervals running (what the page itself adds included). Listeners are not
   * counted: the guard's and the observer's all go with an AbortSignal (checked by their own tests).
   */
  function countLive(): { observers: () => number; intervals: () => number; restore(): void } {
    const observing = new Set<MutationObserver>();
    const { observe, disconnect } = MutationObserver.prototype;
    MutationObserver.prototype.observe = function (this: MutationObserver, ...args) {
      observing.add(this);
      return observe.apply(this, args);
    };
    MutationObserver.prototype.disconnect = function (this: MutationObserver) {
      observing.delete(this);
      return disconnect.call(this);
    };
    const intervals = new Set<unknown>();
    const { setInterval: every, clearInterval: clear } = globalThis;
    globalThis.setInterval = ((...args: Parameters<typeof every>) => {
      const id = every(...args);
      intervals.add(id);
      return id;
    }) as typeof every;
    globalThis.clearInterval = ((id: Parameters<typeof clear>[0]) => {
      intervals.delete(id);
      clear(id);
    }) as typeof clear;
    return {
      observers: () => observing.size,
      intervals: () => intervals.size,
      restore() {
        Object.assign(MutationObserver.prototype, { observe, disconnect });
        Object.assign(globalThis, { setInterval: every, clearInterval: clear });
      },
    };
  }

  it('a hundred dialogs opened, sent and closed and block re-renders add no observer nor timer, leave no element', async () => {
    const counts = countLive();
    try {
      document.body.innerHTML = `<div id="pane">${cardTable()}</div>`;
      const pane = document.getElementById('pane') as HTMLElement;
      // The page's own handler: nothing is sent here.
      const keep = (event: Event) => event.preventDefault();
      document.addEventListener('submit', keep);
      const running = start({ observe: { quietMs: QUIET, idleCheckMs: 10 } });
      const cycle = async (round: number) => {
        pane.insertAdjacentHTML('afterend', dialogMarkup({ value: String(round % 3) }));
        await settle();
        type(String((round + 1) % 3));
        clickConfirm();
        document.querySelector('[role="dialog"]')?.remove();
        await settle();
        pane.innerHTML = cardTable();
        await settle();
      };
      for (let round = 0; round < 10; round += 1) await cycle(round);
      await wait(QUIET * 2);
      const after10 = [counts.observers(), counts.intervals()];
      for (let round = 10; round < 100; round += 1) await cycle(round);
      await wait(QUIET * 2);
      expect([counts.observers(), counts.intervals()]).toEqual(after10);
      expect(guards()).toHaveLength(0);
      expect(annotations()).toHaveLength(8);
      expect(running.errors).toEqual([]);
      document.removeEventListener('submit', keep);
    } finally {
      counts.restore();
    }
  }, 30_000);
});
