/**
 * What the guard judges is what the page sends: every value the dialog may send as the quantity (a
 * hidden copy of it, a second field of the same name, a field outside the dialog that its form owns,
 * the sending button's own name and value, a list's or a stepper's shown and sent numbers) is judged
 * with the quantity shown. When they disagree, which one the portal takes cannot be told: the action is
 * refused, « non reconnu », never one picked in silence. Through the real runtime.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cardTable, mount, settle, start, stopAll } from '../fixtures/page';

afterEach(stopAll);

const guard = () => document.querySelector<HTMLElement>('mla-termination-guard');
const guards = () => Array.from(document.querySelectorAll<HTMLElement>('mla-termination-guard'));
const visible = () => document.querySelector('#qty') as HTMLInputElement;
const confirmer = () =>
  Array.from(document.querySelectorAll<HTMLElement>('button')).find(
    (element) => element.textContent === 'Confirmer',
  ) as HTMLElement;

function click(target: EventTarget): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  return event;
}

/** Whether a submit of `form` reaches the page's own listener. */
function submitReaches(form: HTMLFormElement): boolean {
  let reached = false;
  form.addEventListener('submit', (sent) => {
    sent.preventDefault(); // happy-dom would navigate
    reached = true;
  });
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  return reached;
}

/** The card's Licence full dialog (max 1), `inside` in its form, `after` after the dialog. */
const dialog = ({
  field = '<input id="qty" value="1">',
  inside = '',
  after = '',
  submitButton = '<button type="submit">Confirmer</button>',
} = {}) => `<div role="dialog"><h4>Résiliation licence full</h4><form id="f">
    <p>Quantité souscrite : 2</p><p>Quantité active : 1</p>
    <p><label for="qty">Quantité à résilier</label> ${field}</p>${inside}
    <button type="button">Annuler</button>${submitButton}</form></div>${after}`;

async function open(markup: string, table = cardTable()): Promise<void> {
  mount(`${table}${markup}`);
  start();
  await settle();
}

describe('guard: a hidden copy of the quantity is what the form sends', () => {
  // [case, markup, refused]: the visible input always says 1 (valid: max 1).
  const CASES: [string, string, boolean][] = [
    [
      'a stale hidden copy (2, from an earlier opening)',
      '<input type="hidden" name="quantite" value="2">',
      true,
    ],
    ['a hidden copy left empty', '<input type="hidden" name="quantite" value="">', true],
    ['a hidden copy named otherwise (qty)', '<input type="hidden" name="termination[qty]" value="3">', true],
    ['a mirror hidden by style, named', '<input style="display:none" name="quantity" value="2">', true],
    ['a hidden copy that agrees', '<input type="hidden" name="quantite" value="1">', false],
    ['a hidden copy that agrees, written 01', '<input type="hidden" name="quantite" value="01">', false],
    ['a disabled copy (never sent)', '<input type="hidden" name="quantite" value="2" disabled>', false],
    ['the dialog’s other quantities', '<input type="hidden" name="quantite_souscrite" value="2">', false],
    ['the mock’s opened counts', '<input type="hidden" name="openedSubscribed" value="2">', false],
    ['an identifier', '<input type="hidden" name="licence_id" value="42">', false],
    ['a hidden input without a name (never sent)', '<input type="hidden" id="quantite" value="9">', false],
  ];
  for (const [name, inside, refused] of CASES) {
    it(`${name}: ${refused ? 'refused, « non reconnu »' : 'let through'}`, async () => {
      await open(dialog({ inside }));
      expect(click(confirmer()).defaultPrevented).toBe(refused);
      expect(guard()?.dataset.valid).toBe(String(!refused));
      if (!refused) return;
      expect(submitReaches(document.querySelector('form') as HTMLFormElement)).toBe(false);
      expect(guard()?.shadowRoot?.textContent).toContain('non reconnue');
    });
  }

  it('a copy the page syncs on a timer: refused while it lags, let through once it agrees', async () => {
    await open(dialog({ inside: '<input type="hidden" name="quantite" value="2">' }));
    const hidden = document.querySelector('input[name="quantite"]') as HTMLInputElement;
    expect(click(confirmer()).defaultPrevented).toBe(true);
    hidden.value = '1'; // the page's timer, no event
    expect(click(confirmer()).defaultPrevented).toBe(false);
    hidden.value = '2'; // the page's script again, between two actions
    expect(click(confirmer()).defaultPrevented).toBe(true);
  });

  it('a copy synced on change: 2 typed (invalid) then 1 (valid, the copy still 2) are both refused', async () => {
    await open(dialog({ inside: '<input type="hidden" name="quantite" value="1">' }));
    const hidden = document.querySelector('input[name="quantite"]') as HTMLInputElement;
    visible().addEventListener('change', () => {
      hidden.value = visible().value;
    });
    visible().value = '2';
    visible().dispatchEvent(new Event('change', { bubbles: true }));
    expect(click(confirmer()).defaultPrevented).toBe(true);
    visible().value = '1'; // typed, the change not fired yet (Enter before the field is left)
    expect(click(confirmer()).defaultPrevented).toBe(true);
    visible().dispatchEvent(new Event('change', { bubbles: true }));
    expect(click(confirmer()).defaultPrevented).toBe(false);
  });
});

