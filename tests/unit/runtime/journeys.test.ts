/**
 * Journeys through the real runtime in which the page changes after it was read: the numbers shown
 * must follow, or go — never stay as they were. Real timers with a short quiet period, so that the
 * observer's three modes (observing, targeted after an action, idle) are each gone through.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  annotationFor,
  CARD_ROWS,
  cardTable,
  dialogMarkup,
  type Running,
  settle,
  shadowText,
  start,
  stopAll,
} from '../fixtures/page';

let running: Running | null = null;
afterEach(stopAll);

const QUIET = 40;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const summary = () => document.querySelector<HTMLElement>('mla-summary');

/** A Détails / Numéros page: two tab panes, the Détails one holding `details`. */
function tabbedPage(
  details: string,
  numbers = '',
): { details: HTMLElement; numbers: HTMLElement; tab: HTMLElement } {
  document.body.innerHTML = `<div class="container"><ul class="nav nav-tabs"><li class="active"><a href="#details">Détails</a></li><li><a href="#numeros">Numéros</a></li></ul>
    <div class="tab-content"><div id="details" class="tab-pane active">${details}</div><div id="numeros" class="tab-pane">${numbers}</div></div></div>`;
  return {
    details: document.getElementById('details') as HTMLElement,
    numbers: document.getElementById('numeros') as HTMLElement,
    tab: document.querySelector('a[href="#numeros"]') as HTMLElement,
  };
}

/**
 * How long a test waits for a change to show: after an action, well within the quiet period (the read
 * as the page settles must not be what shows it); on a settled page, a few idle checks.
 */
const afterChange = (mode: string) => (mode === 'after an action' ? QUIET / 4 : QUIET);
const click = (element: Element) => element.dispatchEvent(new MouseEvent('click', { bubbles: true }));
const countCell = (label: string) => annotationFor(label).closest('tr')?.cells[1] as HTMLTableCellElement;

describe('a settled page (idle check) that changes just before an action', () => {
  it('shows the count the page edited on its own less than one check before the operator acted', async () => {
    tabbedPage(cardTable());
    // Checks far apart: the edit and the click both fall between two of them.
    running = start({ observe: { quietMs: QUIET, idleCheckMs: 10_000 } });
    await wait(QUIET * 3);
    countCell('Licence full').textContent = '0 / 2';
    click(document.querySelector('a[href="#numeros"]') as Element);
    await wait(QUIET * 3);
    expect(annotationFor('Licence full').dataset).toMatchObject({ active: '0', terminable: '2' });
    expect(summary()?.dataset.terminableTotal).toBe('2');
  });
});

describe('a view hidden by its ancestors and another one shown', () => {
  const otherService = cardTable(
    CARD_ROWS.map((row) => (row.label === 'Licence full' ? { ...row, active: 0, subscribed: 6 } : row)),
  );

  for (const how of ['after an action', 'with no action (settled page)'] as const)
    it(`follows a single-page navigation that keeps the old service hidden, ${how}`, async () => {
      const { details, numbers, tab } = tabbedPage(cardTable());
      numbers.hidden = true;
      running = start({ observe: { quietMs: QUIET, idleCheckMs: 10 } });
      await wait(QUIET * 3);
      if (how === 'after an action') click(tab);
      // The old view is hidden by an attribute of its pane (no change inside the block), the new one
      // is filled and shown elsewhere.
      details.hidden = true;
      numbers.innerHTML = otherService;
      numbers.hidden = false;
      await wait(afterChange(how));
      expect(running.assistant.status().summary.terminableTotal).toBe(6);
      expect(summary()?.dataset.terminableTotal).toBe('6');
      expect(numbers.querySelectorAll('mla-licence')).toHaveLength(8);
    });
});

