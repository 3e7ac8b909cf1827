/**
 * What a dialog may send as its quantity (lib/portal/sent-quantity.ts), over generated forms: fields of
 * every kind, named as the quantity or not, sent or not (disabled, unchecked, without a name), inside the
 * dialog or tied to its form from outside. The rule: the reading disagrees exactly when a field the form
 * would send as the quantity holds another number than the visible one.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { otherSentValues, readSent } from '../../../lib/portal/sent-quantity';

afterEach(() => {
  document.body.innerHTML = '';
});

interface Field {
  name: string;
  value: string;
  kind: 'hidden' | 'text' | 'checkbox' | 'submit' | 'button';
  disabled: boolean;
  checked: boolean;
  outside: boolean;
}

const QUANTITY_NAMES = [
  'quantite',
  'quantity',
  'qty',
  'form[qte]',
  'nb_licences',
  'q',
  // Missed at first: whole words, camel case, upper case, a French verb holding « activ ».
  'count',
  'amount',
  'nombre',
  'licenceNb',
  'licenceCount',
  'NB_LICENCES',
  'quantite[]',
  'quantite_a_desactiver',
];
const OTHER_NAMES = [
  '',
  'quantite_souscrite',
  'qtyMax',
  'openedActive',
  'licence_id',
  'termination',
  'csrf',
  // Counts of the numbers (SDA) a service holds: another number than the quantity.
  'nb_sda',
  'nbNumeros',
  // A real form's fields that are no copy: a default, a bound, a token, words holding « count ».
  'quantite_defaut',
  'default_quantity',
  'quantite_initiale',
  'nb_max',
  '_token',
  'account',
  'countryCode',
  'discount',
];

/** Whether the form sends `field` as the quantity (the visible control is named `q`). */
function sentAsQuantity(field: Field): boolean {
  if (!QUANTITY_NAMES.includes(field.name) || field.disabled) return false;
  if (field.kind === 'checkbox') return field.checked;
  return field.kind !== 'button';
}

const fieldArb: fc.Arbitrary<Field> = fc.record({
  name: fc.constantFrom(...QUANTITY_NAMES, ...OTHER_NAMES),
  value: fc.constantFrom('', '0', '1', '01', '2', ' 1 ', 'x', '1,5'),
  kind: fc.constantFrom('hidden', 'text', 'checkbox', 'submit', 'button'),
  disabled: fc.boolean(),
  checked: fc.boolean(),
  outside: fc.boolean(),
});

function markup(field: Field): string {
  const attributes = [
    field.name ? `name="${field.name}"` : '',
    field.disabled ? 'disabled' : '',
    field.checked ? 'checked' : '',
    field.outside ? 'form="f"' : '',
  ].join(' ');
  const value = `value="${field.value}"`;
  return field.kind === 'submit' || field.kind === 'button'
    ? `<button type="${field.kind}" ${attributes} ${value}>Confirmer</button>`
    : `<input type="${field.kind}" ${attributes} ${value}>`;
}

describe('what a dialog may send as its quantity', () => {
  it('disagrees exactly when a field sent as the quantity holds another number than the visible 1', () => {
    fc.assert(
      fc.property(fc.array(fieldArb, { maxLength: 6 }), (fields) => {
        const inside = fields
          .filter((field) => !field.outside)
          .map(markup)
          .join('');
        const outside = fields
          .filter((field) => field.outside)
          .map(markup)
          .join('');
        document.body.innerHTML = `<div id="d"><form id="f"><input id="v" name="q" value="1">${inside}</form></div>${outside}`;
        const dialog = document.querySelector('#d') as HTMLElement;
        const control = document.querySelector('#v') as HTMLInputElement;
        const reading = readSent(control, control.value, dialog, dialog);
        const expected = fields.filter(sentAsQuantity).some((field) => !/^0*1$/.test(field.value.trim()));
        expect(reading.disagree !== null).toBe(expected);
        expect(reading.value).toBe('1');
      }),
      { numRuns: 300 },
    );
  });

  it('a name is read by its words, however they are joined or cased', () => {
    const join = fc.constantFrom(
      (words: string[]) => words.join('_'),
      (words: string[]) => words.join('-'),
      (words: string[]) => words.join('_').toUpperCase(),
      (words: string[]) => words.map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join(''),
      (words: string[]) => `data[${words.join('][')}]`,
    );
    const arb = fc.record({
      before: fc.subarray(['licence', 'resiliation', 'form']),
      what: fc.constantFrom('quantite', 'qty', 'qte', 'nb', 'nombre', 'count', 'amount'),
      bound: fc.option(fc.constantFrom('max', 'souscrite', 'active', 'defaut', 'default', 'sda', 'total')),
      join,
    });
    fc.assert(
      fc.property(arb, ({ before, what, bound, join }) => {
        const name = join([...before, what, ...(bound === null ? [] : [bound])]);
        document.body.innerHTML = `<div id="d"><form><input id="v" name="v" value="1"><input type="hidden" name="${name}" value="5"></form></div>`;
        const dialog = document.querySelector('#d') as HTMLElement;
        const values = otherSentValues(document.querySelector('#v') as HTMLInputElement, dialog, dialog);
        expect(values).toEqual(bound === null ? ['5'] : []);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a radio group: an unchecked one’s copy is not sent', '<input type="radio" name="qty" value="2">', []],
    [
      'a list beside it named as the quantity',
      '<select name="qte"><option selected>3</option></select>',
      ['3'],
    ],
    ['a text area named as the quantity', '<textarea name="quantite">2</textarea>', ['2']],
    [
      'inside a disabled fieldset',
      '<fieldset disabled><input type="hidden" name="qty" value="2"></fieldset>',
      [],
    ],
    ['a radio group: the checked one’s copy', '<input type="radio" name="qty" value="2" checked>', ['2']],
  ])('%s', (_how, extra, values) => {
    document.body.innerHTML = `<div id="d"><form><input id="v" name="q" value="1">${extra}</form></div>`;
    const dialog = document.querySelector('#d') as HTMLElement;
    expect(otherSentValues(document.querySelector('#v') as HTMLInputElement, dialog, dialog)).toEqual(values);
  });

  it('with no control recognised, judges what the form sends (its first value), and says when those differ', () => {
    document.body.innerHTML =
      '<div id="d"><form id="f"></form></div><input name="quantite" value="2" form="f"><input type="hidden" name="qty" value="3" form="f">';
    const dialog = document.querySelector('#d') as HTMLElement;
    expect(readSent(null, null, dialog, dialog)).toMatchObject({ value: '2', disagree: ['2', '3'] });
  });
});
