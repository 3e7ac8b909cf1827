import { describe, expect, it } from 'vitest';
import { allConnected, startIdleCheck, textOf } from '../../../lib/runtime/idle-check';
import { isRelevant, observePage } from '../../../lib/runtime/page-observer';
import type { Tracked } from '../../../lib/runtime/tracked';

function record(partial: Partial<MutationRecord>): MutationRecord {
  return {
    type: 'childList',
    target: document.body,
    addedNodes: [] as unknown as NodeList,
    removedNodes: [] as unknown as NodeList,
    attributeName: null,
    attributeNamespace: null,
    nextSibling: null,
    previousSibling: null,
    oldValue: null,
    ...partial,
  } as MutationRecord;
}

const nodes = (...list: Node[]) => list as unknown as NodeList;

describe('isRelevant', () => {
  const block = document.createElement('table');
  const row = document.createElement('tr');
  block.append(row);
  document.body.append(block);
  const tracked: Tracked = { regions: [block], nodes: [block, row] };

  it('ignores added content that mentions neither licences nor quantities', () => {
    const span = document.createElement('span');
    span.textContent = 'Notification : 3 nouveaux tickets';
    expect(isRelevant([record({ addedNodes: nodes(span) })], tracked)).toBe(false);
  });

  it('reacts to added content with licences or quantities (block or dialog body arriving)', () => {
    const div = document.createElement('div');
    div.textContent = 'Quantité souscrite 2';
    expect(isRelevant([record({ addedNodes: nodes(div) })], tracked)).toBe(true);
    expect(
      isRelevant([record({ addedNodes: nodes(document.createTextNode('Licence full')) })], tracked),
    ).toBe(true);
  });

  it('ignores our own elements', () => {
    const own = document.createElement('mla-licence');
    own.textContent = 'Licence';
    expect(isRelevant([record({ addedNodes: nodes(own) })], { regions: [], nodes: [] })).toBe(false);
  });

  it('reacts to any change inside the tracked block (a count edited in place)', () => {
    const text = document.createTextNode('1 / 2');
    row.append(text);
    expect(isRelevant([record({ type: 'characterData', target: text })], tracked)).toBe(true);
  });

  it('reacts when a tracked node was removed, not to other removals', () => {
    const other = document.createElement('p');
    expect(isRelevant([record({ removedNodes: nodes(other) })], tracked)).toBe(false);
    block.remove();
    expect(isRelevant([record({ removedNodes: nodes(block) })], tracked)).toBe(true);
  });

  it('reacts to a dialog shown by a class change, not to body class changes', () => {
    const modal = document.createElement('div');
    modal.textContent = 'Résiliation licence full';
    expect(
      isRelevant([record({ type: 'attributes', target: modal, attributeName: 'class' })], {
        regions: [],
        nodes: [],
      }),
    ).toBe(true);
    expect(
      isRelevant([record({ type: 'attributes', target: document.body, attributeName: 'class' })], {
        regions: [],
        nodes: [],
      }),
    ).toBe(false);
  });
});