describe('the numbers shown holding licences change on another pane', () => {
  const numbersTable = (licence: string) =>
    `<table><thead><tr><th>Numéro</th><th>Utilisateur</th><th>Licence</th></tr></thead>
      <tbody><tr><td>01 84 78 78 86</td><td>Bob</td><td>${licence}</td></tr></tbody></table>`;
  const sviFlag = () =>
    Array.from(document.querySelectorAll<HTMLElement>('mla-sda-flag')).find(
      (flag) => flag.dataset.licence === 'Licence SVI',
    );
  const changes = {
    'its licence cell edited': (numbers: HTMLElement) => {
      (numbers.querySelector('tbody td:last-child') as HTMLElement).textContent = 'Aucune';
    },
    'the pane reloaded': (numbers: HTMLElement) => {
      numbers.innerHTML = numbersTable('Aucune');
    },
  };

  for (const mode of ['after an action', 'with no action (settled page)'] as const)
    for (const [change, apply] of Object.entries(changes))
      it(`no flag still lists a number the page shows dissociated (${change}, ${mode})`, async () => {
        const { numbers, tab } = tabbedPage(cardTable(), numbersTable('Licence SVI'));
        running = start({ observe: { quietMs: QUIET, idleCheckMs: 10 } });
        const toggle = sviFlag()?.shadowRoot?.querySelector('button[aria-expanded]') as HTMLButtonElement;
        toggle.click();
        expect(shadowText(sviFlag())).toContain('01 84 78 78 86 (Bob)');
        await wait(QUIET * 3);
        if (mode === 'after an action') click(tab);
        apply(numbers);
        await wait(afterChange(mode));
        // The block still says 1 / 1 (a portal that updates it on reload): the flag stays, without the number.
        expect(shadowText(sviFlag())).not.toContain('01 84 78 78 86');
      });
});

describe('the block moved, or back after « Chargement… » elsewhere', () => {
  for (const mode of ['after an action', 'with no action (settled page)'] as const)
    it(`the summary follows the block's table moved to another place (${mode})`, async () => {
      const { tab } = tabbedPage(cardTable());
      document.body.insertAdjacentHTML('beforeend', '<aside id="side"></aside>');
      running = start({ observe: { quietMs: QUIET, idleCheckMs: 10 } });
      await wait(QUIET * 3);
      if (mode === 'after an action') click(tab);
      const table = document.querySelector('table') as HTMLElement;
      (document.getElementById('side') as HTMLElement).append(table);
      await wait(afterChange(mode));
      expect(document.querySelectorAll('mla-summary')).toHaveLength(1);
      expect(summary()?.nextElementSibling).toBe(table);
    });

  it('a block that comes back elsewhere after its pane showed « Chargement… », after an action', async () => {
    const { details, tab } = tabbedPage(cardTable());
    document.body.insertAdjacentHTML('beforeend', '<aside id="side"></aside>');
    running = start({ observe: { quietMs: QUIET, idleCheckMs: 10 } });
    await wait(QUIET * 3);
    click(tab);
    details.innerHTML = '<p>Chargement...</p>';
    await wait(QUIET / 4);
    expect(summary()).toBeNull();
    (document.getElementById('side') as HTMLElement).innerHTML = cardTable(
      CARD_ROWS.map((row) => (row.label === 'Licence full' ? { ...row, active: 0, subscribed: 7 } : row)),
    );
    await wait(QUIET / 4);
    expect(summary()?.dataset.terminableTotal).toBe('7');
  });
});

describe('a termination dialog closed by the page', () => {
  it('takes the guard away when the dialog is hidden by its own attributes on a settled page', async () => {
    tabbedPage(`${cardTable()}${dialogMarkup()}`);
    running = start({ observe: { quietMs: QUIET, idleCheckMs: 10 } });
    expect(document.querySelector('mla-termination-guard')?.getAttribute('data-max')).toBe('1');
    await wait(QUIET * 3);
    const dialog = document.querySelector('[role="dialog"]') as HTMLElement;
    dialog.classList.remove('in');
    dialog.style.display = 'none';
    await wait(QUIET);
    expect(document.querySelector('mla-termination-guard')).toBeNull();
  });
});

