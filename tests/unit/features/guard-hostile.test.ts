/**
 * The guard against dialogs and actions it was not written for: each case is a way an impossible
 * quantity could be sent (or a possible one stopped for good) through the real runtime, found by
 * trying; the fix is general, never keyed on this markup.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { cardTable, dialogMarkup, mount, settle, start, stopAll } from '../fixtures/page';

afterEach(stopAll);

const DEFAULT_FOOTER =
  '<button type="button">Annuler</button><button type="submit" class="btn btn-primary">Confirmer</button>';
const guard = () => document.querySelector<HTMLElement>('mla-termination-guard');
const input = () => document.querySelector('#qty') as HTMLInputElement;
const button = (label: string, root: ParentNode = document) =>
  Array.from(root.querySelectorAll<HTMLElement>('button, input[type="submit"]')).find(
    (element) => element.textContent === label || (element as HTMLInputElement).value === label,
  ) as HTMLElement;

function click(target: EventTarget): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  return event;
}

/** What reaches the page's own handlers: clicks on `element` and submits anywhere. */
function pageSees(element: HTMLElement): string[] {
  const seen: string[] = [];
  element.addEventListener('click', () => seen.push('click'));
  document.addEventListener('submit', (event) => {
    event.preventDefault(); // happy-dom would otherwise try to navigate
    seen.push('submit');
  });
  return seen;
}

