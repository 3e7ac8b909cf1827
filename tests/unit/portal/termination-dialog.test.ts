import { describe, expect, it } from 'vitest';
import { quantityText } from '../../../lib/portal/quantity-control';
import { mayBeInTerminationDialog, readTerminationDialogs } from '../../../lib/portal/termination-dialog';
import type { QuantityControl, TerminationDialog } from '../../../lib/portal/types';
import { blockMarkup, CARD_DIALOG, cardRowMarkup, mount } from '../fixtures/card';
import { modalMarkup, plainDialogMarkup } from '../fixtures/dialog';

/** The input's value (every input these tests find is a text input). */
function typedValue(control: QuantityControl | null | undefined): string | undefined {
  return (control as HTMLInputElement | null | undefined)?.value;
}

function readOne(html: string): TerminationDialog {
  mount(html);
  const dialogs = readTerminationDialogs(document);
  expect(dialogs).toHaveLength(1);
  return dialogs[0] as TerminationDialog;
}

describe('readTerminationDialogs', () => {
  it('reads the card dialog: licence, quantities, input, confirm button', () => {
    const dialog = readOne(modalMarkup());
    expect(dialog.root.getAttribute('role')).toBe('dialog');
    expect(dialog.licenceLabel).toBe('Licence full');
    expect(dialog.subscribed).toBe(CARD_DIALOG.subscribed);
    expect(dialog.active).toBe(CARD_DIALOG.active);
    expect(typedValue(dialog.quantityInput)).toBe(CARD_DIALOG.toTerminate);
    expect(dialog.confirmButton?.textContent).toBe('Confirmer');
  });

  it('reads a dialog without role, with a dl, label : value text, an unlinked label and "Valider"', () => {
    const dialog = readOne(plainDialogMarkup());
    expect(dialog.root.className).toBe('popup');
    expect([dialog.licenceLabel, dialog.subscribed, dialog.active]).toEqual(['Licence full', 2, 1]);
    expect(typedValue(dialog.quantityInput)).toBe('1');
    expect(dialog.confirmButton?.textContent).toBe('Valider');
  });

  it.each([
    ['RÉSILIATION LICENCE FULL MEETING', 'Licence FULL MEETING'],
    ['Résiliation de la licence SVI ⓘ', 'Licence SVI'],
    ['<span>Résiliation</span> <span>licence</span> <b>fax entreprise</b>', 'Licence fax entreprise'],
  ])('reads the title %j', (title, label) => {
    expect(readOne(modalMarkup({ title })).licenceLabel).toBe(label);
  });

  it.each([
    ['aria-label', '<td>Quantité à résilier</td><td><input aria-label="Quantité à résilier" value="1"></td>'],
    ['nesting', '<td colspan="2"><label>Quantité à résilier <input type="number" value="1"></label></td>'],
    [
      'aria-labelledby',
      '<td id="lbl">Quantité à résilier</td><td><input aria-labelledby="lbl" value="1"></td>',
    ],
    [
      'same row',
      '<td>Quantité à résilier</td><td><input type="hidden" value="9"><span><input type="text" value="1"></span></td>',
    ],
    ['placeholder', '<td colspan="2"><input placeholder="Quantité à résilier" value="1"></td>'],
    ['title', '<td>Quantité</td><td><input title="quantité à résilier" value="1"></td>'],
    [
      'the row, beside a mirror the dialog hides',
      '<td>Quantité à résilier</td><td><input style="display:none" value="9"><input value="1"></td>',
    ],
  ])('finds the input by %s', (_how, field) => {
    const input = readOne(modalMarkup({ field })).quantityInput;
    expect(typedValue(input)).toBe('1');
  });

  it.each([
    ['numbers', '<option>1</option><option selected>2</option>', '2'],
    [
      'ids sent, numbers shown',
      '<option value="a">1 licence</option><option value="b" selected>2 licences</option>',
      '2',
    ],
    ['what it sends and shows differ: the larger', '<option value="3" selected>1</option>', '3'],
    ['a placeholder chosen', '<option value="" selected>Choisir…</option><option>1</option>', ''],
  ])('takes a list of numbers for the quantity (%s), read as the number chosen', (_how, options, text) => {
    const field = `<td><label for="q">Quantité à résilier</label></td><td><select id="q">${options}</select></td>`;
    const control = readOne(modalMarkup({ field })).quantityInput;
    expect(control?.tagName).toBe('SELECT');
    expect(quantityText(control as HTMLSelectElement)).toBe(text);
  });

  it.each([
    [
      'two inputs in the label’s row (a date beside the quantity)',
      '<td>Quantité à résilier</td><td><input value="1"> <input placeholder="jj/mm/aaaa"></td>',
      'in TD',
    ],
    [
      'two inputs in the box after the label',
      '<td colspan="2"><div><span>Quantité à résilier</span><div><input value="1"><input value="2"></div></div></td>',
      'after SPAN',
    ],
    [
      'two inputs naming themselves the quantity',
      '<td colspan="2"><input placeholder="Quantité à résilier" value="1"><input aria-label="Quantité à résilier" value="2"></td>',
      'after H4',
    ],
    [
      'no input at all (a list whose choices are no numbers)',
      '<td>Quantité à résilier</td><td><select><option>Toutes</option><option>Une partie</option></select></td>',
      'in TD',
    ],
    [
      'a list of numbers beside an input',
      '<td>Quantité à résilier</td><td><select><option>1</option></select> <input value="1"></td>',
      'in TD',
    ],
  ])('recognises no input when it cannot tell which one it is: %s', (_how, field, placeTag) => {
    const dialog = readOne(modalMarkup({ field }));
    expect(dialog.quantityInput).toBeNull();
    // Where the guard then says so: in the label, or after the title when there is no label.
    const place = 'inside' in dialog.quantityPlace ? dialog.quantityPlace.inside : dialog.quantityPlace.after;
    expect(`${'inside' in dialog.quantityPlace ? 'in' : 'after'} ${place.tagName}`).toBe(placeTag);
    expect(dialog.root.contains(place)).toBe(true);
    expect([dialog.subscribed, dialog.active]).toEqual([2, 1]);
  });

  it.each([
    ['1\u00A0234', '1\u202F000', 1234, 1000],
    ['\u20662\u2069', '\u200E1\u200F', 2, 1],
    ['1 234', '1', null, 1],
    ['1.234', '1', null, 1],
    ['<span class="d-none">9</span>2', '<span style="display:none">8</span>1', 2, 1],
  ])(
    'reads the quantities %j and %j exactly, or not at all',
    (subscribed, active, expectedSubscribed, expectedActive) => {
      document.head.innerHTML = '<style>.d-none { display: none; }</style>';
      const dialog = readOne(modalMarkup({ subscribed, active }));
      document.head.innerHTML = '';
      expect([dialog.subscribed, dialog.active]).toEqual([expectedSubscribed, expectedActive]);
    },
  );

  it('does not read a dialog hidden by a stylesheet class (a closed modal left in the page)', () => {
    // Bootstrap 3 hides a closed modal with its stylesheet (`.modal { display: none }`), no attribute.
    document.head.innerHTML = '<style>.modal { display: none; }</style>';
    mount(modalMarkup({ rootAttributes: 'role="dialog"' }));
    expect(readTerminationDialogs(document)).toEqual([]);
    document.head.innerHTML = '';
  });

  it('reads quantities written in one text with the label', () => {
    mount(`<div role="dialog"><h4>Résiliation licence full</h4><p>Quantité souscrite : 2<br>Quantité active : 1</p>
      <p>Quantité à résilier <input value="1"></p><button>Confirmer</button></div>`);
    const [dialog] = readTerminationDialogs(document);
    expect([dialog?.subscribed, dialog?.active, typedValue(dialog?.quantityInput)]).toEqual([2, 1, '1']);
  });

  it('reads a missing input as null and keeps the rest', () => {
    const dialog = readOne(modalMarkup({ field: '<td>Quantité à résilier</td><td>—</td>' }));
    expect(dialog.quantityInput).toBeNull();
    expect(dialog.subscribed).toBe(2);
  });

  it('reads quantities that are not whole numbers as null', () => {
    const dialog = readOne(modalMarkup({ subscribed: 'deux', active: '1,5' }));
    expect([dialog.subscribed, dialog.active]).toEqual([null, null]);
  });

  it('reads a missing button as null', () => {
    expect(readOne(modalMarkup({ buttons: '<button>Annuler</button>' })).confirmButton).toBeNull();
  });

  it('yields nothing while the body is "Chargement..."', () => {
    mount(`<div class="modal" role="dialog" style="display:block"><div class="modal-header"><h4>Résiliation licence full</h4></div>
      <div class="modal-body">Chargement...</div></div>`);
    expect(readTerminationDialogs(document)).toEqual([]);
  });

  it.each([
    ['display:none', 'role="dialog" style="display: none"'],
    ['hidden', 'role="dialog" hidden'],
  ])('skips a dialog hidden by %s', (_how, rootAttributes) => {
    mount(modalMarkup({ rootAttributes }));
    expect(readTerminationDialogs(document)).toEqual([]);
  });

  // Bootstrap 3.0's modal markup carries `aria-hidden="true"`, and Bootstrap 3.3+ (the 3.4.1 the portal
  // may run) no longer toggles it: the open, shown dialog keeps it. Skipped, it went unguarded.
  it('reads a shown dialog that kept aria-hidden="true" (Bootstrap 3.3+ never toggles it)', () => {
    const dialog = readOne(
      modalMarkup({ rootAttributes: 'role="dialog" aria-hidden="true" style="display: block"' }),
    );
    expect([dialog.licenceLabel, dialog.subscribed, dialog.active]).toEqual(['Licence full', 2, 1]);
  });

  it('skips a closed modal that says aria-hidden="true" and is hidden by its class', () => {
    mount(
      `<style>.modal{display:none}.modal.in{display:block}</style>${modalMarkup({ rootAttributes: 'role="dialog" aria-hidden="true"' }).replace('modal fade in', 'modal fade')}`,
    );
    expect(readTerminationDialogs(document)).toEqual([]);
  });

  it('skips a closed <dialog> and reads an open one', () => {
    mount(`<dialog><h2>Résiliation licence simple</h2><p>Quantité souscrite 1</p></dialog>
      <dialog open><h2>Résiliation licence full</h2><p>Quantité souscrite <span>2</span></p><p>Quantité active <span>1</span></p></dialog>`);
    const dialogs = readTerminationDialogs(document);
    expect(dialogs.map((dialog) => [dialog.licenceLabel, dialog.subscribed, dialog.active])).toEqual([
      ['Licence full', 2, 1],
    ]);
  });

  it('reads nothing from a page without dialog, nor from a button titled like one', () => {
    mount(`${blockMarkup('table', cardRowMarkup())}<button>Résiliation licence full</button>`);
    expect(readTerminationDialogs(document)).toEqual([]);
  });

  it('reads two open dialogs separately', () => {
    mount(modalMarkup() + modalMarkup({ title: 'Résiliation licence SVI', subscribed: '3', active: '0' }));
    const dialogs = readTerminationDialogs(document);
    expect(dialogs.map((dialog) => [dialog.licenceLabel, dialog.subscribed, dialog.active])).toEqual([
      ['Licence full', 2, 1],
      ['Licence SVI', 3, 0],
    ]);
    expect(dialogs[0]?.quantityInput).not.toBe(dialogs[1]?.quantityInput);
  });

  it('ignores our own guard element inside the dialog', () => {
    const dialog = readOne(
      modalMarkup({
        buttons:
          '<mla-termination-guard data-max="1"><button>Confirmer</button></mla-termination-guard><button>Confirmer</button>',
      }),
    );
    expect(dialog.confirmButton?.closest('mla-termination-guard')).toBeNull();
  });
});

