/**
 * The guard against HOW a page sends: the event its own handler listens to, what its Confirmer is
 * (a link, an image input, a label, an icon inside a button, a button deep in web components), a send
 * made by its script after a harmless click, and when the action comes. Each is judged at that moment.
 */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { CARD_ROWS, cardTable, dialogMarkup, mount, settle, start, stopAll } from '../fixtures/page';

afterEach(stopAll);

const DEFAULT_FOOTER =
  '<button type="button">Annuler</button><button type="submit" class="btn btn-primary">Confirmer</button>';
const input = () => document.querySelector('#qty') as HTMLInputElement;
const form = () => document.querySelector('form') as HTMLFormElement;
const target = () => document.querySelector('.go') as HTMLElement;
const init = { bubbles: true, cancelable: true, composed: true };

function open(
  footer = '<button type="button">Annuler</button><button type="submit" class="go">Confirmer</button>',
) {
  mount(`${cardTable()}${dialogMarkup().replace(DEFAULT_FOOTER, footer)}`);
  start();
}

function enter(value: string, field = input()) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function fire<E extends Event>(element: EventTarget, event: E): E {
  element.dispatchEvent(event);
  return event;
}

/** The quantity each time the page's own handler for `type` on `element` would send, and every submit. */
function pageSends(element: EventTarget, type: string, field = input): string[] {
  const sent: string[] = [];
  element.addEventListener(type, () => sent.push(field().value));
  document.addEventListener('submit', (event) => {
    event.preventDefault(); // happy-dom would otherwise try to navigate
    sent.push(`submit ${field().value}`);
  });
  return sent;
}

/** Each event a page's handler may send on, as the browser makes it. */
const EVENTS: [name: string, type: string, make: () => Event][] = [
  ['pointerdown', 'pointerdown', () => new PointerEvent('pointerdown', init)],
  ['mousedown', 'mousedown', () => new MouseEvent('mousedown', init)],
  ['pointerup', 'pointerup', () => new PointerEvent('pointerup', init)],
  ['mouseup', 'mouseup', () => new MouseEvent('mouseup', init)],
  ['touchstart', 'touchstart', () => new TouchEvent('touchstart', init)],
  ['touchend', 'touchend', () => new TouchEvent('touchend', init)],
  ['dblclick', 'dblclick', () => new MouseEvent('dblclick', init)],
  ['auxclick (middle click)', 'auxclick', () => new MouseEvent('auxclick', { ...init, button: 1 })],
  ['contextmenu (right click)', 'contextmenu', () => new MouseEvent('contextmenu', { ...init, button: 2 })],
  ['dragstart', 'dragstart', () => new Event('dragstart', init)],
  ['keyup of Enter', 'keyup', () => new KeyboardEvent('keyup', { ...init, key: 'Enter' })],
  ['keyup of Space', 'keyup', () => new KeyboardEvent('keyup', { ...init, key: ' ' })],
];

describe('guard events: the page’s handler on Confirmer listens to another event than click', () => {
  it.each(EVENTS)('%s: 2 refused, 1 goes through', (_name, type, make) => {
    open();
    const sent = pageSends(target(), type);
    enter('2');
    expect(fire(target(), make()).defaultPrevented).toBe(true);
    expect(sent).toEqual([]);
    enter('1');
    expect(fire(target(), make()).defaultPrevented).toBe(false);
    expect(sent).toEqual(['1']);
  });
});

/** What the Confirmer may be, `.go` being what the operator's pointer lands on. */
const CONFIRMERS: [name: string, footer: string][] = [
  ['a link carrying the quantity (GET)', '<a class="go" href="?quantite=2">Confirmer</a>'],
  ['an image input', '<input class="go" type="image" alt="Confirmer" src="ok.png">'],
  ['a div role=button tabindex=0', '<div class="go" role="button" tabindex="0">Confirmer</div>'],
  [
    'the icon svg inside a button',
    '<button type="submit"><svg class="go"><path d="M0 0"></path></svg></button>',
  ],
  ['a span inside a button', '<button type="submit"><span class="go">Confirmer</span></button>'],
  [
    'a label for a hidden submit button, styled as the button',
    '<label class="go btn btn-primary" for="send">Confirmer</label><button id="send" type="submit" hidden>Envoyer</button>',
  ],
];