describe('after Confirmer, a page that does not update the row (it needs a reload)', () => {
  const confirm = () =>
    Array.from(document.querySelectorAll('button')).find(
      (button) => button.textContent === 'Confirmer',
    ) as HTMLButtonElement;
  const cancel = () =>
    Array.from(document.querySelectorAll('button')).find(
      (button) => button.textContent === 'Annuler',
    ) as HTMLButtonElement;
  const full = () => annotationFor('Licence full');
  /** The card with Licence full's dialog open; the page's own submit handler sends nothing here. */
  const open = (quantity = '1') => {
    tabbedPage(`${cardTable()}${dialogMarkup({ value: quantity })}`);
    document.addEventListener('submit', (event) => event.preventDefault());
    running = start();
  };
  const closeDialog = () => document.querySelector('[role="dialog"]')?.remove();

  it('no longer says 1 terminable once the dialog closed on a sent termination, until the row changes', async () => {
    open();
    expect(full().dataset.terminable).toBe('1');
    confirm().click();
    closeDialog();
    await settle();
    expect(full().dataset).toMatchObject({ state: 'unknown' });
    expect(full().dataset.terminable).toBeUndefined();
    expect(shadowText(full())).toContain('rechargez la page');
    expect(summary()?.dataset).toMatchObject({ terminableTotal: '0', unknownCount: '1' });
    // The page shows the new count (reloaded): read as it is.
    countCell('Licence full').textContent = '1 / 1';
    await settle();
    expect(full().dataset).toMatchObject({ state: 'sda-linked', terminable: '0' });
  });

  it('no longer says 1 terminable once Enter in the quantity sent it (a page key handler, no submit) and the dialog closed', async () => {
    open();
    const input = document.querySelector<HTMLInputElement>('[role="dialog"] input') as HTMLInputElement;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    closeDialog();
    await settle();
    expect(full().dataset).toMatchObject({ state: 'unknown' });
    expect(full().dataset.terminable).toBeUndefined();
  });

  it('reads the row as before when the termination was refused (the page kept the dialog with its error, the operator cancelled it)', async () => {
    open();
    confirm().click();
    document
      .querySelector('[role="dialog"] form')
      ?.insertAdjacentHTML('afterbegin', '<p>Erreur : non résiliée.</p>');
    cancel().click();
    closeDialog();
    await settle();
    expect(full().dataset).toMatchObject({ state: 'terminable', terminable: '1' });
  });

  it('reads the row as before when the guard stopped Confirmer', async () => {
    open('5');
    confirm().click();
    closeDialog();
    await settle();
    expect(full().dataset).toMatchObject({ state: 'terminable', terminable: '1' });
  });
});

describe('what appears outside the watched places after an action', () => {
  it('a second block shown in a pane filled in place is seen once the page settles: no number from either', async () => {
    const { numbers, tab } = tabbedPage(cardTable());
    running = start({ observe: { quietMs: QUIET, idleCheckMs: 10 } });
    await wait(QUIET * 3);
    click(tab);
    // Another pane, not on the block's way: not watched after the action (only the block and dialogs are).
    numbers.innerHTML = cardTable();
    await wait(QUIET * 3);
    expect(running.assistant.status().licences.every(({ state }) => state === 'unknown')).toBe(true);
    expect(summary()?.dataset).toMatchObject({ terminableTotal: '0' });
  });
});

describe('a single-page navigation to another service while the termination dialog is reused', () => {
  it('shows no number the dialog contradicts when it opens again with the quantities it had', async () => {
    tabbedPage(cardTable());
    document.body.insertAdjacentHTML('beforeend', dialogMarkup());
    running = start();
    const modal = document.querySelector('[role="dialog"]') as HTMLElement;
    expect(document.querySelector('mla-termination-guard')?.getAttribute('data-max')).toBe('1');
    modal.className = 'modal';
    modal.style.display = 'none';
    await settle();
    (document.getElementById('details') as HTMLElement).innerHTML = cardTable(
      CARD_ROWS.map((row) => (row.label === 'Licence full' ? { ...row, active: 0, subscribed: 3 } : row)),
    );
    await settle();
    expect(annotationFor('Licence full').dataset.terminable).toBe('3');
    // The page's dialog element, shown again with the same content (souscrite 2, active 1).
    modal.className = 'modal in';
    modal.style.display = 'block';
    await settle();
    expect(annotationFor('Licence full').dataset).toMatchObject({ state: 'unknown' });
    expect(annotationFor('Licence full').dataset.terminable).toBeUndefined();
  });
});
