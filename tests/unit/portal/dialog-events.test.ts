import { afterEach, describe, expect, it } from 'vitest';
import { type ActionHit, readDialogActions } from '../../../lib/portal/dialog-actions';
import {
  acts,
  cancels,
  enterOnPage,
  type GuardedDialog,
  hitFor,
  mayAct,
  maySend,
  sendsFromOutside,
  submitsFor,
  surelySends,
} from '../../../lib/portal/dialog-events';

afterEach(() => {
  document.body.innerHTML = '';
});

const DIALOG = `<div role="dialog" id="d"><form id="f">
  <label for="q">Quantité à résilier</label>
  <div class="stepper"><button type="button" id="minus">−</button><input id="q" value="1"><button type="button" id="plus">+</button></div>
  <select id="list"><option>1</option></select><textarea id="note"></textarea><p id="text">Texte</p>
  <div class="footer"><button type="button" id="cancel">Annuler</button><button type="button" id="lower">Diminuer</button>
  <button type="submit" id="go">Confirmer</button><span role="button" id="ok">OK</span></div>
  <mla-termination-guard id="own"></mla-termination-guard></form></div>
  <button form="f" id="outside">Résilier</button><button id="elsewhere">Confirmer</button><form id="other"></form>`;

function guarded(markup = DIALOG): GuardedDialog {
  document.body.innerHTML = markup;
  const dialog = document.getElementById('d') as HTMLElement;
  const outside = Array.from(document.querySelectorAll<HTMLElement>('button[form]'));
  const guard: GuardedDialog = {
    dialog,
    input: document.getElementById('q') as HTMLInputElement,
    actions: { acts: [], confirmer: null, knowsSubmit: false },
  };
  guard.actions = readDialogActions(
    dialog,
    outside.filter((element) => sendsFromOutside(guard, element)),
  );
  return guard;
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;

/** What `judge` says of `event` fired on `id`, asked while it is dispatched (its composed path then). */
function during<T>(id: string, event: Event, judge: (event: Event) => T): T {
  let said: T | undefined;
  const listener = (seen: Event) => {
    said = judge(seen);
    seen.preventDefault(); // no submit nor navigation in the test's document
  };
  window.addEventListener(event.type, listener, { capture: true, once: true });
  (id === 'document' ? document : byId(id)).dispatchEvent(event);
  return said as T;
}

const click = () => new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
const key = (key: string, type = 'keydown') =>
  new KeyboardEvent(type, { key, bubbles: true, cancelable: true, composed: true });
const submit = () => new Event('submit', { bubbles: true, cancelable: true });

describe('hitFor: where an event lands for the dialog', () => {
  it.each<[string, ActionHit['kind'] | null]>([
    ['go', 'acts'],
    ['ok', 'acts'],
    ['cancel', 'cancel'],
    ['q', 'field'],
    ['minus', 'field'], // the input's own stepper
    ['lower', 'acts'], // worded like a stepper, beside Annuler: it sends
    ['text', 'none'],
    ['own', 'own'],
    ['outside', 'acts'], // `<button form>` out of the dialog
    ['elsewhere', null],
  ])('#%s → %s', (id, kind) => {
    const guard = guarded();
    expect(during(id, click(), (event) => hitFor(guard, event.composedPath())?.kind ?? null)).toBe(kind);
  });
});

describe('acts: whether an event would act for the dialog', () => {
  const hit = (kind: ActionHit['kind'], id: string): ActionHit => ({ kind, element: byId(id) });
  it.each<[string, ActionHit['kind'], string, Event, boolean, boolean]>([
    // name, kind, element, event, knowsSubmit, acts
    ['a click on what acts', 'acts', 'go', click(), true, true],
    ['a click on a cancel', 'cancel', 'cancel', click(), true, false],
    ['a click on a field', 'field', 'q', click(), true, false],
    ['a click on text, the dialog knows what submits', 'none', 'text', click(), true, false],
    ['a click on text, the dialog does not know what submits', 'none', 'text', click(), false, true],
    ['a click on our own element', 'own', 'own', click(), false, false],
    ['Enter in the quantity input', 'field', 'q', key('Enter'), true, true],
    ['Enter on a cancel', 'cancel', 'cancel', key('Enter'), true, false],
    ['Enter in a list (picks a choice)', 'field', 'list', key('Enter'), true, false],
    ['Enter in a text area', 'field', 'note', key('Enter'), true, false],
    ['Enter on text', 'none', 'text', key('Enter'), true, true],
    ['Space on what acts', 'acts', 'go', key(' '), true, true],
    ['Space (old name) on what acts', 'acts', 'go', key('Spacebar', 'keyup'), true, true],
    ['Space in a field', 'field', 'q', key(' '), false, false],
    ['Space on text, submit not known', 'none', 'text', key(' '), false, true],
    ['Escape on what acts', 'acts', 'go', key('Escape'), true, false],
    ['a letter on what acts', 'acts', 'go', key('a', 'keypress'), true, false],
  ])('%s → %s', (_name, kind, id, event, knowsSubmit, expected) => {
    const guard = guarded();
    guard.actions.knowsSubmit = knowsSubmit;
    expect(acts(hit(kind, id), event, guard)).toBe(expected);
  });
});

it.each([
  ['a list', false, '<select id="q"><option>1</option><option>2</option></select>'],
  ['an input', true, '<input id="q" value="1">'],
])('acts: Enter in the quantity given by %s → %s', (_name, expected, markup) => {
  const guard = guarded(`<div role="dialog" id="d"><form>${markup}<button>Confirmer</button></form></div>`);
  expect(acts({ kind: 'field', element: byId('q') }, key('Enter'), guard)).toBe(expected);
});

describe('submitsFor: whether a submit is the dialog’s', () => {
  it.each([
    ['f', true], // its quantity input's form
    ['page-form', true], // a form around the dialog
    ['other', false],
  ])('a submit of #%s → %s', (id, expected) => {
    const guard = guarded();
    // A form around the whole dialog (built, as markup cannot nest forms).
    const around = document.createElement('form');
    around.id = 'page-form';
    guard.dialog.replaceWith(around);
    around.append(guard.dialog);
    expect(during(id, submit(), (event) => submitsFor(guard, event))).toBe(expected);
  });

  it('a submit event whose target is no form is not the dialog’s', () => {
    const guard = guarded();
    expect(during('go', submit(), (event) => submitsFor(guard, event))).toBe(false);
  });
});

describe('sendsFromOutside: a button out of the dialog that its form attribute ties to the dialog', () => {
  it.each([
    ['<button form="f">Résilier</button>', true],
    ['<input type="submit" form="f" value="OK">', true],
    ['<button form="other">Résilier</button>', false],
    ['<button>Résilier</button>', false],
    ['<a form="f" href="#">Résilier</a>', false],
  ])('%s → %s', (markup, expected) => {
    const guard = guarded(`${DIALOG}${markup}`);
    const element = document.body.lastElementChild as Element;
    expect(sendsFromOutside(guard, element)).toBe(expected);
  });

  it('a button in the dialog with a form attribute is the dialog’s own, not one from outside', () => {
    const guard = guarded();
    byId('go').setAttribute('form', 'f');
    expect(sendsFromOutside(guard, byId('go'))).toBe(false);
  });
});

describe('enterOnPage and mayAct', () => {
  it.each<[string, string, Event, boolean]>([
    ['Enter on the body', 'body', key('Enter'), true],
    ['Enter on the document', 'document', key('Enter'), true],
    ['Enter on a button', 'go', key('Enter'), false],
    ['Space on the body', 'body', key(' '), false],
    ['a click on the body', 'body', click(), false],
  ])('enterOnPage: %s → %s', (_name, id, event, expected) => {
    guarded();
    if (id === 'body') document.body.id = 'body';
    expect(during(id, event, enterOnPage)).toBe(expected);
  });

  it.each<[string, Event, boolean]>([
    ['a click', click(), true],
    ['a submit', submit(), true],
    ['Enter', key('Enter'), true],
    ['Space', key(' ', 'keyup'), true],
    ['Spacebar', key('Spacebar'), true],
    ['Escape', key('Escape'), false],
    ['Tab', key('Tab'), false],
  ])('mayAct: %s → %s', (_name, event, expected) => {
    expect(mayAct(event)).toBe(expected);
  });
});

describe('cancels, maySend, surelySends', () => {
  it.each<[string, string, () => Event, boolean, boolean, boolean]>([
    // name, element, event, cancels, maySend, surelySends
    ['a click on Confirmer', 'go', click, false, true, true],
    ['a click on OK (a role=button)', 'ok', click, false, true, true],
    ['a click on Diminuer beside Annuler (acts, no sender)', 'lower', click, false, true, false],
    ['a click on Annuler', 'cancel', click, true, false, false],
    ['a click in the input', 'q', click, false, false, false],
    ['a click on the outside button', 'outside', click, false, true, true],
    ['Enter on Confirmer (its click sends, not the key)', 'go', () => key('Enter'), false, true, false],
    ['Space released on Confirmer', 'go', () => key(' ', 'keyup'), false, false, false],
    ['Escape in the input', 'q', () => key('Escape'), true, true, false],
    ['Escape out of the dialog', 'elsewhere', () => key('Escape'), false, true, false],
    ['a submit of the dialog’s form', 'f', submit, false, true, true],
  ])('%s', (_name, id, make, cancel, may, surely) => {
    const guard = guarded();
    const said = during(id, make(), (event) => [
      cancels(guard, event),
      maySend(guard, event),
      surelySends(guard, event),
    ]);
    expect(said).toEqual([cancel, may, surely]);
  });
});