describe('guard events: what the Confirmer is', () => {
  it.each(CONFIRMERS)('%s: every press refused for 2, the click goes through for 1', (_name, footer) => {
    open(`<button type="button">Annuler</button>${footer}`);
    const sent = pageSends(target(), 'click');
    enter('2');
    for (const [name, , make] of EVENTS) expect(fire(target(), make()).defaultPrevented, name).toBe(true);
    expect(fire(target(), new MouseEvent('click', init)).defaultPrevented).toBe(true);
    expect(sent).toEqual([]);
    enter('1');
    expect(fire(target(), new MouseEvent('click', init)).defaultPrevented).toBe(false);
    expect(sent[0]).toBe('1');
  });

  it('a label for a quantity field stays a field: clicking it is how the operator reaches the input', () => {
    open();
    const label = document.querySelector('label[for="qty"]') as HTMLElement;
    enter('2');
    expect(fire(label, new MouseEvent('click', init)).defaultPrevented).toBe(false);
  });

  it('a button in a web component nested in the dialog’s web component: refused for 3, 1 through', async () => {
    mount(`${cardTable()}<x-modal></x-modal>`);
    start();
    await settle();
    const outer = (document.querySelector('x-modal') as HTMLElement).attachShadow({ mode: 'open' });
    outer.innerHTML = dialogMarkup().replace(
      DEFAULT_FOOTER,
      '<button type="button">Annuler</button><x-button></x-button>',
    );
    const inner = (outer.querySelector('x-button') as HTMLElement).attachShadow({ mode: 'open' });
    inner.innerHTML = '<button type="button"><span class="go">Confirmer</span></button>';
    await settle();
    const field = () => outer.querySelector('#qty') as HTMLInputElement;
    const go = inner.querySelector('.go') as HTMLElement;
    const sent = pageSends(inner.querySelector('button') as HTMLElement, 'click', field);
    enter('3', field());
    expect(fire(go, new MouseEvent('click', init)).defaultPrevented).toBe(true);
    expect(sent).toEqual([]);
    enter('1', field());
    fire(go, new MouseEvent('click', init));
    expect(sent).toEqual(['1']);
  });
});

describe('guard events: the page sends by script after a harmless click', () => {
  it.each([
    ['button.click()', () => (document.querySelector('.go') as HTMLElement).click()],
    ['form.requestSubmit()', () => form().requestSubmit()],
  ])('%s from a timer started by a click on the dialog’s text: refused for 2', async (_name, send) => {
    open();
    const sent = pageSends(target(), 'click');
    enter('2');
    const text = document.querySelector('.modal-body td') as HTMLElement;
    text.addEventListener('click', () => setTimeout(send, 0));
    expect(fire(text, new MouseEvent('click', init)).defaultPrevented).toBe(false);
    await settle();
    await settle();
    expect(sent).toEqual([]);
  });
});

describe('guard events: when the action comes', () => {
  it('a click while the assistant is still reading the page in slices is judged on the dialog', () => {
    mount(`${cardTable()}${dialogMarkup({ value: '3' }).replace('class="btn btn-primary"', 'class="go"')}`);
    start({ slices: { budgetMs: 0, firstDeadline: () => 0 } });
    const sent = pageSends(target(), 'click');
    expect(fire(target(), new MouseEvent('click', init)).defaultPrevented).toBe(true);
    expect(sent).toEqual([]);
  });

  it('Space held on Confirmer (repeated keydowns, then keyup): refused for 2 at every repeat', () => {
    open();
    const sent = pageSends(target(), 'keydown');
    enter('2');
    for (let count = 0; count < 4; count += 1) {
      const press = new KeyboardEvent('keydown', { ...init, key: ' ', repeat: count > 0 });
      expect(fire(target(), press).defaultPrevented).toBe(true);
    }
    expect(fire(target(), new KeyboardEvent('keyup', { ...init, key: ' ' })).defaultPrevented).toBe(true);
    expect(sent).toEqual([]);
  });
});

describe('guard events: a dialog that sends what is typed by itself (nothing in it acts)', () => {
  const liveText = () =>
    document.querySelector('mla-termination-guard')?.shadowRoot?.querySelector('[aria-live="polite"]')
      ?.textContent ?? '';

  it('says before any typing that such a send cannot be stopped, and refuses 2 as it is typed', () => {
    open('<button type="button">Annuler</button>');
    const posted: string[] = [];
    // The page posts on each change by itself (no event an extension could stop).
    input().addEventListener('input', () => posted.push(input().value));
    expect(liveText()).toContain('Quantité valide. Aucun bouton d’envoi reconnu');
    expect(liveText()).toContain('l’assistant ne peut pas l’en empêcher');
    enter('2');
    expect(posted).toEqual(['2']); // the limit, said in the guard's text and in the docs
    expect(liveText()).toContain('La quantité ne peut pas dépasser 1.');
    expect(liveText()).toContain('ne peut pas l’en empêcher');
    expect(input().getAttribute('aria-invalid')).toBe('true');
  });

  it('a submit by the page on the field’s change is still refused; a dialog with a Confirmer says nothing of it', () => {
    open('<button type="button">Annuler</button>');
    const sent = pageSends(input(), 'never');
    input().addEventListener('change', () => form().requestSubmit());
    enter('2');
    input().dispatchEvent(new Event('change', { bubbles: true }));
    expect(sent).toEqual([]);
    stopAll();
    open();
    expect(liveText()).toBe('Quantité valide.');
  });
});

