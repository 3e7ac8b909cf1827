/**
 * Journeys in which the page changes between what was shown and the operator's action: counts
 * replaced in steps, the row updated behind an open dialog, a termination the page has not taken into
 * account, a dialog reopened, the back/forward cache, a session expired inside the dialog.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  annotationFor,
  annotations,
  CARD_ROWS,
  cardTable,
  dialogMarkup,
  settle,
  shadowText,
  start,
  stopAll,
} from '../fixtures/page';

afterEach(stopAll);

const QUIET = 40;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const summary = () => document.querySelector<HTMLElement>('mla-summary');
const guard = () => document.querySelector<HTMLElement>('mla-termination-guard');
const countCell = (label: string) => annotationFor(label).closest('tr')?.cells[1] as HTMLTableCellElement;
const confirm = () =>
  Array.from(document.querySelectorAll('button')).find(
    (button) => button.textContent === 'Confirmer',
  ) as HTMLButtonElement;
const quantity = () => document.getElementById('qty') as HTMLInputElement;
const type = (value: string) => {
  quantity().value = value;
  quantity().dispatchEvent(new Event('input', { bubbles: true }));
};
const clickConfirm = () => {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  confirm().dispatchEvent(event);
  return event.defaultPrevented;
};

const modal = () => document.querySelector('[role="dialog"]') as HTMLElement;
const hide = () => {
  modal().className = 'modal';
  modal().style.display = 'none';
};
const show = () => {
  modal().className = 'modal in';
  modal().style.display = 'block';
};
/** The card with Licence full's dialog open; the page's own submit handler sends nothing here. */
const open = (markup = cardTable(), dialog = dialogMarkup()) => {
  document.body.innerHTML = `${markup}${dialog}`;
  document.addEventListener('submit', (event) => event.preventDefault());
  return start();
};

describe('counts replaced in steps: no number from a half-updated row', () => {
  const steps: [string, string][] = [
    ['emptied', ''],
    ['its active part only', '1 / '],
    ['without its space', '1 /'],
    ['its subscribed part only', ' / 1'],
    ['a placeholder', 'Chargement...'],
  ];
  it.each(steps)('%s (%j): unknown, counted with the unknown ones, then the new count', async (_, step) => {
    document.body.innerHTML = cardTable();
    start();
    await settle();
    const text = countCell('Licence full').firstChild as Text;
    text.data = step;
    await settle();
    expect(annotationFor('Licence full').dataset).toEqual({ licence: 'Licence full', state: 'unknown' });
    expect(summary()?.dataset).toMatchObject({ terminableTotal: '0', unknownCount: '1' });
    text.data = '1 / 1';
    await settle();
    expect(annotationFor('Licence full').dataset).toMatchObject({ state: 'sda-linked', terminable: '0' });
  });

  it('the row re-created empty, then filled: unknown, then read', async () => {
    document.body.innerHTML = cardTable();
    start();
    await settle();
    const tr = countCell('Licence full').closest('tr') as HTMLTableRowElement;
    const filled = tr.innerHTML;
    tr.innerHTML = '<td>Licence full</td><td></td>';
    await settle();
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
    tr.innerHTML = filled.replace('1 / 2', '0 / 2');
    await settle();
    expect(annotationFor('Licence full').dataset).toMatchObject({ state: 'terminable', terminable: '2' });
  });

  it('the guard of an open dialog never takes a maximum from the half-updated row', async () => {
    open(cardTable(), dialogMarkup({ value: '1' }));
    await settle();
    (countCell('Licence full').firstChild as Text).data = '1 / ';
    await settle();
    expect(guard()?.dataset.state).toBe('unknown');
    expect(guard()?.dataset.max).toBeUndefined();
  });
});

describe('the row updated behind the open dialog', () => {
  it('1 / 2 → 1 / 1 refuses 1 at that moment; back to 1 / 2 leaves no stale refusal', async () => {
    open();
    await settle();
    countCell('Licence full').textContent = '1 / 1';
    expect(clickConfirm()).toBe(true);
    countCell('Licence full').textContent = '1 / 2';
    expect(clickConfirm()).toBe(false);
    await settle();
    expect(guard()?.dataset).toMatchObject({ state: 'checked', max: '1', valid: 'true' });
  });
});