describe('the dialog’s extent: it takes in what sends it, never the page', () => {
  const body = (title = 'Résiliation licence full') => `<div class="body"><h4>${title}</h4>
    <p>Quantité souscrite : 2</p><p>Quantité active : 1</p><p>Quantité à résilier <input value="1"></p></div>`;

  it.each([
    [
      'a footer beside the body',
      `<div class="popup">${body()}<div class="foot"><button>Confirmer</button></div></div>`,
      'popup',
    ],
    [
      'a link labelled Valider beside it',
      `<div class="popup"><div>${body()}</div><a href="#" class="btn">Valider</a></div>`,
      'popup',
    ],
    [
      'its own Confirmer: it stays as small as it is',
      `<div class="popup">${body().replace('</div>', '<button>Confirmer</button></div>')}<a href="#">Aide</a></div>`,
      'body',
    ],
    [
      'nothing that sends anywhere: it stays',
      `<div class="popup">${body()}<a href="#">Aide</a></div>`,
      'body',
    ],
    [
      'not past another dialog',
      `<div class="pair">${body()}${body('Résiliation licence SVI')}<button>Confirmer</button></div>`,
      'body',
    ],
    [
      'not past the licence block',
      `<div class="panel"><h3>Nombre de licences</h3>${body()}<button>Confirmer</button></div>`,
      'body',
    ],
  ])('%s', (_, html, rootClass) => {
    mount(html);
    const dialog = readTerminationDialogs(document).find((found) => found.licenceLabel === 'Licence full');
    expect(dialog?.root.className).toBe(rootClass);
    expect(typedValue(dialog?.quantityInput)).toBe('1');
  });
});