describe('guard events: the same quantity sent twice before the page answers', () => {
  const liveText = () =>
    document.querySelector('mla-termination-guard')?.shadowRoot?.querySelector('[aria-live="polite"]')
      ?.textContent ?? '';
  const click = () => fire(target(), new MouseEvent('click', init));
  const key = (type: string, key: string, repeat = false) =>
    fire(target(), new KeyboardEvent(type, { ...init, key, repeat }));
  /** The page's sends: a click on Confirmer, or a submit (each with the quantity then). */
  const sends = () => pageSends(target(), 'click');

  it('two clicks on Confirmer in one task (1 of 1 terminable): the second is refused, and said', () => {
    open();
    const sent = sends();
    expect(click().defaultPrevented).toBe(false);
    expect(click().defaultPrevented).toBe(true);
    expect(sent).toEqual(['1', 'submit 1']);
    expect(liveText()).toContain('Une résiliation de 1 vient d’être envoyée depuis cette fenêtre');
  });

  it('a double click (two clicks, two tasks) and Enter held on Confirmer: one send only', async () => {
    open();
    const sent = sends();
    click();
    await settle();
    expect(click().defaultPrevented).toBe(true);
    expect(fire(target(), new MouseEvent('dblclick', init)).defaultPrevented).toBe(false); // no send of its own
    // Enter held: each repeated keydown makes a click of its own.
    for (let count = 0; count < 3; count += 1) {
      await settle();
      key('keydown', 'Enter', true);
      expect(click().defaultPrevented).toBe(true);
    }
    expect(sent).toEqual(['1', 'submit 1']);
  });

  it('one send is one, whatever events make it: Enter (keydown, keypress, click, submit), then Space (keyup, click)', async () => {
    open();
    const sent = sends();
    for (const event of [key('keydown', 'Enter'), key('keypress', 'Enter'), click()])
      expect(event.defaultPrevented).toBe(false);
    expect(sent).toEqual(['1', 'submit 1']);
    stopAll();
    open();
    const again = sends();
    expect(key('keydown', ' ').defaultPrevented).toBe(false);
    await settle();
    expect(key('keyup', ' ').defaultPrevented).toBe(false);
    expect(click().defaultPrevented).toBe(false);
    expect(again).toEqual(['1', 'submit 1']);
  });

  it('once the page answered in the dialog (an error shown), the operator may send again', async () => {
    open();
    const sent = sends();
    click();
    await settle();
    const error = document.createElement('p');
    error.textContent = 'Erreur : la demande n’a pas abouti.';
    document.querySelector('.modal-body')?.append(error);
    await settle();
    expect(click().defaultPrevented).toBe(false);
    expect(sent).toEqual(['1', 'submit 1', '1', 'submit 1']);
  });

  it('once the table shows the termination (new counts), what it allows now is judged alone', async () => {
    const rows = (subscribed: number) =>
      CARD_ROWS.map((row) => (row.label === 'Licence full' ? { ...row, subscribed } : row));
    mount(
      `${cardTable(rows(4))}${dialogMarkup({ subscribed: '4' }).replace('class="btn btn-primary"', 'class="go"')}`,
    );
    start();
    const sent = sends();
    click();
    // The page answers in the table only: Licence full 1 / 3, 2 terminable now.
    (document.querySelector('.licences') as HTMLElement).outerHTML = cardTable(rows(3));
    await settle();
    await settle();
    enter('2');
    expect(click().defaultPrevented).toBe(false);
    expect(sent).toEqual(['1', 'submit 1', '2', 'submit 2']);
  });

  it('what remains may still be sent (3 terminable: 1, then 2), not more (then 1 is refused)', async () => {
    const rows = CARD_ROWS.map((row) => (row.label === 'Licence full' ? { ...row, subscribed: 4 } : row));
    mount(
      `${cardTable(rows)}${dialogMarkup({ subscribed: '4' }).replace('class="btn btn-primary"', 'class="go"')}`,
    );
    start();
    const sent = sends();
    click();
    await settle();
    enter('2');
    expect(click().defaultPrevented).toBe(false);
    await settle();
    enter('1');
    expect(click().defaultPrevented).toBe(true);
    expect(sent).toEqual(['1', 'submit 1', '2', 'submit 2']);
    expect(liveText()).toContain('vient d’être envoyée');
  });
});

describe('guard events: a page capture listener on the window added before the assistant started', () => {
  it('runs after the guard’s: 2 refused, 1 sent once, through the content script’s first listeners', async () => {
    const { listenEarly } = await import('../../../lib/dom/early-events');
    const contentScript = new AbortController();
    onTestFinished(() => contentScript.abort());
    listenEarly(window, contentScript.signal); // the content script, at document_start
    const sent: string[] = [];
    // The page's delegated handler, added on the window's capture phase by its first script.
    const delegated = (event: Event) => {
      if ((event.target as Element).closest?.('.go')) sent.push(input().value);
    };
    window.addEventListener('click', delegated, true);
    onTestFinished(() => window.removeEventListener('click', delegated, true));
    open();
    document.addEventListener('submit', (event) => event.preventDefault());
    enter('2');
    expect(fire(target(), new MouseEvent('click', init)).defaultPrevented).toBe(true);
    expect(sent).toEqual([]);
    enter('1');
    expect(fire(target(), new MouseEvent('click', init)).defaultPrevented).toBe(false);
    expect(sent).toEqual(['1']);
  });
});