describe('the dialog and the row disagree while it is open', () => {
  const dialogCell = (label: string) =>
    Array.from(modal().querySelectorAll('td')).find((cell) => cell.textContent === label)
      ?.nextElementSibling as HTMLElement;

  it('the dialog refreshed (souscrite 1 · active 1), the row not (1 / 2): the safer reading refuses 1', async () => {
    open();
    await settle();
    dialogCell('Quantité souscrite').textContent = '1';
    expect(clickConfirm()).toBe(true);
    await settle();
    expect(guard()?.dataset.state).toBe('unknown');
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
  });

  it("the dialog's quantity emptied on the way (« Quantité active » blank): no maximum, the row bounds it", async () => {
    open(cardTable(), dialogMarkup({ value: '2' }));
    await settle();
    dialogCell('Quantité active').textContent = '';
    expect(clickConfirm()).toBe(true);
    await settle();
    expect(guard()?.dataset.state).toBe('unknown');
    expect(guard()?.dataset.max).toBeUndefined();
  });
});

describe('a termination the page took but shows only on reload, the dialog opened again', () => {
  /** Sends `value` from the open dialog, then the page closes it and says it went well. */
  const sendAndClose = async (value: string) => {
    type(value);
    expect(clickConfirm()).toBe(false);
    hide();
    document.body.insertAdjacentHTML(
      'afterbegin',
      '<div class="alert alert-success">La résiliation a bien été prise en compte.</div>',
    );
    await settle();
  };

  it('the card: the same element shows souscrite 2 · active 1 again; a second 1 is refused', async () => {
    open();
    await settle();
    await sendAndClose('1');
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
    show();
    await settle();
    expect(annotationFor('Licence full').dataset).toEqual({ licence: 'Licence full', state: 'unknown' });
    expect(shadowText(annotationFor('Licence full'))).toContain('rechargez la page');
    expect(guard()?.dataset.state).toBe('unknown');
    expect(shadowText(guard())).toContain('Aucune licence de ce type');
    expect(clickConfirm()).toBe(true);
  });

  it('cancelling the reopened dialog keeps the row in doubt', async () => {
    open();
    await settle();
    await sendAndClose('1');
    show();
    await settle();
    (
      Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Annuler') as HTMLElement
    ).click();
    hide();
    await settle();
    expect(annotationFor('Licence full').dataset).toEqual({ licence: 'Licence full', state: 'unknown' });
  });

  it('0 / 3, one sent: the reopened dialog lets 2 through at most, and all is read again once the row changes', async () => {
    const rows = (active: number, subscribed: number) =>
      cardTable(
        CARD_ROWS.map((row) => (row.label === 'Licence full' ? { ...row, active, subscribed } : row)),
      );
    open(rows(0, 3), dialogMarkup({ subscribed: '3', active: '0' }));
    await settle();
    await sendAndClose('1');
    show();
    await settle();
    type('3');
    expect(clickConfirm()).toBe(true);
    type('2');
    expect(clickConfirm()).toBe(false);
    hide();
    await settle();
    // Reloaded in place: 0 / 1 — the two terminations were taken.
    countCell('Licence full').textContent = '0 / 1';
    await settle();
    expect(annotationFor('Licence full').dataset).toMatchObject({ state: 'terminable', terminable: '1' });
  });
});

describe('the session expired inside the dialog', () => {
  it('a login form in place of its body: no maximum from its numbers, nothing claimed checked', async () => {
    open();
    await settle();
    const body = modal().querySelector('.modal-body') as HTMLElement;
    body.innerHTML = `<h2>Connexion</h2><p>Votre session a expiré. 2 tentatives restantes.</p>
      <label for="login">Identifiant</label><input id="login" type="text" value="E-0000012345">
      <label for="password">Mot de passe</label><input id="password" type="password"><p>Code 3</p>`;
    await settle();
    expect(guard()?.dataset.max).not.toBe('2');
    expect(guard()?.dataset.valid).toBeUndefined();
    expect(shadowText(guard())).not.toMatch(/Maximum résiliable/);
  });
});

describe('back/forward cache', () => {
  it('pagehide then pageshow, many times: one set of badges, one summary, following the page', async () => {
    document.body.innerHTML = cardTable();
    start({ observe: { quietMs: QUIET, idleCheckMs: 10 } });
    await wait(QUIET * 3);
    for (let round = 0; round < 3; round += 1) {
      window.dispatchEvent(new Event('pagehide'));
      const event = new Event('pageshow');
      Object.defineProperty(event, 'persisted', { value: true });
      window.dispatchEvent(event);
      await wait(QUIET);
    }
    countCell('Licence full').textContent = '0 / 2';
    await wait(QUIET * 2);
    expect(annotations()).toHaveLength(8);
    expect(document.querySelectorAll('mla-summary')).toHaveLength(1);
    expect(annotationFor('Licence full').dataset.terminable).toBe('2');
  });
});