describe('a termination dialog whose title is worded otherwise', () => {
  it.each(['Résilier la licence full', 'Résiliation des licences', 'Demande de résiliation', ''])(
    '%j: read from its fields all the same, its licence unknown',
    (title) => {
      mount(modalMarkup({ title }));
      const [dialog, ...others] = readTerminationDialogs(document);
      expect(others).toHaveLength(0);
      expect(dialog?.root.getAttribute('role')).toBe('dialog');
      expect(dialog?.licenceLabel).toBe('');
      expect([dialog?.subscribed, dialog?.active, typedValue(dialog?.quantityInput)]).toEqual([2, 1, '1']);
    },
  );

  it('without ARIA role: the box holding its fields, grown to its buttons', () => {
    mount(`<div class="popup"><div class="body"><h4>Résilier la licence full</h4>
      <p>Quantité souscrite : 2</p><p>Quantité active : 1</p><p>Quantité à résilier <input value="1"></p></div>
      <div class="foot"><button>Annuler</button><button>Confirmer</button></div></div>`);
    const dialogs = readTerminationDialogs(document);
    expect(dialogs.map((dialog) => dialog.root.className)).toEqual(['popup']);
    expect(dialogs[0]?.confirmButton?.textContent).toBe('Confirmer');
  });

  it.each([
    [
      'a sentence of help on the page',
      '<p>Quantité à résilier : indiquez-la dans la fenêtre de résiliation.</p>',
    ],
    ['a label alone with an input', '<div><label>Quantité à résilier <input value="1"></label></div>'],
    [
      'a closed modal left in the page',
      `<div style="display:none">${modalMarkup({ title: 'Résilier la licence full' })}</div>`,
    ],
  ])('no dialog: %s', (_, html) => {
    mount(html);
    expect(readTerminationDialogs(document)).toEqual([]);
  });

  it('a dialog with a known title is read once, with its licence', () => {
    mount(modalMarkup());
    expect(readTerminationDialogs(document).map((dialog) => dialog.licenceLabel)).toEqual(['Licence full']);
  });
});

