import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CARD_ROWS,
  cardTable,
  dialogMarkup,
  mount,
  type Running,
  settle,
  shadowText,
  start,
  stopAll,
} from '../fixtures/page';

let running: Running | null = null;
afterEach(stopAll);

const guard = () => document.querySelector<HTMLElement>('mla-termination-guard');
const input = () => document.querySelector<HTMLInputElement>('#qty') as HTMLInputElement;
const confirmButton = () =>
  Array.from(document.querySelectorAll('button')).find(
    (button) => button.textContent === 'Confirmer',
  ) as HTMLButtonElement;

function type(value: string) {
  input().value = value;
  input().dispatchEvent(new Event('input', { bubbles: true }));
}

function openCardDialog(options = {}) {
  mount(`${cardTable()}${dialogMarkup(options)}`);
  running = start();
}

describe('termination guard', () => {
  it('sits right after "Quantité à résilier" with the maximum from the dialog (2 − 1)', () => {
    openCardDialog();
    const element = guard();
    expect(element).not.toBeNull();
    expect(input().nextElementSibling).toBe(element);
    expect(element?.dataset).toMatchObject({ max: '1', valid: 'true', state: 'checked' });
    expect(shadowText(element)).toContain('Maximum résiliable : 1');
    expect(element?.shadowRoot?.querySelector('[aria-live="polite"]')).not.toBeNull();
    expect(confirmButton().disabled).toBe(false);
  });

  it.each(['0', '-1', '1.5', 'abc', '', '2'])(
    'refuses %j: data-valid false, Confirmer disabled, message in French',
    (value) => {
      openCardDialog();
      type(value);
      expect(guard()?.dataset.valid).toBe('false');
      expect(confirmButton().disabled).toBe(true);
      expect(confirmButton().getAttribute('aria-disabled')).toBe('true');
      const live = guard()?.shadowRoot?.querySelector('[aria-live="polite"]');
      expect(live?.textContent).toContain('Confirmer est bloqué');
      expect(input().value).toBe(value);
    },
  );

  it('restores Confirmer exactly when the quantity becomes valid again', () => {
    openCardDialog();
    confirmButton().setAttribute('aria-disabled', 'false');
    type('3');
    expect(confirmButton().disabled).toBe(true);
    type('1');
    expect(guard()?.dataset.valid).toBe('true');
    expect(confirmButton().disabled).toBe(false);
    expect(confirmButton().getAttribute('aria-disabled')).toBe('false');
    expect(shadowText(guard())).toContain('Quantité valide.');
  });

  it('stops clicks, submits and Enter while invalid, and never clicks nor submits itself', () => {
    openCardDialog();
    const submitted = vi.fn((event: Event) => event.preventDefault());
    const clicked = vi.fn();
    document.querySelector('form')?.addEventListener('submit', submitted);
    confirmButton().addEventListener('click', clicked);
    type('5');
    // The portal re-enabling its button must not let a click through.
    confirmButton().disabled = false;
    confirmButton().click();
    document.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    input().dispatchEvent(enter);
    expect(clicked).not.toHaveBeenCalled();
    expect(submitted).not.toHaveBeenCalled();
    expect(enter.defaultPrevented).toBe(true);
    type('1');
    expect(clicked).not.toHaveBeenCalled();
    expect(submitted).not.toHaveBeenCalled();
    confirmButton().click();
    expect(clicked).toHaveBeenCalledTimes(1);
  });

  it('says "Maximum non reconnu" and blocks nothing when the dialog quantities are unreadable', () => {
    openCardDialog({ active: 'une' });
    expect(guard()?.dataset.state).toBe('unknown');
    expect(guard()?.hasAttribute('data-max')).toBe(false);
    expect(shadowText(guard())).toContain('Maximum non reconnu');
    type('99');
    expect(confirmButton().disabled).toBe(false);
  });

  it('follows a dialog whose body arrives after "Chargement..."', async () => {
    mount(
      `${cardTable()}<div class="modal in" role="dialog" style="display:block"><div class="modal-content"><div class="modal-body">Chargement...</div></div></div>`,
    );
    running = start();
    expect(guard()).toBeNull();
    (document.querySelector('.modal-content') as HTMLElement).outerHTML = dialogMarkup()
      .replace(/^<div class="modal in" role="dialog" style="display:block">/, '')
      .replace(/<\/div>$/, '');
    await settle();
    expect(guard()?.dataset.max).toBe('1');
  });

  it('goes away and restores Confirmer when the dialog closes, and when torn down', async () => {
    openCardDialog();
    type('7');
    expect(confirmButton().disabled).toBe(true);
    const modal = document.querySelector('.modal') as HTMLElement;
    modal.style.display = 'none';
    await settle();
    expect(guard()).toBeNull();
    expect(confirmButton().disabled).toBe(false);
    modal.style.display = 'block';
    await settle();
    type('7');
    running?.controller.abort();
    expect(guard()).toBeNull();
    expect(confirmButton().disabled).toBe(false);
    expect(confirmButton().hasAttribute('aria-disabled')).toBe(false);
  });
});