/** A page the runtime has settled on (no observer, a check once in a long while). */
async function settledPage(markup: string): Promise<void> {
  mount(markup);
  start({ observe: { quietMs: 0, idleCheckMs: 1_000_000 } });
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('guard: the dialog changed since the last reading, at the moment of the action', () => {
  const ROLELESS = `<div class="popup"><h4>Résiliation licence full</h4>
    <p>Quantité souscrite : <b class="subscribed">2</b></p><p>Quantité active : <b>1</b></p>
    <p><label for="qty">Quantité à résilier</label> <input id="qty" value="1"></p>
    <button type="button">Annuler</button><button type="button">Confirmer</button></div>`;

  it('a settled role-less dialog reused for another licence (nothing terminable): 1 refused at once', async () => {
    await settledPage(`${cardTable()}${ROLELESS}`);
    expect(guard()?.dataset.max).toBe('1');
    const confirm = button('Confirmer');
    const seen = pageSees(confirm);
    (document.querySelector('h4') as HTMLElement).textContent = 'Résiliation licence simple';
    (document.querySelector('.subscribed') as HTMLElement).textContent = '1';
    expect(click(confirm).defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
    expect(guard()?.dataset).toMatchObject({ max: '0', valid: 'false' });
  });

  it('a dialog changed and Confirmer clicked by the page in one task: judged on the new dialog', async () => {
    mount(`${cardTable()}${dialogMarkup()}`);
    start();
    await settle();
    const confirm = button('Confirmer');
    const seen = pageSees(confirm);
    const cells = document.querySelectorAll<HTMLElement>('.modal td');
    (document.querySelector('.modal h4') as HTMLElement).textContent = 'Résiliation licence simple';
    (cells[1] as HTMLElement).textContent = '1';
    confirm.click();
    expect(seen).toEqual([]);
    expect(guard()?.dataset).toMatchObject({ max: '0', valid: 'false' });
  });

  it('a settled dialog whose quantity input was re-rendered: 1 still goes through', async () => {
    await settledPage(`${cardTable()}${dialogMarkup()}`);
    const fresh = input().cloneNode() as HTMLInputElement;
    input().replaceWith(fresh);
    fresh.value = '1';
    const confirm = button('Confirmer');
    const seen = pageSees(confirm);
    expect(click(confirm).defaultPrevented).toBe(false);
    expect(seen).toEqual(['click', 'submit']);
    fresh.value = '2';
    expect(click(confirm).defaultPrevented).toBe(true);
    expect(seen).toHaveLength(2);
    expect(guard()?.dataset).toMatchObject({ max: '1', valid: 'false' });
  });
});

describe('guard: what sends the dialog’s form from outside the dialog', () => {
  /** The card's dialog whose form has an id, and a `<button form>` for it placed after the dialog. */
  function openWithOutsideSubmit(outside: string) {
    mount(
      `${cardTable()}${dialogMarkup()
        .replace('<form class="js-form">', '<form class="js-form" id="termination">')
        .replace(
          DEFAULT_FOOTER,
          '<button type="button">Annuler</button>',
        )}<div class="page-footer">${outside}</div>`,
    );
    start();
  }

  it.each([
    [
      'a <button form> with a script behind it',
      '<button type="button" form="termination">Confirmer</button>',
    ],
    ['an <input type=submit form>', '<input type="submit" form="termination" value="Confirmer">'],
  ])('%s: blocked and marked for 2, through for 1', (_name, outside) => {
    openWithOutsideSubmit(outside);
    const confirm = button('Confirmer');
    const seen = pageSees(confirm);
    input().value = '2';
    expect(click(confirm).defaultPrevented).toBe(true);
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    confirm.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    expect(confirm.getAttribute('aria-describedby')).toBe(guard()?.id);
    input().value = '1';
    input().dispatchEvent(new Event('input', { bubbles: true }));
    expect(confirm.hasAttribute('aria-disabled')).toBe(false);
    expect(click(confirm).defaultPrevented).toBe(false);
    expect(seen[0]).toBe('click');
  });

  it('leaves alone a page button of another form, and one that only sits in a form around the page', () => {
    mount(`<form id="page">${cardTable()}${dialogMarkup()}<button type="button" class="search">Rechercher</button></form>
      <form id="other"></form><button type="button" form="other" class="other">Envoyer</button>`);
    start();
    input().value = '2';
    for (const selector of ['.search', '.other']) {
      const element = document.querySelector(selector) as HTMLElement;
      expect(click(element).defaultPrevented, selector).toBe(false);
      expect(element.hasAttribute('aria-disabled'), selector).toBe(false);
    }
  });
});

describe('guard: the quantity chosen in a list', () => {
  /** The card's dialog with a `<select>` where its input was. */
  function openWithList(options: string) {
    mount(
      `${cardTable()}${dialogMarkup().replace(/<input id="qty"[^>]*>/, `<select id="qty">${options}</select>`)}`,
    );
    start();
  }
  const list = () => document.querySelector('#qty') as HTMLSelectElement;
  function choose(value: string) {
    list().value = value;
    list().dispatchEvent(new Event('change', { bubbles: true }));
  }

  it.each([
    ['numbers as text', '<option>1</option><option>2</option><option>3</option>', '2', '1'],
    [
      'ids as values, numbers as text',
      '<option value="q1">1 licence</option><option value="q2">2 licences</option>',
      'q2',
      'q1',
    ],
    [
      'a placeholder first',
      '<option value="">Choisir…</option><option value="1">1</option><option value="2">2</option>',
      '',
      '1',
    ],
  ])(
    '%s: an impossible choice is refused on every path, a possible one goes through',
    (_, options, wrong, right) => {
      openWithList(options);
      const confirm = button('Confirmer');
      const seen = pageSees(confirm);
      choose(wrong);
      expect(guard()?.dataset).toMatchObject({ state: 'checked', max: '1', valid: 'false' });
      expect(list().getAttribute('aria-invalid')).toBe('true');
      expect(click(confirm).defaultPrevented).toBe(true);
      const submit = new Event('submit', { bubbles: true, cancelable: true });
      (document.querySelector('form') as HTMLFormElement).dispatchEvent(submit);
      expect(submit.defaultPrevented).toBe(true);
      expect(seen).toEqual([]);
      choose(right);
      expect(guard()?.dataset.valid).toBe('true');
      expect(click(confirm).defaultPrevented).toBe(false);
      expect(seen).toEqual(['click', 'submit']);
    },
  );

  it('judges the worse of what the list sends and what it shows when they differ', () => {
    openWithList('<option value="1">1</option><option value="2">1</option>');
    choose('2');
    expect(guard()?.dataset.valid).toBe('false');
  });

  it('Enter on the list still picks a choice while the quantity is wrong (how it is put right)', () => {
    openWithList('<option>1</option><option>2</option>');
    choose('2');
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    list().dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(false);
  });

  it('a choice changed by the page’s script, without any event, is judged at the click', () => {
    openWithList('<option>1</option><option>2</option>');
    const confirm = button('Confirmer');
    const seen = pageSees(confirm);
    list().selectedIndex = 1;
    expect(click(confirm).defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
  });

  it('a list without any number in it is not taken for the quantity: said, not blocked', () => {
    openWithList('<option>Toutes</option><option>Une partie</option>');
    expect(guard()?.dataset.state).toBe('no-input');
    expect(button('Confirmer').hasAttribute('aria-disabled')).toBe(false);
  });
});

describe('guard: a sending button worded like a stepper', () => {
  it.each([
    [
      '« Diminuer » beside Annuler in the footer',
      '<button type="button">Annuler</button><button type="button">Diminuer</button>',
      'Diminuer',
    ],
    [
      '« − » beside Annuler in the footer',
      '<button type="button">Annuler</button><button type="button">−</button>',
      '−',
    ],
  ])('%s sends: refused for 2', (_, footer, label) => {
    mount(`${cardTable()}${dialogMarkup().replace(DEFAULT_FOOTER, footer)}`);
    start();
    const sends = button(label);
    const seen = pageSees(sends);
    input().value = '2';
    expect(click(sends).defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
    input().value = '1';
    expect(click(sends).defaultPrevented).toBe(false);
  });

  it('the input’s own − and + stay fields: a wrong quantity can be put right with them', () => {
    mount(
      `${cardTable()}${dialogMarkup().replace(
        /<input id="qty"[^>]*>/,
        '<div class="input-group"><button type="button">−</button><input id="qty" value="3" readonly><button type="button" aria-label="Augmenter">+</button></div>',
      )}`,
    );
    start();
    expect(guard()?.dataset.valid).toBe('false');
    for (const label of ['−', '+']) expect(click(button(label)).defaultPrevented, label).toBe(false);
  });
});

describe('guard: a dialog inside a web component (open shadow root)', () => {
  /** The block in the page, the card's dialog inside `<x-modal>`'s shadow root, shown after start. */
  async function openInShadow(): Promise<ShadowRoot> {
    mount(`${cardTable()}<x-modal></x-modal>`);
    start();
    await settle();
    const root = (document.querySelector('x-modal') as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML = dialogMarkup(); // the page's own markup, set by its component
    await settle();
    return root;
  }
  const shadowInput = (root: ShadowRoot) => root.querySelector('#qty') as HTMLInputElement;

  it('judges Confirmer at its click: 3 refused, 1 through', async () => {
    const root = await openInShadow();
    const confirm = button('Confirmer', root);
    const seen = pageSees(confirm);
    // A submit does not leave the shadow root: the page listens to it there.
    root.addEventListener('submit', (event) => {
      event.preventDefault();
      seen.push('submit');
    });
    shadowInput(root).value = '3';
    expect(click(confirm).defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
    const shown = root.querySelector<HTMLElement>('mla-termination-guard');
    expect(shown?.dataset).toMatchObject({ state: 'checked', max: '1', valid: 'false' });
    expect(shadowInput(root).nextElementSibling).toBe(shown);
    shadowInput(root).value = '1';
    expect(click(confirm).defaultPrevented).toBe(false);
    expect(seen).toEqual(['click', 'submit']);
  });

  it('stops a submit of its form by the page’s script, which never reaches the document', async () => {
    const root = await openInShadow();
    const form = root.querySelector('form') as HTMLFormElement;
    const submits: string[] = [];
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submits.push(shadowInput(root).value);
    });
    shadowInput(root).dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    shadowInput(root).value = '3';
    form.requestSubmit();
    expect(submits).toEqual([]);
    shadowInput(root).value = '1';
    form.requestSubmit();
    expect(submits).toEqual(['1']);
  });

  it('shows the guard as soon as the operator enters the quantity', async () => {
    const root = await openInShadow();
    shadowInput(root).dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(root.querySelector<HTMLElement>('mla-termination-guard')?.dataset.max).toBe('1');
  });

  it('leaves a hidden component’s dialog alone', async () => {
    const root = await openInShadow();
    (document.querySelector('x-modal') as HTMLElement).style.display = 'none';
    click(button('Confirmer', root));
    expect(root.querySelector('mla-termination-guard')).toBeNull();
  });
});

describe('guard: a stepper whose value is shown as text, not in an input', () => {
  const STEPPERS = {
    'an ARIA spinbutton':
      '<div class="stepper"><button type="button" aria-label="Diminuer">−</button><span id="qty" role="spinbutton" tabindex="0" aria-valuenow="1" aria-valuemin="1">1</span><button type="button" aria-label="Augmenter">+</button></div>',
    'a number between − and + (no role)':
      '<div class="input-group"><span class="input-group-btn"><button type="button">−</button></span><span id="qty" class="form-control">1</span><span class="input-group-btn"><button type="button">+</button></span></div>',
  };
  /** The page's stepper script: sets the shown number (and aria-valuenow), no event. */
  function step(to: number) {
    const value = document.querySelector('#qty') as HTMLElement;
    value.textContent = String(to);
    if (value.hasAttribute('aria-valuenow')) value.setAttribute('aria-valuenow', String(to));
  }

  it.each(Object.entries(STEPPERS))(
    '%s: 2 refused at the click, 1 through, the stepper itself stays usable',
    (_, markup) => {
      mount(`${cardTable()}${dialogMarkup().replace(/<input id="qty"[^>]*>/, markup)}`);
      start();
      expect(guard()?.dataset).toMatchObject({ state: 'checked', max: '1', valid: 'true' });
      const confirm = button('Confirmer');
      const seen = pageSees(confirm);
      step(2);
      expect(click(confirm).defaultPrevented).toBe(true);
      expect(seen).toEqual([]);
      expect(guard()?.dataset.valid).toBe('false');
      expect(document.querySelector('#qty')?.getAttribute('aria-invalid')).toBe('true');
      for (const element of [button('−'), button('+'), document.querySelector('#qty') as HTMLElement])
        expect(click(element).defaultPrevented).toBe(false);
      // Enter on the value, as in an input, may send the dialog (a widget that mimics the input's).
      const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      (document.querySelector('#qty') as HTMLElement).dispatchEvent(enter);
      expect(enter.defaultPrevented).toBe(true);
      step(1);
      expect(click(confirm).defaultPrevented).toBe(false);
      expect(seen).toEqual(['click', 'submit']);
    },
  );

  it('a lone number after the label, with no stepper, is not taken for the quantity', () => {
    mount(`${cardTable()}${dialogMarkup().replace(/<input id="qty"[^>]*>/, '<span id="qty">2</span>')}`);
    start();
    expect(guard()?.dataset.state).toBe('no-input');
  });
});

describe('guard: whatever is in the field, only a plain whole number from 1 to the maximum is sent', () => {
  const HOSTILE = [
    ' 2 ',
    '2,0',
    '2.5',
    '1.0',
    '1e1',
    '1e0',
    '0x1',
    '+1',
    '１',
    '٢',
    '١',
    '',
    ' ',
    '1\u200b',
    '0',
    '-1',
    '−1',
    '1 1',
    '1/1',
    'un',
  ];

  it.each(HOSTILE)('refuses %j at the click (maximum 1)', (value) => {
    mount(`${cardTable()}${dialogMarkup()}`);
    start();
    const confirm = button('Confirmer');
    const seen = pageSees(confirm);
    input().value = value; // set without any event, as autofill or a script would
    expect(click(confirm).defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
  });

  it('lets through exactly the values that read as 1, for any string (property)', () => {
    mount(`${cardTable()}${dialogMarkup()}`);
    start();
    const confirm = button('Confirmer');
    // The page answers each send in the dialog: each click is judged as a first send.
    const answer = document.querySelector('.modal-body') as HTMLElement;
    document.addEventListener('submit', (event) => {
      event.preventDefault();
      answer.append('.');
    });
    const value = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(...HOSTILE, '1', ' 1 ', '01', '\u00a01\u00a0'),
      fc.integer({ min: -3, max: 3 }).map(String),
    );
    fc.assert(
      fc.property(value, (typed) => {
        input().value = typed;
        const passed = !click(confirm).defaultPrevented;
        expect(passed, JSON.stringify(typed)).toBe(/^0*1$/.test(typed.trim()));
      }),
      { numRuns: 300 },
    );
  });
});

describe('guard: lists of numbers that are not the quantity', () => {
  it('a termination date chosen in lists (day, month) does not hide the one text input', () => {
    const days = Array.from({ length: 31 }, (_, day) => `<option>${day + 1}</option>`).join('');
    mount(`${cardTable()}<div class="popup" role="dialog"><h4>Résiliation licence full</h4>
      <p>Quantité souscrite : 2</p><p>Quantité active : 1</p>
      <p>Quantité à résilier</p><p>Nombre de licences à rendre :</p><p><input id="qty" value="1"></p>
      <p>Date d’effet <select>${days}</select> <select><option>1</option><option>2</option></select></p>
      <button type="button">Annuler</button><button type="button">Confirmer</button></div>`);
    start();
    expect(guard()?.dataset).toMatchObject({ state: 'checked', max: '1', valid: 'true' });
    input().value = '2';
    expect(click(button('Confirmer')).defaultPrevented).toBe(true);
  });
});

describe('guard: the block’s counts change behind the open dialog', () => {
  const liveText = () => guard()?.shadowRoot?.querySelector('[aria-live="polite"]')?.textContent ?? '';

  it('after another termination (Licence full now 1 / 1): 1 is refused, what both readings allow', async () => {
    mount(`<div class="pane">${cardTable()}</div>${dialogMarkup()}`);
    start();
    const confirm = button('Confirmer');
    const seen = pageSees(confirm);
    (document.querySelector('.pane') as HTMLElement).innerHTML = cardTable().replace('1 / 2', '1 / 1');
    await settle();
    expect(guard()?.dataset.state).toBe('unknown');
    expect(guard()?.hasAttribute('data-max')).toBe(false);
    expect(click(confirm).defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
    expect(liveText()).toContain('Aucune licence de ce type n’est résiliable maintenant.');
  });

  it('more subscribed meanwhile (5): still no more than the dialog allows, 1 through, not claimed checked', async () => {
    mount(`<div class="pane">${cardTable()}</div>${dialogMarkup()}`);
    start();
    const confirm = button('Confirmer');
    const seen = pageSees(confirm);
    (document.querySelector('.pane') as HTMLElement).innerHTML = cardTable().replace('1 / 2', '1 / 5');
    await settle();
    input().value = '2';
    expect(click(confirm).defaultPrevented).toBe(true);
    expect(liveText()).toContain('La quantité ne peut pas dépasser 1.');
    input().value = '1';
    expect(click(confirm).defaultPrevented).toBe(false);
    expect(seen).toEqual(['click', 'submit']);
    expect(liveText()).toContain('n’est pas vérifiée');
  });
});

describe('guard: sends the page makes on its own from the operator’s input (pinned, already held)', () => {
  it('a form submitted by the page on the field’s change or blur, and a value changed between press and click', () => {
    mount(`${cardTable()}${dialogMarkup()}`);
    start();
    const form = document.querySelector('form') as HTMLFormElement;
    const sent: string[] = [];
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      sent.push(input().value);
    });
    for (const type of ['change', 'blur']) input().addEventListener(type, () => form.requestSubmit());
    input().value = '2';
    input().dispatchEvent(new Event('change', { bubbles: true }));
    input().dispatchEvent(new Event('blur'));
    expect(sent).toEqual([]);
    input().value = '1';
    const press = new PointerEvent('pointerdown', { bubbles: true, cancelable: true });
    button('Confirmer').dispatchEvent(press);
    expect(press.defaultPrevented).toBe(false);
    input().value = '2'; // between the press and the click
    expect(click(button('Confirmer')).defaultPrevented).toBe(true);
    expect(sent).toEqual([]);
  });
});

describe('guard: Enter with the focus nowhere while the dialog is open', () => {
  it('a page hotkey on the document (Enter confirms the open dialog) is refused for 2, not for 1', () => {
    mount(`${cardTable()}${dialogMarkup()}`);
    start();
    const sent: string[] = [];
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') sent.push(input().value); // the page's global "Enter confirms"
    });
    const enter = () => {
      const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      document.body.dispatchEvent(event);
      return event;
    };
    input().value = '2';
    expect(enter().defaultPrevented).toBe(true);
    expect(sent).toEqual([]);
    input().value = '1';
    expect(enter().defaultPrevented).toBe(false);
    expect(sent).toEqual(['1']);
    // Elsewhere on the page, Enter is the page's own business.
    const outside = document.querySelector('table button') as HTMLElement;
    input().value = '2';
    const onPage = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    outside.dispatchEvent(onPage);
    expect(onPage.defaultPrevented).toBe(false);
  });
});

describe('guard: a quantity in another shape than a text input', () => {
  const dialog = (field: string) => `<div role="dialog"><h4>Résiliation licence full</h4><form>
    <p>Quantité souscrite : 2</p><p>Quantité active : 1</p>${field}
    <button type="button">Annuler</button><button type="submit">Confirmer</button></form></div>`;
  const radios = (checked: string) =>
    `<fieldset><legend>Quantité à résilier</legend>${['1', '2']
      .map(
        (n) =>
          `<label><input type="radio" name="q" value="${n}"${n === checked ? ' checked' : ''}>${n}</label>`,
      )
      .join('')}</fieldset>`;
  // [shape, markup with 2 (impossible: max 1), markup with 1]
  const SHAPES: [string, string, string][] = [
    [
      'a slider',
      '<label for="q">Quantité à résilier</label><input id="q" type="range" min="0" max="5" value="2">',
      '<label for="q">Quantité à résilier</label><input id="q" type="range" min="0" max="5" value="1">',
    ],
    [
      'a search box',
      '<label for="q">Quantité à résilier</label><input id="q" type="search" value="2">',
      '<label for="q">Quantité à résilier</label><input id="q" type="search" value="1">',
    ],
    [
      'an editable element',
      '<p>Quantité à résilier <span contenteditable="true">2</span></p>',
      '<p>Quantité à résilier <span contenteditable="true">1</span></p>',
    ],
    ['radio buttons', radios('2'), radios('1')],
    [
      '« Nombre de licences à résilier »',
      '<label for="q">Nombre de licences à résilier</label><input id="q" value="2">',
      '<label for="q">Nombre de licences à résilier</label><input id="q" value="1">',
    ],
    [
      '« Quantité » alone',
      '<label for="q">Quantité</label><input id="q" value="2">',
      '<label for="q">Quantité</label><input id="q" value="1">',
    ],
    [
      'an input named « Quantité » by aria-label',
      '<input aria-label="Quantité" value="2"><input aria-label="Commentaire" value="x">',
      '<input aria-label="Quantité" value="1"><input aria-label="Commentaire" value="x">',
    ],
  ];
  for (const [shape, impossible, possible] of SHAPES) {
    it(`${shape}: 2 refused, 1 let through`, async () => {
      mount(`${cardTable()}${dialog(impossible)}`);
      start();
      await settle();
      expect(guard()?.dataset).toMatchObject({ state: 'checked', max: '1', valid: 'false' });
      expect(click(button('Confirmer')).defaultPrevented).toBe(true);
      stopAll();
      mount(`${cardTable()}${dialog(possible)}`);
      start();
      await settle();
      expect(guard()?.dataset).toMatchObject({ state: 'checked', valid: 'true' });
      expect(click(button('Confirmer')).defaultPrevented).toBe(false);
    });
  }

  it('radio buttons: checking 2 after 1 is refused at the next action', async () => {
    mount(`${cardTable()}${dialog(radios('1'))}`);
    start();
    await settle();
    const two = document.querySelector<HTMLInputElement>('input[value="2"]') as HTMLInputElement;
    two.checked = true;
    two.dispatchEvent(new Event('change', { bubbles: true }));
    expect(click(button('Confirmer')).defaultPrevented).toBe(true);
    expect(guard()?.dataset.valid).toBe('false');
  });
});

describe('guard: a Confirmer the page itself disables until the quantity is valid', () => {
  const markup = (
    attribute: string,
  ) => `${cardTable()}<div role="dialog"><h4>Résiliation licence full</h4><form>
    <p>Quantité souscrite : 2</p><p>Quantité active : 1</p>
    <p><label for="qty">Quantité à résilier</label><input id="qty" value=""></p>
    <button type="button">Annuler</button><button type="submit" ${attribute}>Confirmer</button></form></div>`;
  const type = (value: string) => {
    input().value = value;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  };
  // The page's rule (any whole number up to 5) and where it listens: on the input before the guard
  // (registered first), or on the document after it.
  const CASES = [
    ['aria-disabled', 'input'],
    ['aria-disabled', 'document'],
    ['disabled', 'input'],
    ['disabled', 'document'],
  ] as const;
  for (const [attribute, where] of CASES) {
    it(`the page's ${attribute} set from the ${where}: the guard's blocking and the page's never fight`, async () => {
      mount(markup(attribute === 'disabled' ? 'disabled' : 'aria-disabled="true"'));
      const confirm = button('Confirmer');
      const pageRule = () => {
        const ok = /^[1-5]$/.test(input().value);
        if (attribute === 'disabled') confirm.toggleAttribute('disabled', !ok);
        else if (ok) confirm.removeAttribute('aria-disabled');
        else confirm.setAttribute('aria-disabled', 'true');
      };
      const target = where === 'input' ? input() : document;
      target.addEventListener('input', pageRule);
      onTestFinished(() => target.removeEventListener('input', pageRule));
      start();
      await settle();
      expect(confirm.getAttribute('aria-disabled')).toBe('true');
      type('2'); // the page allows it, the guard does not
      expect(confirm.getAttribute('aria-disabled')).toBe('true');
      expect(click(confirm).defaultPrevented).toBe(true);
      type('1'); // both allow it: nothing of ours is left on Confirmer
      expect(confirm.getAttribute('aria-disabled')).toBeNull();
      expect(confirm.hasAttribute('disabled')).toBe(false);
      expect(click(confirm).defaultPrevented).toBe(false);
      type(''); // both refuse it, then both allow it again
      type('1');
      expect(confirm.getAttribute('aria-disabled')).toBeNull();
      expect(confirm.getAttribute('aria-describedby')).toBeNull();
    });
  }

  it('the page enabling its Confirmer later (no event) while 2 is refused: marked blocked again', async () => {
    mount(markup('aria-disabled="true"'));
    start();
    await settle();
    type('2');
    const confirm = button('Confirmer');
    confirm.removeAttribute('aria-disabled'); // the page's timer, a re-render
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    type('1');
    expect(confirm.getAttribute('aria-disabled')).toBeNull();
  });
});

describe('guard: a bulk dialog, several licences each with its own quantity', () => {
  const bulk = (full: string, simple: string, fullSubscribed = '2') => `${cardTable()}<div role="dialog">
    <h4>Résiliation de licences</h4><form><table>
    <tr><th>Licence</th><th>Quantité souscrite</th><th>Quantité active</th><th>Quantité à résilier</th></tr>
    <tr><td>Licence full</td><td>${fullSubscribed}</td><td>1</td><td><input id="full" value="${full}"></td></tr>
    <tr><td>Licence simple</td><td>1</td><td>1</td><td><input id="simple" value="${simple}"></td></tr>
    </table><button type="button">Annuler</button><button type="submit">Confirmer</button></form></div>`;
  const guards = () => Array.from(document.querySelectorAll<HTMLElement>('mla-termination-guard'));
  // [full, simple, blocked]: full allows 1, simple nothing; a licence left empty or at 0 is not asked.
  const CASES: [string, string, boolean][] = [
    ['1', '', false],
    ['1', '0', false],
    ['', '', false],
    ['2', '', true],
    ['1', '1', true],
    ['x', '', true],
  ];
  for (const [full, simple, blocked] of CASES) {
    it(`full ${JSON.stringify(full)}, simple ${JSON.stringify(simple)}: ${blocked ? 'refused' : 'let through'}`, async () => {
      mount(bulk(full, simple));
      start();
      await settle();
      expect(guards().map((host) => host.dataset.max)).toEqual(['1', '0']);
      expect(click(button('Confirmer')).defaultPrevented).toBe(blocked);
    });
  }

  it('each input judged as it changes: 2 typed for full is refused, 1 let through again', async () => {
    mount(bulk('1', ''));
    start();
    await settle();
    const full = document.querySelector('#full') as HTMLInputElement;
    full.value = '2';
    full.dispatchEvent(new Event('input', { bubbles: true }));
    expect(click(button('Confirmer')).defaultPrevented).toBe(true);
    expect(button('Confirmer').getAttribute('aria-disabled')).toBe('true');
    full.value = '1';
    full.dispatchEvent(new Event('input', { bubbles: true }));
    expect(click(button('Confirmer')).defaultPrevented).toBe(false);
    expect(button('Confirmer').getAttribute('aria-disabled')).toBeNull();
  });

  it('a row contradicting the Détails block (full 3 souscrites, the block 2): 2 still refused', async () => {
    mount(bulk('2', '', '3'));
    start();
    await settle();
    expect(click(button('Confirmer')).defaultPrevented).toBe(true);
  });

  it('cells that say their field (« souscrite 2 », « active 1 »), no header row: each row judged', async () => {
    mount(`${cardTable()}<div role="dialog"><h4>Résiliation de licences</h4><form><table>
      <tr><td>Licence full</td><td>souscrite 2</td><td>active 1</td><td>Quantité à résilier <input value="2"></td></tr>
      <tr><td>Licence simple</td><td>souscrite 1</td><td>active 1</td><td>Quantité à résilier <input value=""></td></tr>
      </table><button type="button">Annuler</button><button type="submit">Confirmer</button></form></div>`);
    start();
    await settle();
    expect(guards().map((host) => host.dataset.max)).toEqual(['1', '0']);
    expect(click(button('Confirmer')).defaultPrevented).toBe(true);
  });

  // « Inactives » or « Non actives » beside the block also read as the block's legend (free licences): every
  // row unknown, safe. A word the legend does not know shows the column choice alone.
  it('a column saying the opposite (« Désactivées ») is not the active column: each row keeps its maximum', async () => {
    for (const negated of ['Désactivées', 'Licences désactivées']) {
      stopAll();
      mount(`${cardTable()}<div role="dialog"><h4>Résiliation de licences</h4><form><table>
        <tr><th>Licence</th><th>Quantité souscrite</th><th>${negated}</th><th>Quantité active</th><th>Quantité à résilier</th></tr>
        <tr><td>Licence full</td><td>2</td><td>0</td><td>1</td><td><input value="1"></td></tr>
        <tr><td>Licence simple</td><td>1</td><td>0</td><td>1</td><td><input value=""></td></tr>
        </table><button type="button">Annuler</button><button type="submit">Confirmer</button></form></div>`);
      start();
      await settle();
      expect(guards().map((host) => host.dataset.max)).toEqual(['1', '0']);
      expect(click(button('Confirmer')).defaultPrevented).toBe(false);
    }
  });

  it('property: refused exactly when some licence is asked more than it allows', async () => {
    const row = fc
      .tuple(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('', '0', '1', '2', '4'),
      )
      .map(([active, extra, value]) => ({ active, subscribed: active + extra, value }));
    await fc.assert(
      fc.asyncProperty(row, row, async (full, simple) => {
        stopAll();
        const rows = [
          { label: 'Licence full', ...full },
          { label: 'Licence simple', ...simple },
        ];
        mount(`${cardTable(rows)}<div role="dialog"><h4>Résiliation de licences</h4><form><table>
          <tr><th>Licence</th><th>Quantité souscrite</th><th>Quantité active</th><th>Quantité à résilier</th></tr>
          ${rows.map((r) => `<tr><td>${r.label}</td><td>${r.subscribed}</td><td>${r.active}</td><td><input value="${r.value}"></td></tr>`).join('')}
          </table><button type="submit">Confirmer</button></form></div>`);
        start();
        await settle();
        const impossible = rows.some((r) => Number(r.value) > r.subscribed - r.active);
        expect(click(button('Confirmer')).defaultPrevented).toBe(impossible);
      }),
      { numRuns: 25 },
    );
  });

  it('malformed (inputs in no licence row): not recognised, said so, nothing it cannot judge refused', async () => {
    mount(`${cardTable()}<div role="dialog"><h4>Résiliation de licences</h4><form>
      <p>Licence full : 2 souscrites, 1 active</p><p>Licence simple : 1 souscrite, 1 active</p>
      <p>Quantité à résilier</p><div><input value="1"><input value="1"></div>
      <button type="button">Annuler</button><button type="submit">Confirmer</button></form></div>`);
    start();
    await settle();
    expect(guards().map((host) => host.dataset.state)).toEqual(['no-input']);
    expect(click(button('Confirmer')).defaultPrevented).toBe(false);
  });
});
