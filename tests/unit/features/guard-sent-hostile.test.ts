/**
 * What is judged is what is sent, attacked from both sides: copies of the quantity under names, tags
 * and forms the rule first missed (an impossible quantity let through), and the fields a real
 * server-rendered form carries that are no copy of it (every valid termination refused).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cardTable, mount, settle, start, stopAll } from '../fixtures/page';

afterEach(stopAll);

const guard = () => document.querySelector<HTMLElement>('mla-termination-guard');
const visible = () => document.querySelector('#qty') as HTMLInputElement;
const confirmer = () =>
  Array.from(document.querySelectorAll<HTMLElement>('button')).find(
    (element) => element.textContent === 'Confirmer',
  ) as HTMLElement;

function click(target: EventTarget): boolean {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Licence full 0 / 3 (up to 3): the visible input says `value`, `inside` sits in its form. */
const wide = cardTable([{ label: 'Licence full', active: 0, subscribed: 3 }]);
const dialog = ({
  value = '1',
  inside = '',
  after = '',
  submit = '<button type="submit">Confirmer</button>',
}) =>
  `<div role="dialog"><h4>Résiliation licence full</h4><form id="f">
    <p>Quantité souscrite : 3</p><p>Quantité active : 0</p>
    <p><label for="qty">Quantité à résilier</label> <input id="qty" value="${value}"></p>${inside}
    <button type="button">Annuler</button>${submit}</form></div>${after}`;

async function open(markup: string): Promise<void> {
  mount(`${wide}${markup}`);
  start();
  await settle();
}

describe('a copy of the quantity the rule missed: 1 shown, 5 sent, refused', () => {
  const COPIES: [string, string][] = [
    ['resiliation[quantite]', '<input type="hidden" name="resiliation[quantite]" value="5">'],
    ['data[Licence][qte]', '<input type="hidden" name="data[Licence][qte]" value="5">'],
    ['count', '<input type="hidden" name="count" value="5">'],
    ['amount', '<input type="hidden" name="amount" value="5">'],
    ['nombre', '<input type="hidden" name="nombre" value="5">'],
    ['nombre_licences', '<input type="hidden" name="nombre_licences" value="5">'],
    ['nb-a-resilier', '<input type="hidden" name="nb-a-resilier" value="5">'],
    ['licenceNb (camel case)', '<input type="hidden" name="licenceNb" value="5">'],
    ['licenceCount (camel case)', '<input type="hidden" name="licenceCount" value="5">'],
    ['QUANTITE (upper case)', '<input type="hidden" name="QUANTITE" value="5">'],
    ['NB_LICENCES', '<input type="hidden" name="NB_LICENCES" value="5">'],
    ['quantite[] (an array)', '<input type="hidden" name="quantite[]" value="5">'],
    ['quantite_a_desactiver', '<input type="hidden" name="quantite_a_desactiver" value="5">'],
    ['a hidden textarea', '<textarea name="quantite" hidden>5</textarea>'],
    [
      'a hidden list',
      '<select name="quantite" style="display:none"><option value="1">1</option><option value="5" selected>5</option></select>',
    ],
    [
      'a hidden list of several choices (the second sent too)',
      '<select name="quantite" multiple hidden><option selected>1</option><option selected>5</option></select>',
    ],
  ];
  it.each(COPIES)('%s', async (_name, inside) => {
    await open(dialog({ inside }));
    expect(click(confirmer())).toBe(true);
    expect(guard()?.shadowRoot?.textContent).toContain('non reconnue');
  });

  it('in the other form the Confirmer submits (`form=`), outside the dialog', async () => {
    await open(
      dialog({
        submit: '<button type="submit" form="g">Confirmer</button>',
        after: '<form id="g"><input type="hidden" name="quantite" value="5"></form>',
      }),
    );
    expect(click(confirmer())).toBe(true);
  });

  it('added by the page after the guard last read, before the click', async () => {
    await open(dialog({}));
    expect(guard()?.dataset.valid).toBe('true');
    document
      .querySelector('form')
      ?.insertAdjacentHTML('beforeend', '<input type="hidden" name="qte" value="5">');
    expect(click(confirmer())).toBe(true);
  });
});

describe('the fields of a real server-rendered form that are no copy: 2 typed (valid) passes', () => {
  const FIELDS: [string, string][] = [
    ['a CSRF token', '<input type="hidden" name="_token" value="8f3a9">'],
    ['_method', '<input type="hidden" name="_method" value="DELETE">'],
    ['licence_type', '<input type="hidden" name="licence_type" value="3">'],
    ['service_id', '<input type="hidden" name="service_id" value="12345">'],
    ['nb_max', '<input type="hidden" name="nb_max" value="3">'],
    ['quantite_max', '<input type="hidden" name="quantite_max" value="3">'],
    ['quantite_souscrite', '<input type="hidden" name="quantite_souscrite" value="3">'],
    ['step', '<input type="hidden" name="step" value="1">'],
    ['redirect', '<input type="hidden" name="redirect" value="/services/1">'],
    [
      'a list of reasons with numeric values',
      '<label for="m">Motif</label><select id="m" name="motif"><option value="1" selected>Coût</option><option value="2">Autre</option></select>',
    ],
    ['quantite_defaut', '<input type="hidden" name="quantite_defaut" value="1">'],
    ['default_quantity', '<input type="hidden" name="default_quantity" value="1">'],
    ['quantite_initiale', '<input type="hidden" name="quantite_initiale" value="1">'],
    ['an account number', '<input type="hidden" name="account" value="77">'],
    ['a country code', '<input type="hidden" name="countryCode" value="33">'],
  ];
  it.each(FIELDS)('%s', async (_name, inside) => {
    await open(dialog({ value: '2', inside }));
    expect(click(confirmer())).toBe(false);
    expect(guard()?.dataset.valid).toBe('true');
  });

  it('a submit button `name="action" value="confirm"`', async () => {
    await open(
      dialog({
        value: '2',
        submit: '<button type="submit" name="action" value="confirm">Confirmer</button>',
      }),
    );
    expect(click(confirmer())).toBe(false);
  });

  it('a number input with min="1" max="1" (the page’s own bound): judged on the dialog’s maximum', async () => {
    await open(
      dialog({ value: '2' }).replace('<input id="qty"', '<input id="qty" type="number" min="1" max="1"'),
    );
    expect(click(confirmer())).toBe(false);
  });
});

