import { afterEach, describe, expect, it, vi } from 'vitest';
import { WATCH_INTERVAL_MS } from '../../../lib/features/termination-guard';
import {
  CARD_ROWS,
  cardTable,
  type DialogOptions,
  dialogMarkup,
  mount,
  type Running,
  settle,
  shadowText,
  start,
  stopAll,
} from '../fixtures/page';

let running: Running | null = null;
afterEach(() => {
  vi.useRealTimers();
  stopAll();
});

const DEFAULT_FOOTER =
  '<button type="button">Annuler</button><button type="submit" class="btn btn-primary">Confirmer</button>';

const guard = () => document.querySelector<HTMLElement>('mla-termination-guard');
const input = () => document.querySelector<HTMLInputElement>('#qty') as HTMLInputElement;
const form = () => document.querySelector('form') as HTMLFormElement;
const byLabel = (label: string) =>
  Array.from(document.querySelectorAll<HTMLElement>('.modal-footer *')).find(
    (element) =>
      element.textContent === label ||
      element.getAttribute('aria-label') === label ||
      (element as HTMLInputElement).value === label,
  ) as HTMLElement;
const confirmButton = () => byLabel('Confirmer') as HTMLButtonElement;
const liveText = () => guard()?.shadowRoot?.querySelector('[aria-live="polite"]')?.textContent ?? '';

/** Typed: an `input` event follows, as when a person types or pastes. */
function type(value: string) {
  input().value = value;
  input().dispatchEvent(new Event('input', { bubbles: true }));
}

function openCardDialog(options: DialogOptions & { footer?: string } = {}) {
  const { footer = DEFAULT_FOOTER, ...dialog } = options;
  mount(`${cardTable()}${dialogMarkup(dialog).replace(DEFAULT_FOOTER, footer)}`);
  running = start();
}

/** Records whether the page's own handlers saw each way of acting. */
function pageHandlers(element: HTMLElement) {
  const seen: string[] = [];
  for (const type of ['click', 'keydown', 'keyup', 'pointerup'])
    element.addEventListener(type, (event) => seen.push(`${type}:${(event as KeyboardEvent).key ?? ''}`));
  document.addEventListener('submit', (event) => {
    event.preventDefault(); // happy-dom would otherwise try to navigate
    seen.push('submit');
  });
  return seen;
}