describe('guard: two fields of one name, a field its form owns from outside', () => {
  it('the visible input and a later one of the same name disagreeing: refused', async () => {
    await open(
      dialog({
        field: '<input id="qty" name="q" value="1">',
        inside: '<input type="hidden" name="q" value="3">',
      }),
    );
    expect(click(confirmer()).defaultPrevented).toBe(true);
  });

  it('a copy outside the dialog tied to its form by `form=`: judged', async () => {
    await open(dialog({ after: '<input type="hidden" name="quantite" value="4" form="f">' }));
    expect(click(confirmer()).defaultPrevented).toBe(true);
  });

  it('the only quantity field outside the dialog (`form=`), none inside: an impossible one refused', async () => {
    await open(
      dialog({
        field: '<span>(ci-dessous)</span>',
        after: '<input name="quantite" value="2" form="f">',
      }),
    );
    expect(click(confirmer()).defaultPrevented).toBe(true);
    const outside = document.querySelector('input[name="quantite"]') as HTMLInputElement;
    outside.value = '1';
    expect(click(confirmer()).defaultPrevented).toBe(false);
  });
});

describe('guard: the sending button carries a quantity of its own', () => {
  it.each([
    ['<button type="submit" name="quantite" value="9">Confirmer</button>', true],
    ['<button type="submit" name="quantite" value="1">Confirmer</button>', false],
    ['<button type="submit" name="action" value="resilier">Confirmer</button>', false],
    ['<button type="submit" formaction="/autre" formmethod="get">Confirmer</button>', false],
  ])('%s: refused %s', async (submitButton, refused) => {
    await open(dialog({ submitButton }));
    expect(click(confirmer()).defaultPrevented).toBe(refused);
  });
});

describe('guard: a control whose shown and sent numbers differ (both under the maximum)', () => {
  // Licence full 1 / 5: up to 4 can be terminated, so judging the larger of the two lets it through.
  const wide = cardTable([{ label: 'Licence full', active: 1, subscribed: 5 }]);
  const wideDialog = (field: string) =>
    dialog({ field }).replace('Quantité souscrite : 2', 'Quantité souscrite : 5');
  const radios = (value: string, label: string) =>
    `<span><label><input type="radio" name="q" value="${value}" checked>${label}</label></span>`;

  it.each([
    ['a list: « 2 » shown, 4 sent', '<select id="qty"><option value="4" selected>2</option></select>', true],
    ['a list: « 2 » shown, 2 sent', '<select id="qty"><option value="2" selected>2</option></select>', false],
    [
      'a list: « 2 licences » shown, an id sent',
      '<select id="qty"><option value="a7">2 licences</option></select>',
      false,
    ],
    ['a spinbutton: 3 said, 2 shown', '<span id="qty" role="spinbutton" aria-valuenow="3">2</span>', true],
    ['radio buttons: 2 sent, « 3 » shown', radios('2', '3'), true],
  ])('%s: refused %s', async (_how, field, refused) => {
    await open(wideDialog(field), wide);
    expect(guard()?.dataset.max).toBe('4');
    expect(click(confirmer()).defaultPrevented).toBe(refused);
  });
});