describe('a hidden copy the page fills only in its own Confirmer handler', () => {
  /** The server rendered both at `prefill`; the page's click handler copies the visible value over. */
  const synced = async (prefill: string, table = wide) => {
    mount(
      `${table}${dialog({ value: prefill, inside: `<input type="hidden" name="quantite" value="${prefill}">` })}`,
    );
    start();
    await settle();
    const copy = document.querySelector('input[name="quantite"]') as HTMLInputElement;
    const handled: string[] = [];
    confirmer().addEventListener('click', (event) => {
      event.preventDefault(); // the page posts itself
      copy.value = visible().value;
      handled.push(copy.value);
    });
    return handled;
  };
  const typed = (value: string) => {
    visible().value = value;
    visible().dispatchEvent(new Event('input', { bubbles: true }));
  };

  it('the copy still at the prefilled 1, 2 typed (both possible): let through, saying what may be sent', async () => {
    const handled = await synced('1');
    typed('2');
    await settle();
    expect(guard()?.dataset.valid).toBe('true');
    expect(guard()?.shadowRoot?.textContent).toContain('copie cachée');
    // Dispatched by hand, so its own handler (which the guard would have stopped) runs only if let through.
    expect(click(confirmer())).toBe(true); // the page's own preventDefault: it posts itself
    expect(handled).toEqual(['2']);
  });

  it.each([
    ['more than the maximum typed', '1', '4'],
    ['the prefilled copy larger than what is typed (unsynced, it terminates more)', '2', '1'],
  ])('%s: refused', async (_how, prefill, value) => {
    const handled = await synced(prefill);
    typed(value);
    click(confirmer());
    expect(handled).toEqual([]);
  });

  it('nothing terminable (1 / 1): the prefilled 1 refused, whatever is typed', async () => {
    const handled = await synced('1', cardTable([{ label: 'Licence full', active: 1, subscribed: 1 }]));
    typed('2');
    click(confirmer());
    expect(handled).toEqual([]);
  });

  it('a copy the page changed by script (not the prefilled value): refused as before', async () => {
    const handled = await synced('1');
    (document.querySelector('input[name="quantite"]') as HTMLInputElement).value = '3';
    typed('2');
    click(confirmer());
    expect(handled).toEqual([]);
  });
});

describe('a copy at its prefilled value beside a quantity refused for itself: what the guard says', () => {
  const withCopy = async (table: string, prefill: string, value: string) => {
    mount(
      `${table}${dialog({ value: prefill, inside: `<input type="hidden" name="quantite" value="${prefill}">` })}`,
    );
    start();
    await settle();
    visible().value = value;
    visible().dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    return guard()?.shadowRoot?.textContent ?? '';
  };

  it('nothing terminable (1 / 1), the copy at 1, 2 typed: refused as nothing terminable, not as two values', async () => {
    const said = await withCopy(cardTable([{ label: 'Licence full', active: 1, subscribed: 1 }]), '1', '2');
    expect(click(confirmer())).toBe(true);
    expect(said).toContain('Aucune licence de ce type n’est résiliable maintenant');
    expect(said).not.toContain('Corrigez la quantité');
  });

  it('more than the maximum typed (4 of 3), the copy at 1: refused, the two values named (1 typed agrees)', async () => {
    const said = await withCopy(wide, '1', '4');
    expect(click(confirmer())).toBe(true);
    expect(said).toContain('«\u00a04\u00a0»');
    expect(said).toContain('«\u00a01\u00a0»');
  });

  it.each([
    ['empty', ''],
    ['0', '0'],
  ])('the input and its copy prefilled %s, 2 typed: refused, the values named', async (_how, prefill) => {
    const said = await withCopy(wide, prefill, '2');
    expect(click(confirmer())).toBe(true);
    expect(said).toContain('non reconnue');
  });

  it('two copies, one at the prefilled 1 and one at 2: refused whatever is typed (2)', async () => {
    mount(
      `${wide}${dialog({
        value: '1',
        inside:
          '<input type="hidden" name="quantite" value="1"><input type="hidden" name="qte_confirmee" value="3">',
      })}`,
    );
    start();
    await settle();
    visible().value = '2';
    visible().dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(click(confirmer())).toBe(true);
  });

  it('a copy whose value attribute the page rewrites as it syncs, lagging behind: refused while it lags', async () => {
    await withCopy(wide, '1', '2');
    const copy = document.querySelector('input[name="quantite"]') as HTMLInputElement;
    copy.setAttribute('value', '3');
    expect(click(confirmer())).toBe(true);
    copy.setAttribute('value', '2');
    expect(click(confirmer())).toBe(false);
  });
});