describe('cross-check between the dialog and the table', () => {
  it('turns the row, the summary and the guard to unknown when the dialog disagrees, and remembers it', async () => {
    openCardDialog({ subscribed: '3', active: '1' });
    const row = document.querySelector<HTMLElement>('mla-licence[data-licence="Licence full"]');
    expect(row?.dataset.state).toBe('unknown');
    expect(row?.hasAttribute('data-terminable')).toBe(false);
    expect(shadowText(row)).toContain('la fenêtre de résiliation indique d’autres quantités');
    expect(document.querySelector<HTMLElement>('mla-summary')?.dataset).toMatchObject({
      terminableTotal: '0',
      unknownCount: '1',
    });
    expect(guard()?.dataset.state).toBe('unknown');
    type('9');
    expect(confirmButton().disabled).toBe(false);
    // Closed dialog: the table is still not trusted for that licence.
    document.querySelector('.modal')?.remove();
    await settle();
    expect(
      document.querySelector<HTMLElement>('mla-licence[data-licence="Licence full"]')?.dataset.state,
    ).toBe('unknown');
  });

  it('turns every row to unknown when the legend says the count means something else', () => {
    mount(cardTable().replace('Nombre de licences', 'Nombre de licences (disponibles / total)'));
    running = start();
    const states = new Set(
      Array.from(document.querySelectorAll<HTMLElement>('mla-licence')).map((e) => e.dataset.state),
    );
    expect(states).toEqual(new Set(['unknown']));
  });
});

describe('cross-check after a termination', () => {
  it('does not take the closing dialog (old quantities) against the replaced block (new counts) for a disagreement', async () => {
    mount(`<div class="pane">${cardTable()}</div>${dialogMarkup()}`);
    running = start();
    const rows = CARD_ROWS.map((row) => (row.label === 'Licence full' ? { ...row, subscribed: 1 } : row));
    (document.querySelector('.pane') as HTMLElement).innerHTML = cardTable(rows);
    await settle();
    const full = document.querySelector<HTMLElement>('mla-licence[data-licence="Licence full"]');
    expect(full?.dataset).toMatchObject({ state: 'sda-linked', subscribed: '1', active: '1' });
    document.querySelector('.modal')?.remove();
    await settle();
    expect(
      document.querySelector<HTMLElement>('mla-licence[data-licence="Licence full"]')?.dataset.state,
    ).toBe('sda-linked');
  });

  it('still compares a dialog opened again over the new counts', async () => {
    mount(`<div class="pane">${cardTable()}</div><div class="dialogs">${dialogMarkup()}</div>`);
    running = start();
    (document.querySelector('.dialogs') as HTMLElement).innerHTML = dialogMarkup({
      subscribed: '5',
      active: '1',
    });
    await settle();
    expect(
      document.querySelector<HTMLElement>('mla-licence[data-licence="Licence full"]')?.dataset.state,
    ).toBe('unknown');
  });
});