describe('mayBeInTerminationDialog: the cheap question asked on actions no guard covers', () => {
  function pathFrom(element: Element): EventTarget[] {
    const path: EventTarget[] = [];
    for (let at: Element | null = element; at; at = at.parentElement) path.push(at);
    return [...path, document];
  }

  it.each([
    ['the quantity field of a dialog', `${modalMarkup()}`, '#x', true],
    ['a button of a dialog worded otherwise', modalMarkup({ title: 'Résilier la licence' }), 'button', true],
    ['a title alone', '<div><h4 id="x">Résiliation de la licence SVI</h4></div>', '#x', true],
    [
      'anything on a page without those words',
      '<main><p>Quantité souscrite</p><button id="x">OK</button></main>',
      '#x',
      false,
    ],
    [
      'a button in a big page whose dialog is elsewhere',
      `<main><p>${'Texte du portail. '.repeat(300)}</p><button id="x">OK</button></main>${modalMarkup()}`,
      '#x',
      false,
    ],
  ])('%s: %s', (_, html, selector, expected) => {
    mount(html.replace('<input', '<input id="x"'));
    const target = document.querySelector(selector) as Element;
    expect(mayBeInTerminationDialog(pathFrom(target))).toBe(expected);
  });
});

describe('mayBeInTerminationDialog: the page is no dialog', () => {
  it.each([
    ['the body of a small page holding a closed modal', `<button id="x">Aide</button>${modalMarkup()}`],
    [
      'a panel holding the licence block and the modal',
      `<div><h3>Nombre de licences</h3><button id="x">Résilier</button>${modalMarkup()}</div>`,
    ],
  ])('%s: no reading for a click outside the dialog', (_, html) => {
    document.body.innerHTML = html;
    const path: EventTarget[] = [];
    for (let at: Element | null = document.querySelector('#x'); at; at = at.parentElement) path.push(at);
    expect(mayBeInTerminationDialog([...path, document])).toBe(false);
  });
});

it('mayBeInTerminationDialog: invisible characters inside the words do not hide a dialog', () => {
  document.body.innerHTML =
    '<div><h4>Ré\u00ADsi\u200Bliation licence full</h4><button id="x">OK</button></div>';
  const path: EventTarget[] = [];
  for (let at: Element | null = document.querySelector('#x'); at; at = at.parentElement) path.push(at);
  expect(mayBeInTerminationDialog(path)).toBe(true);
});