describe('guard: a bulk dialog whose rows carry hidden copies', () => {
  const bulk = (fullCopy: string, simpleCopy: string) => `${cardTable()}<div role="dialog">
    <h4>Résiliation de licences</h4><form><table>
    <tr><th>Licence</th><th>Quantité souscrite</th><th>Quantité active</th><th>Quantité à résilier</th></tr>
    <tr><td>Licence full</td><td>2</td><td>1</td><td><input id="full" value="1">
      <input type="hidden" name="quantite[full]" value="${fullCopy}"></td></tr>
    <tr><td>Licence simple</td><td>1</td><td>1</td><td><input id="simple" value="">
      <input type="hidden" name="quantite[simple]" value="${simpleCopy}"></td></tr>
    </table><button type="button">Annuler</button><button type="submit">Confirmer</button></form></div>`;

  it.each([
    ['each row’s copy agrees (the untouched one empty)', '1', '', false],
    ['the untouched row’s copy at 0', '1', '0', false],
    ['the valid row’s copy says 2', '2', '', true],
    ['the untouched row’s copy says 1 (nothing terminable)', '1', '1', true],
  ])('%s: refused %s', async (_how, fullCopy, simpleCopy, refused) => {
    mount(bulk(fullCopy, simpleCopy));
    start();
    await settle();
    expect(guards().map((host) => host.dataset.max)).toEqual(['1', '0']);
    expect(click(confirmer()).defaultPrevented).toBe(refused);
  });
});

describe('guard: a bulk dialog whose copies sit after the table, in no row', () => {
  const bulk = (fullCopy: string, simpleCopy: string) => `${cardTable()}<div role="dialog">
    <h4>Résiliation de licences</h4><form><table>
    <tr><th>Licence</th><th>Quantité souscrite</th><th>Quantité active</th><th>Quantité à résilier</th></tr>
    <tr><td>Licence full</td><td>2</td><td>1</td><td><input id="full" value="1"></td></tr>
    <tr><td>Licence simple</td><td>1</td><td>1</td><td><input id="simple" value=""></td></tr>
    </table><input type="hidden" name="quantite[full]" value="${fullCopy}">
    <input type="hidden" name="quantite[simple]" value="${simpleCopy}">
    <button type="button">Annuler</button><button type="submit">Confirmer</button></form></div>`;

  it.each([
    ['each copy is some row’s value: let through', '1', '', false],
    ['a stale copy (2) no row says: refused', '2', '', true],
    ['a copy no row says (3): refused', '1', '3', true],
  ])('%s', async (_how, fullCopy, simpleCopy, refused) => {
    mount(bulk(fullCopy, simpleCopy));
    start();
    await settle();
    expect(guards().map((host) => host.dataset.max)).toEqual(['1', '0']);
    expect(click(confirmer()).defaultPrevented).toBe(refused);
  });
});

describe('guard: a number field showing text its browser holds invalid', () => {
  it('Firefox gives `""` for « 1,5 » (badInput): refused as not a number, not as empty', async () => {
    await open(dialog({ field: '<input id="qty" type="number" value="1">' }));
    Object.defineProperty(visible(), 'validity', { value: { badInput: true, valid: false } });
    visible().value = '';
    expect(click(confirmer()).defaultPrevented).toBe(true);
    expect(guard()?.shadowRoot?.textContent).toContain('Saisissez un nombre entier');
  });
});