function key(target: EventTarget, type: string, value: string): KeyboardEvent {
  const event = new KeyboardEvent(type, { key: value, bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  return event;
}

function click(target: EventTarget): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  return event;
}

function submit(): Event {
  const event = new Event('submit', { bubbles: true, cancelable: true });
  form().dispatchEvent(event);
  return event;
}

describe('termination guard: the maximum, the message, accessibility', () => {
  it('sits right after "Quantité à résilier" with the maximum from the dialog (2 − 1)', () => {
    openCardDialog();
    const element = guard();
    expect(element).not.toBeNull();
    expect(input().nextElementSibling).toBe(element);
    expect(element?.dataset).toMatchObject({ max: '1', valid: 'true', state: 'checked' });
    expect(shadowText(element)).toContain('Maximum résiliable : 1');
    expect(element?.shadowRoot?.querySelector('[aria-live="polite"]')).not.toBeNull();
    expect(confirmButton().hasAttribute('aria-disabled')).toBe(false);
    expect(input().hasAttribute('aria-invalid')).toBe(false);
  });

  it('is what the quantity input describes itself with, next to the page’s own description', () => {
    mount(`${cardTable()}${dialogMarkup().replace('id="qty"', 'id="qty" aria-describedby="help"')}`);
    running = start();
    const id = guard()?.id ?? '';
    expect(id).toMatch(/^mla-termination-guard-[a-z0-9]+-\d+$/);
    expect(input().getAttribute('aria-describedby')).toBe(`help ${id}`);
    running.controller.abort();
    expect(input().getAttribute('aria-describedby')).toBe('help');
  });

  it.each(['0', '-1', '1.5', 'abc', '', '2', ' ', '1e1'])(
    'refuses %j: data-valid false, Confirmer blocked but focusable, input invalid, message in French',
    (value) => {
      openCardDialog();
      type(value);
      expect(guard()?.dataset.valid).toBe('false');
      const button = confirmButton();
      expect(button.getAttribute('aria-disabled')).toBe('true');
      // Reachable with the keyboard: not `disabled`, not taken out of the tab order.
      expect(button.disabled).toBe(false);
      expect(button.hasAttribute('tabindex')).toBe(false);
      button.focus();
      expect(document.activeElement).toBe(button);
      // And it says why: it points to the guard's text.
      expect(button.getAttribute('aria-describedby')).toBe(guard()?.id);
      expect(input().getAttribute('aria-invalid')).toBe('true');
      expect(liveText()).toContain('Confirmer est bloqué');
      expect(input().value).toBe(value);
    },
  );

  it('gives Confirmer and the input back exactly when the quantity becomes valid again', () => {
    openCardDialog();
    confirmButton().setAttribute('aria-disabled', 'false');
    type('3');
    expect(confirmButton().getAttribute('aria-disabled')).toBe('true');
    type('1');
    expect(guard()?.dataset.valid).toBe('true');
    expect(confirmButton().getAttribute('aria-disabled')).toBe('false');
    expect(confirmButton().hasAttribute('aria-describedby')).toBe(false);
    expect(confirmButton().hasAttribute('style')).toBe(false);
    expect(input().hasAttribute('aria-invalid')).toBe(false);
    expect(shadowText(guard())).toContain('Quantité valide.');
  });

  it('never re-enables a button the portal disabled meanwhile', () => {
    openCardDialog();
    type('5');
    confirmButton().disabled = true; // the portal, say while it sends
    type('1');
    expect(confirmButton().disabled).toBe(true);
  });

  it('keeps the page’s newest aria-disabled when the portal changed it while blocked', () => {
    openCardDialog();
    type('5');
    confirmButton().setAttribute('aria-disabled', 'mixed');
    type('6'); // re-asserted while the quantity is wrong
    expect(confirmButton().getAttribute('aria-disabled')).toBe('true');
    type('1');
    expect(confirmButton().getAttribute('aria-disabled')).toBe('mixed');
  });

  it('names Confirmer only when there is one: another label gets the neutral message', () => {
    openCardDialog({
      footer: '<button type="button">Annuler</button><button type="submit">Résilier</button>',
    });
    type('4');
    expect(liveText()).not.toContain('Confirmer');
    expect(liveText()).toContain('L’envoi est bloqué tant que la quantité n’est pas valide.');
    expect(byLabel('Résilier').getAttribute('aria-disabled')).toBe('true');
  });

  it('goes away and gives everything back when the dialog closes, and when torn down', async () => {
    openCardDialog();
    type('7');
    expect(confirmButton().getAttribute('aria-disabled')).toBe('true');
    const modal = document.querySelector('.modal') as HTMLElement;
    modal.style.display = 'none';
    await settle();
    expect(guard()).toBeNull();
    expect(confirmButton().hasAttribute('aria-disabled')).toBe(false);
    expect(input().hasAttribute('aria-describedby')).toBe(false);
    expect(input().hasAttribute('aria-invalid')).toBe(false);
    modal.style.display = 'block';
    await settle();
    type('7');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    running?.controller.abort();
    expect(guard()).toBeNull();
    for (const attribute of ['aria-disabled', 'aria-describedby', 'style', 'disabled'])
      expect(confirmButton().hasAttribute(attribute), attribute).toBe(false);
    expect(input().hasAttribute('aria-describedby')).toBe(false);
    expect(input().hasAttribute('aria-invalid')).toBe(false);
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
});

/** Submit controls whatever their label: each must be stopped on every path while the quantity is wrong. */
const SUBMITS: [name: string, footer: string, label: string][] = [
  ['Confirmer (submit)', DEFAULT_FOOTER, 'Confirmer'],
  [
    '"Résilier" (submit)',
    '<button type="button">Annuler</button><button type="submit">Résilier</button>',
    'Résilier',
  ],
  [
    'an icon button labelled only by aria-label="Valider"',
    '<button type="button">Annuler</button><button type="submit" aria-label="Valider"><i class="icon-ok"></i></button>',
    'Valider',
  ],
  ['"OK" (plain button)', '<button type="button">Annuler</button><button type="button">OK</button>', 'OK'],
  [
    'an input type=submit "Envoyer"',
    '<button type="button">Annuler</button><input type="submit" value="Envoyer">',
    'Envoyer',
  ],
  [
    'a role=button div',
    '<button type="button">Annuler</button><div role="button" tabindex="0">Confirmer</div>',
    'Confirmer',
  ],
  ['a link with a handler', '<button type="button">Annuler</button><a href="#">Confirmer</a>', 'Confirmer'],
];

const WAYS: [name: string, act: (element: HTMLElement) => Event[]][] = [
  ['a click', (element) => [click(element)]],
  ['Enter on it', (element) => [key(element, 'keydown', 'Enter'), key(element, 'keyup', 'Enter')]],
  ['Space on it', (element) => [key(element, 'keydown', ' '), key(element, 'keyup', ' ')]],
  [
    'a pointer up',
    (element) => [dispatch(element, new PointerEvent('pointerup', { bubbles: true, cancelable: true }))],
  ],
];

function dispatch(target: EventTarget, event: Event): Event {
  target.dispatchEvent(event);
  return event;
}

describe('termination guard: every way of sending is decided at that moment', () => {
  describe.each(SUBMITS)('with %s', (_name, footer, label) => {
    it.each(WAYS)('stops %s while the quantity is wrong, lets it through once it is right', (_way, act) => {
      openCardDialog({ footer });
      const element = byLabel(label);
      const seen = pageHandlers(element);
      type('5');
      const events = act(element);
      expect(seen).toEqual([]);
      for (const event of events) expect(event.defaultPrevented).toBe(true);
      type('1');
      act(element);
      expect(seen.length).toBeGreaterThan(0);
    });

    it('stops a submit of the form and Enter in the input while the quantity is wrong', () => {
      openCardDialog({ footer });
      const seen = pageHandlers(input());
      type('0');
      expect(submit().defaultPrevented).toBe(true);
      expect(key(input(), 'keydown', 'Enter').defaultPrevented).toBe(true);
      expect(key(input(), 'keypress', 'Enter').defaultPrevented).toBe(true);
      expect(seen).toEqual([]);
      type('1');
      submit();
      key(input(), 'keydown', 'Enter');
      expect(seen).toEqual(['submit', 'keydown:Enter']);
    });
  });

  it.each([
    ['Annuler', '<button type="button">Annuler</button><button type="submit">Confirmer</button>', 'Annuler'],
    ['Fermer', '<a href="#">Fermer</a><button type="submit">Confirmer</button>', 'Fermer'],
    ['×', '<button type="button" class="close">×</button><button type="submit">Confirmer</button>', '×'],
    [
      '× labelled Fermer',
      '<button type="button" aria-label="Fermer"><span aria-hidden="true">×</span></button><button type="submit">Confirmer</button>',
      'Fermer',
    ],
  ])('lets %s through while the quantity is wrong', (_name, footer, label) => {
    openCardDialog({ footer });
    const element = byLabel(label);
    const seen = pageHandlers(element);
    type('9');
    expect(click(element).defaultPrevented).toBe(false);
    key(element, 'keydown', 'Enter');
    expect(seen).toEqual(['click:', 'keydown:Enter']);
  });

  it('lets Escape, Tab and typing through anywhere in the dialog', () => {
    openCardDialog();
    type('9');
    for (const value of ['Escape', 'Tab', '4', 'Backspace', ' ']) {
      expect(key(input(), 'keydown', value).defaultPrevented, value).toBe(false);
    }
    expect(click(input()).defaultPrevented).toBe(false);
  });

  it('judges a value set by the page’s script without any event at the moment of the action', () => {
    openCardDialog();
    const seen = pageHandlers(confirmButton());
    input().value = '3'; // a stepper: no input, no change event
    expect(guard()?.dataset.valid).toBe('true'); // not seen yet...
    click(confirmButton());
    expect(seen).toEqual([]); // ...but refused when it matters
    expect(guard()?.dataset.valid).toBe('false');
    expect(liveText()).toContain('La quantité ne peut pas dépasser 1.');
    input().value = '1';
    click(confirmButton());
    expect(seen).toEqual(['click:', 'submit']);
    expect(guard()?.dataset.valid).toBe('true');
  });

  it.each([
    [
      'pointerdown',
      () => new PointerEvent('pointerdown', { bubbles: true, cancelable: true, composed: true }),
    ],
    ['mousedown', () => new MouseEvent('mousedown', { bubbles: true, cancelable: true, composed: true })],
    ['touchstart', () => new Event('touchstart', { bubbles: true, cancelable: true, composed: true })],
  ])(
    'stops a page that sends on the press (%s) while the quantity is wrong, not once it is right',
    (event, make) => {
      openCardDialog();
      const sent: string[] = [];
      confirmButton().addEventListener(event, () => sent.push(event));
      type('2');
      confirmButton().dispatchEvent(make());
      expect(sent).toEqual([]);
      type('1');
      confirmButton().dispatchEvent(make());
      expect(sent).toEqual([event]);
      // A press on the quantity field is never stopped: it is how the operator puts it right.
      const onField = make();
      type('2');
      input().dispatchEvent(onField);
      expect(onField.defaultPrevented).toBe(false);
    },
  );

  it('keeps its text right when a script changes the value and nobody acts', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    openCardDialog();
    input().value = '2';
    vi.advanceTimersByTime(WATCH_INTERVAL_MS);
    expect(guard()?.dataset.valid).toBe('false');
    expect(confirmButton().getAttribute('aria-disabled')).toBe('true');
    input().value = '1';
    vi.advanceTimersByTime(WATCH_INTERVAL_MS);
    expect(guard()?.dataset.valid).toBe('true');
  });

  it('watches only while a dialog is open', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const started = vi.spyOn(globalThis, 'setInterval');
    const stopped = vi.spyOn(globalThis, 'clearInterval');
    openCardDialog();
    const watches = started.mock.calls.flatMap((call, index) =>
      call[1] === WATCH_INTERVAL_MS ? [started.mock.results[index]?.value] : [],
    );
    expect(watches).toHaveLength(1);
    document.querySelector('.modal')?.remove();
    await settle();
    vi.advanceTimersByTime(WATCH_INTERVAL_MS);
    expect(stopped).toHaveBeenCalledWith(watches[0]);
  });

  it('reaches a button inside a web component of the dialog', () => {
    openCardDialog({ footer: '<button type="button">Annuler</button><x-submit></x-submit>' });
    const host = document.querySelector('x-submit') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<button>Confirmer</button>';
    const inner = root.querySelector('button') as HTMLButtonElement;
    const seen: string[] = [];
    inner.addEventListener('click', () => seen.push('click'));
    type('5');
    click(inner);
    expect(seen).toEqual([]);
  });

  it('stops nothing outside the dialog', () => {
    openCardDialog();
    document.body.insertAdjacentHTML('beforeend', '<button id="elsewhere">Confirmer</button>');
    const outside = document.querySelector('#elsewhere') as HTMLElement;
    const seen = pageHandlers(outside);
    type('5');
    click(outside);
    key(outside, 'keydown', 'Enter');
    expect(seen).toEqual(['click:', 'keydown:Enter']);
  });
});

describe('termination guard: when it cannot tell what would submit', () => {
  const SCRIPTED = '<span class="cancel">Annuler</span><span class="go">Valider la résiliation</span>';

  it('blocks every click and Enter in the dialog but cancel, with a neutral message', () => {
    openCardDialog({ footer: SCRIPTED });
    const go = document.querySelector('.go') as HTMLElement;
    const body = document.querySelector('.modal-body') as HTMLElement;
    const seen = pageHandlers(go);
    type('8');
    click(go);
    key(go, 'keydown', 'Enter');
    key(go, 'keydown', ' ');
    expect(seen).toEqual([]);
    expect(click(body).defaultPrevented).toBe(true);
    expect(liveText()).not.toContain('Confirmer');
    expect(liveText()).toContain('L’envoi est bloqué');
    // Typing stays possible, and so does cancelling.
    expect(click(input()).defaultPrevented).toBe(false);
    expect(key(input(), 'keydown', ' ').defaultPrevented).toBe(false);
    type('1');
    click(go);
    expect(seen).toEqual(['click:']);
  });

  it('still lets a text-only "Annuler" through', () => {
    openCardDialog({ footer: '<a>Annuler</a><span class="go">OK</span>' });
    const cancel = byLabel('Annuler');
    const seen = pageHandlers(cancel);
    type('8');
    click(cancel);
    expect(seen).toEqual(['click:']);
  });
});

describe('termination guard: an unknown maximum still refuses what is never valid', () => {
  it.each(['', 'abc', '1.5', '-1', '0', '1,5'])('refuses %j and says the maximum is unknown', (value) => {
    openCardDialog({ active: 'une' });
    const seen = pageHandlers(confirmButton());
    type(value);
    expect(guard()?.dataset.state).toBe('unknown');
    expect(guard()?.hasAttribute('data-max')).toBe(false);
    expect(shadowText(guard())).toContain('Maximum non reconnu');
    expect(liveText()).toContain('Confirmer est bloqué');
    expect(confirmButton().getAttribute('aria-disabled')).toBe('true');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    click(confirmButton());
    expect(submit().defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
  });

  it('lets what its row allows through without claiming it was checked', () => {
    openCardDialog({ active: 'une' });
    const seen = pageHandlers(confirmButton());
    type('1');
    // The why, then the way out, announced together.
    expect(liveText()).toMatch(
      /^La quantité n’est pas vérifiée\u00a0: quantités de la fenêtre illisibles\.Vérifiez vous-même la quantité/,
    );
    expect(confirmButton().hasAttribute('aria-disabled')).toBe(false);
    click(confirmButton());
    expect(seen).toEqual(['click:', 'submit']);
  });

  it('refuses more than its row allows, though the dialog cannot be read', () => {
    openCardDialog({ active: 'une' });
    const seen = pageHandlers(confirmButton());
    type('99');
    expect(guard()?.dataset.state).toBe('unknown');
    expect(shadowText(guard())).toContain('Maximum non reconnu');
    expect(liveText()).toContain('Confirmer est bloqué');
    expect(confirmButton().getAttribute('aria-disabled')).toBe('true');
    click(confirmButton());
    expect(submit().defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
  });
});

describe('termination guard: the table changes behind the open dialog', () => {
  it('says "Maximum non reconnu" instead of keeping the old maximum, and back when the table is as it was', async () => {
    mount(`<div class="pane">${cardTable()}</div>${dialogMarkup()}`);
    running = start();
    expect(guard()?.dataset.max).toBe('1');
    const pane = document.querySelector('.pane') as HTMLElement;
    const more = CARD_ROWS.map((row) => (row.label === 'Licence full' ? { ...row, subscribed: 5 } : row));
    pane.innerHTML = cardTable(more);
    await settle();
    expect(guard()?.dataset.state).toBe('unknown');
    expect(guard()?.hasAttribute('data-max')).toBe(false);
    expect(shadowText(guard())).toContain('Maximum non reconnu');
    expect(liveText()).toContain('le tableau a changé depuis l’ouverture de la fenêtre');
    // 4 would fit the new table, but nothing says which is right: not blocked, not claimed valid.
    type('0');
    expect(confirmButton().getAttribute('aria-disabled')).toBe('true');
    pane.innerHTML = cardTable();
    await settle();
    expect(guard()?.dataset).toMatchObject({ state: 'checked', max: '1' });
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
    // The dialog says 2 may go, the row 1: nothing says which is right, but 9 is impossible by both.
    type('9');
    expect(confirmButton().getAttribute('aria-disabled')).toBe('true');
    expect(liveText()).toContain('Confirmer est bloqué');
    type('2');
    expect(confirmButton().getAttribute('aria-disabled')).toBe('true');
    type('1');
    expect(confirmButton().hasAttribute('aria-disabled')).toBe(false);
    expect(liveText()).toContain('pas vérifiée');
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

describe('termination guard: a dialog whose quantity input it does not recognise', () => {
  /** The card's dialog with a date beside the quantity and no `for`: which input is it? */
  function openWithTwoInputs(options: DialogOptions = {}) {
    mount(
      `${cardTable()}${dialogMarkup(options)
        .replace('<label for="qty">', '<label>')
        .replace(/(<input id="qty"[^>]*>)/, '$1 <input id="date" placeholder="jj/mm/aaaa">')}`,
    );
    running = start();
  }
  const label = () => document.querySelector('label') as HTMLLabelElement;

  it('says so beside the label, with the maximum, and leaves the decision to the operator (1 terminable)', () => {
    openWithTwoInputs();
    const seen = pageHandlers(confirmButton());
    const element = guard();
    // After the label, not in it: its text would join the name of what it labels.
    expect(element?.previousElementSibling).toBe(label());
    expect(element?.dataset).toMatchObject({ state: 'no-input', max: '1' });
    expect(element?.hasAttribute('data-valid')).toBe(false);
    expect(shadowText(element)).toContain('Quantité à résilier non reconnue');
    expect(shadowText(element)).toContain('Maximum résiliable : 1');
    expect(liveText()).toBe(
      'L’extension ne peut pas vérifier la quantité dans cette fenêtre\u00a0: vérifiez-la vous-même avant de confirmer.',
    );
    expect(element?.shadowRoot?.textContent).toContain('Enregistrer une capture anonymisée');
    // Nothing claimed, nothing blocked, nothing lent to inputs it cannot tell apart.
    expect(confirmButton().hasAttribute('aria-disabled')).toBe(false);
    expect(document.querySelectorAll('[aria-invalid], [aria-describedby]')).toHaveLength(0);
    click(confirmButton());
    expect(seen).toEqual(['click:', 'submit']);
  });

  it('blocks every way of sending when nothing can be terminated (Licence simple 1 / 1)', () => {
    openWithTwoInputs({ title: 'Résiliation licence simple', subscribed: '1', active: '1' });
    const seen = pageHandlers(confirmButton());
    expect(guard()?.dataset).toMatchObject({ state: 'no-input', max: '0' });
    expect(liveText()).toBe(
      'Aucune licence de ce type n’est résiliable maintenant. Confirmer est bloqué tant que la quantité n’est pas valide.',
    );
    expect(confirmButton().getAttribute('aria-disabled')).toBe('true');
    expect(confirmButton().getAttribute('aria-describedby')).toBe(guard()?.id);
    expect(click(confirmButton()).defaultPrevented).toBe(true);
    expect(key(document.querySelector('#date') as HTMLElement, 'keydown', 'Enter').defaultPrevented).toBe(
      true,
    );
    expect(submit().defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
    // Annuler still closes it.
    expect(click(byLabel('Annuler')).defaultPrevented).toBe(false);
  });

  it('says both when the maximum is not known either, and blocks nothing', () => {
    openWithTwoInputs({ active: 'une' });
    expect(guard()?.dataset.state).toBe('no-input');
    expect(guard()?.hasAttribute('data-max')).toBe(false);
    expect(shadowText(guard())).not.toContain('Maximum résiliable');
    expect(liveText()).toMatch(
      /^L’extension ne peut pas vérifier la quantité dans cette fenêtre \(quantités de la fenêtre illisibles\)\u00a0: vérifiez-la vous-même avant de confirmer\.Vérifiez/,
    );
    expect(confirmButton().hasAttribute('aria-disabled')).toBe(false);
  });

  it('checks the input as soon as the dialog makes clear which one it is, and gives everything back', async () => {
    openWithTwoInputs();
    document.querySelector('#date')?.remove();
    await settle();
    expect(document.querySelectorAll('mla-termination-guard')).toHaveLength(1);
    expect(input().nextElementSibling).toBe(guard());
    expect(guard()?.dataset).toMatchObject({ state: 'checked', max: '1', valid: 'true' });
    type('2');
    expect(confirmButton().getAttribute('aria-disabled')).toBe('true');
    running?.controller.abort();
    expect(guard()).toBeNull();
    expect(document.querySelectorAll('[aria-disabled], [aria-invalid], [aria-describedby]')).toHaveLength(0);
  });
});

describe('termination guard: what sends the dialog is outside the box of its title and fields', () => {
  /** A dialog without ARIA role: title and fields in a body box, the buttons in a footer beside it. */
  const popup = (rootRole = '') => `<div class="popup"><div class="popup-body" ${rootRole}>
      <h4>Résiliation licence full</h4>
      <table><tr><td>Quantité souscrite</td><td>2</td></tr><tr><td>Quantité active</td><td>1</td></tr>
      <tr><td><label for="qty">Quantité à résilier</label></td><td><input id="qty" value="1"></td></tr></table>
    </div>
    <div class="popup-foot"><button type="button">Annuler</button><button type="button" class="go">Confirmer</button></div></div>`;

  it.each([
    ['no ARIA role', ''],
    ['role=dialog on the body box only', 'role="dialog"'],
  ])('%s: Confirmer in the footer is blocked for 2 and lets 1 through', (_, role) => {
    mount(`${cardTable()}${popup(role)}`);
    running = start();
    const go = () => document.querySelector('.go') as HTMLElement;
    const seen = pageHandlers(go());
    type('2');
    expect(guard()?.dataset).toMatchObject({ state: 'checked', max: '1', valid: 'false' });
    expect(go().getAttribute('aria-disabled')).toBe('true');
    expect(click(go()).defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
    type('1');
    expect(go().hasAttribute('aria-disabled')).toBe(false);
    click(go());
    expect(seen).toEqual(['click:']);
  });

  it('never takes in the page: a button beside the licence block stays the page’s', () => {
    mount(`<div class="panel">${cardTable()}
      <div class="inline-form"><h4>Résiliation licence full</h4>
        <p>Quantité souscrite : 2</p><p>Quantité active : 1</p>
        <p><label for="qty">Quantité à résilier</label> <input id="qty" value="2"></p></div>
      <button type="button" class="page-button">Enregistrer</button></div>`);
    running = start();
    const pageButton = document.querySelector('.page-button') as HTMLElement;
    expect(guard()?.dataset.valid).toBe('false');
    expect(pageButton.hasAttribute('aria-disabled')).toBe(false);
    expect(click(pageButton).defaultPrevented).toBe(false);
    // Inside the form itself, where nothing can be told to send, every click but cancel is stopped.
    expect(click(document.querySelector('.inline-form p') as HTMLElement).defaultPrevented).toBe(true);
  });
});

describe('termination guard: a dialog whose title is worded otherwise', () => {
  it('guards it from its own quantities: 2 refused, 1 through', () => {
    openCardDialog({ title: 'Résilier la licence full' });
    const seen = pageHandlers(confirmButton());
    expect(guard()?.dataset).toMatchObject({ state: 'checked', max: '1', valid: 'true' });
    type('2');
    expect(click(confirmButton()).defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
    type('1');
    click(confirmButton());
    expect(seen).toEqual(['click:', 'submit']);
  });

  it('refuses every quantity when its own quantities leave none (2 souscrites, 2 actives)', () => {
    openCardDialog({ title: 'Résilier la licence', subscribed: '2', active: '2' });
    expect(guard()?.dataset).toMatchObject({ state: 'checked', max: '0', valid: 'false' });
    expect(liveText()).toContain('Aucune licence de ce type n’est résiliable maintenant.');
    expect(click(confirmButton()).defaultPrevented).toBe(true);
  });
});

describe('termination guard: a Confirmer that is no button', () => {
  it('is refused for 2 even when the dialog has real buttons that act (Aide)', () => {
    openCardDialog({
      footer:
        '<button type="button">Aide</button><div class="btn btn-primary js-go">Confirmer</div><button type="button">Annuler</button>',
    });
    const go = document.querySelector('.js-go') as HTMLElement;
    const sent: string[] = [];
    go.addEventListener('click', () => sent.push('click'));
    type('2');
    expect(click(go).defaultPrevented).toBe(true);
    expect(sent).toEqual([]);
    type('1');
    click(go);
    expect(sent).toEqual(['click']);
  });
});

describe('termination guard: a dialog the observer did not see filled', () => {
  /** A settled page (observer idle, then targeted after an action) and a role-less modal filled then. */
  async function fillUnseenDialog(value: string) {
    mount(`${cardTable()}<div class="popup" id="m" style="display:none"></div>`);
    running = start({ observe: { quietMs: 0, idleCheckMs: 1_000_000 } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    document.body.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true })); // the operator acts
    await settle();
    const modal = document.getElementById('m') as HTMLElement;
    modal.innerHTML = `<div class="body"><h4>Résiliation licence full</h4><p>Quantité souscrite : 2</p>
      <p>Quantité active : 1</p><p><label for="qty">Quantité à résilier</label> <input id="qty" value="${value}"></p></div>
      <div class="foot"><button type="button">Annuler</button><button type="button" class="go">Confirmer</button></div>`;
    modal.style.display = 'block';
    await settle();
    return modal.querySelector('.go') as HTMLElement;
  }

  it('judges the click on Confirmer after reading the page again: 2 refused', async () => {
    const go = await fillUnseenDialog('2');
    expect(guard()).toBeNull(); // nothing was seen
    const sent: string[] = [];
    go.addEventListener('click', () => sent.push('click'));
    expect(click(go).defaultPrevented).toBe(true);
    expect(sent).toEqual([]);
    expect(guard()?.dataset).toMatchObject({ state: 'checked', max: '1', valid: 'false' });
    type('1');
    click(go);
    expect(sent).toEqual(['click']);
  });

  it('shows the guard as soon as the operator enters the quantity', async () => {
    await fillUnseenDialog('1');
    expect(guard()).toBeNull();
    input().dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(guard()?.dataset).toMatchObject({ state: 'checked', max: '1', valid: 'true' });
  });
});