describe('observePage: observing, then idle once the page has settled', () => {
  const QUIET = 60;
  const CHECK = 10;
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** A page with a tab pane holding the block, a sibling pane, and a clock elsewhere. */
  function page() {
    document.body.innerHTML = `<header><span id="clock">10:00</span></header>
      <main><ul><li>Détails</li><li>Numéros</li></ul>
        <div id="panes"><div id="details"><table id="block"><tr><td>Licence full</td><td id="count">1 / 2</td></tr></table></div>
        <div id="numbers"></div></div></main>`;
    return {
      block: document.getElementById('block') as HTMLElement,
      count: document.getElementById('count') as HTMLElement,
      numbers: document.getElementById('numbers') as HTMLElement,
      clock: document.getElementById('clock') as HTMLElement,
    };
  }

  /** Like the manager: `regions()` is what the last read tracked; `forget` after every read. */
  function watch(regions: () => Node[]) {
    const controller = new AbortController();
    let changes = 0;
    const observer = observePage(
      document,
      () => ({ regions: regions(), nodes: regions() }),
      () => {
        changes += 1;
        observer.forget();
      },
      controller.signal,
      { quietMs: QUIET, idleCheckMs: CHECK },
    );
    observer.forget();
    return { observer, controller, changes: () => changes };
  }

  /** Licence text added inside `parent`: relevant wherever it lands, while the page is observed. */
  const addLicenceText = (parent: Element) => {
    const cell = document.createElement('p');
    cell.textContent = 'Licence basic 0 / 1';
    parent.append(cell);
  };

  it('keeps observing while nothing is tracked, even once quiet', async () => {
    const { numbers } = page();
    const watching = watch(() => []);
    await wait(QUIET * 3);
    expect(watching.observer.mode()).toBe('observing');
    addLicenceText(numbers);
    await wait(0);
    expect(watching.changes()).toBe(1);
    watching.controller.abort();
  });

  it('goes idle once quiet with a block tracked: changes elsewhere cost nothing and are not seen', async () => {
    const { block, numbers, clock } = page();
    const watching = watch(() => [block]);
    expect(watching.observer.mode()).toBe('observing');
    await wait(QUIET * 3);
    expect(watching.observer.mode()).toBe('idle');
    addLicenceText(numbers);
    clock.textContent = 'Licence 10:01';
    await wait(CHECK * 3);
    expect(watching.changes()).toBe(0);
    expect(watching.observer.mode()).toBe('idle');
    watching.controller.abort();
  });

  it('a relevant change keeps it observing: quiet counts from the last one', async () => {
    const { block, count } = page();
    const watching = watch(() => [block]);
    for (let step = 0; step < 4; step += 1) {
      await wait(QUIET / 2);
      count.textContent = `${step} / 4`;
      await wait(0);
    }
    expect(watching.changes()).toBe(4);
    expect(watching.observer.mode()).toBe('observing');
    await wait(QUIET * 3);
    expect(watching.observer.mode()).toBe('idle');
    watching.controller.abort();
  });

  it('while idle, sees the block edited in place or removed, and observes again', async () => {
    const { block, count } = page();
    let regions: Node[] = [block];
    const watching = watch(() => regions);
    await wait(QUIET * 3);
    expect(watching.observer.mode()).toBe('idle');
    count.textContent = '2 / 2';
    await wait(CHECK * 3);
    expect(watching.changes()).toBe(1);
    expect(watching.observer.mode()).toBe('observing');

    await wait(QUIET * 3);
    expect(watching.observer.mode()).toBe('idle');
    block.remove();
    regions = [];
    await wait(CHECK * 3);
    expect(watching.changes()).toBe(2);
    expect(watching.observer.mode()).toBe('observing');
    await wait(QUIET * 3);
    expect(watching.observer.mode()).toBe('observing');
    watching.controller.abort();
  });

  it('after an action, observes only what it can change: the block, dialogs and their places, the block’s path', async () => {
    const { block, numbers, clock } = page();
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div role="dialog" class="hidden-modal"><div class="content">Chargement...</div></div>',
    );
    const place = document.querySelector('[role="dialog"]') as HTMLElement;
    const paths: Node[] = [];
    for (let at = block.parentNode; at; at = at.parentNode) paths.push(at);
    const controller = new AbortController();
    let changes = 0;
    const observer = observePage(
      document,
      () => ({
        regions: block.isConnected ? [block] : [],
        nodes: [block],
        places: { dialogs: [place], paths },
      }),
      () => {
        changes += 1;
        observer.forget();
      },
      controller.signal,
      { quietMs: QUIET, idleCheckMs: CHECK },
    );
    observer.forget();
    await wait(QUIET * 3);
    expect(observer.mode()).toBe('idle');
    document.querySelector('li')?.dispatchEvent(new Event('keydown', { bubbles: true }));
    expect(observer.mode()).toBe('targeted');
    // The page's own life elsewhere: not observed (licence text in another pane included: the trade-off).
    clock.textContent = 'Licence 10:01';
    addLicenceText(numbers);
    await wait(0);
    expect(changes).toBe(0);
    // The dialog filled in place, then shown by a class change.
    (place.firstElementChild as HTMLElement).textContent = 'Résiliation licence full · Quantité active 1';
    await wait(0);
    expect(changes).toBe(1);
    place.className = 'in';
    await wait(0);
    expect(changes).toBe(2);
    // Another dialog appended to the body, with licence text.
    addLicenceText(document.body);
    await wait(0);
    expect(changes).toBe(3);
    // The block's pane replaced: a child list along the path.
    block.parentElement?.remove();
    await wait(0);
    expect(changes).toBe(4);
    controller.abort();
  });

  it('an action with no block path known (nothing read yet) observes the whole page again, until quiet', async () => {
    const { block, numbers } = page();
    const watching = watch(() => [block]);
    await wait(QUIET * 3);
    expect(watching.observer.mode()).toBe('idle');
    document.querySelector('li')?.dispatchEvent(new Event('click', { bubbles: true }));
    expect(watching.observer.mode()).toBe('observing');
    addLicenceText(numbers);
    await wait(0);
    expect(watching.changes()).toBe(1);
    await wait(QUIET * 3);
    expect(watching.observer.mode()).toBe('idle');
    watching.controller.abort();
  });

  it('stops observing, checking and listening when aborted', async () => {
    const { block, numbers, count } = page();
    const watching = watch(() => [block]);
    await wait(QUIET * 3);
    watching.controller.abort();
    count.textContent = '2 / 2';
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    addLicenceText(numbers);
    await wait(QUIET * 3);
    expect(watching.changes()).toBe(0);
  });
});

describe('idle check', () => {
  it('compares the regions text and whether tracked nodes are still in the page', () => {
    document.body.innerHTML = '<table><tr><td>Licence full</td><td>1 / 2</td></tr></table>';
    const table = document.querySelector('table') as HTMLElement;
    const cell = document.querySelector('td') as HTMLElement;
    const tracked = { regions: [table], nodes: [cell] };
    expect(textOf(tracked)).toContain('Licence full');
    const check = startIdleCheck(tracked);
    expect(check.changed()).toBe(false);
    table.append(document.createElement('mla-licence'));
    expect(check.changed()).toBe(false);
    (cell.nextElementSibling as HTMLElement).textContent = '2 / 2';
    expect(check.changed()).toBe(true);
    expect(allConnected(tracked)).toBe(true);
    cell.remove();
    expect(allConnected(tracked)).toBe(false);
  });
});
