import { afterEach, describe, expect, it } from 'vitest';
import { actionKind, actionOnPath, isCancel, readDialogActions } from '../../../lib/portal/dialog-actions';

afterEach(() => {
  document.body.innerHTML = '';
});

function element(markup: string): HTMLElement {
  document.body.innerHTML = markup;
  return document.body.firstElementChild as HTMLElement;
}

describe('actionKind: what activating an element of the dialog does', () => {
  it.each([
    ['<button>Confirmer</button>', 'acts'],
    ['<button type="submit">Résilier</button>', 'acts'],
    ['<button aria-label="Valider"><i class="icon"></i></button>', 'acts'],
    ['<button>OK</button>', 'acts'],
    ['<input type="submit" value="Envoyer">', 'acts'],
    ['<input type="image" alt="Valider">', 'acts'],
    ['<input type="reset" value="Effacer">', 'acts'],
    ['<a href="#">Confirmer</a>', 'acts'],
    ['<div role="button">Valider</div>', 'acts'],
    ['<span tabindex="0">Go</span>', 'acts'],
    ['<button>Annuler la licence</button>', 'acts'],
    // A question both of whose answers may send (« Conserver les numéros ? Oui / Non »).
    ['<button>Non</button>', 'acts'],
    ['<button>Annuler</button>', 'cancel'],
    ['<button> annuler </button>', 'cancel'],
    ['<a href="#">Fermer</a>', 'cancel'],
    ['<button class="close">×</button>', 'cancel'],
    ['<button>✕</button>', 'cancel'],
    ['<button aria-label="Fermer"><span aria-hidden="true">×</span></button>', 'cancel'],
    ['<input type="button" value="Annuler">', 'cancel'],
    ['<input type="text" value="Annuler">', 'field'],
    ['<input value="1">', 'field'],
    ['<input type="number">', 'field'],
    ['<select><option>1</option></select>', 'field'],
    ['<textarea></textarea>', 'field'],
    ['<label>Quantité à résilier</label>', 'field'],
    ['<button type="button">+</button>', 'field'],
    ['<button type="button" aria-label="Diminuer">−</button>', 'field'],
    ['<button type="button" aria-label="Augmenter la quantité">▲</button>', 'field'],
    ['<button type="submit">Plus tard</button>', 'acts'],
  ])('%s → %s', (markup, kind) => {
    expect(actionKind(element(markup))).toBe(kind);
  });

  it('reads the label as a person hears it: aria-labelledby too', () => {
    document.body.innerHTML = '<span id="l">Fermer</span><button aria-labelledby="l">x</button>';
    expect(isCancel(document.querySelector('button') as Element)).toBe(true);
  });
});

describe('actionOnPath: where an event lands in the dialog', () => {
  const DIALOG = `<div role="dialog" id="d"><p>Texte <b>gras</b></p><input id="q">
    <div class="footer"><button id="cancel">Annuler</button><button id="go"><span id="icon">✓</span></button></div>
    <mla-termination-guard id="own"></mla-termination-guard></div><button id="out">Confirmer</button>`;

  function pathOf(id: string): EventTarget[] {
    const target = document.getElementById(id) as HTMLElement;
    let path: EventTarget[] = [];
    target.addEventListener('click', (event) => {
      path = event.composedPath();
    });
    target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    return path;
  }

  it.each([
    ['go', 'acts', 'go'],
    ['icon', 'acts', 'go'],
    ['cancel', 'cancel', 'cancel'],
    ['q', 'field', 'q'],
    ['own', 'own', 'own'],
    ['d', 'backdrop', 'd'],
  ])('a click on #%s is %s (#%s)', (id, kind, on) => {
    document.body.innerHTML = DIALOG;
    const dialog = document.getElementById('d') as HTMLElement;
    expect(actionOnPath(pathOf(id), dialog)).toEqual({ kind, element: document.getElementById(on) });
  });

  it('says none for text, and null outside the dialog', () => {
    document.body.innerHTML = DIALOG;
    const dialog = document.getElementById('d') as HTMLElement;
    const bold = document.querySelector('b') as HTMLElement;
    bold.id = 'bold';
    expect(actionOnPath(pathOf('bold'), dialog)?.kind).toBe('none');
    expect(actionOnPath(pathOf('out'), dialog)).toBeNull();
  });
});

describe('actionOnPath: what only looks like a button', () => {
  it.each([
    [
      'a div with the pointer cursor and a script behind it',
      '<div id="t" style="cursor: pointer">Go</div>',
      'acts',
    ],
    ['a span reading Confirmer', '<span id="t">Confirmer</span>', 'acts'],
    ['an icon inside a div reading Valider', '<div>Valider <i id="t">✓</i></div>', 'acts'],
    [
      'a div reading Annuler with the pointer cursor',
      '<div id="t" style="cursor:pointer">Annuler</div>',
      'cancel',
    ],
    ['a + with the pointer cursor (a stepper)', '<span id="t" style="cursor:pointer">+</span>', 'field'],
    [
      'a sentence that mentions Confirmer',
      '<p id="t">Confirmer enverra la demande de résiliation au portail.</p>',
      'none',
    ],
    ['plain text', '<p id="t">Quantité souscrite</p>', 'none'],
  ])('%s: %s', (_, html, kind) => {
    document.body.innerHTML = `<div role="dialog" id="d">${html}</div>`;
    const target = document.getElementById('t') as HTMLElement;
    let path: EventTarget[] = [];
    target.addEventListener('click', (event) => {
      path = event.composedPath();
    });
    target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(actionOnPath(path, document.getElementById('d') as HTMLElement)?.kind).toBe(kind);
  });
});

describe('readDialogActions', () => {
  it.each([
    ['<button>Annuler</button><button type="submit">Confirmer</button>', ['Confirmer'], true, true],
    ['<button>Annuler</button><button type="submit">Résilier</button>', ['Résilier'], false, true],
    ['<button>Annuler</button><button aria-label="Valider"></button>', [''], false, true],
    ['<a href="#">Annuler</a><a href="#" onclick="go()">Confirmer</a>', ['Confirmer'], true, false],
    ['<span>Annuler</span><span class="go">Valider</span>', [], false, false],
    ['<button>Annuler</button><button style="display:none">Confirmer</button>', [], false, false],
  ])('%s: acts %j, a Confirmer: %s, knows what submits: %s', (buttons, acts, confirmer, knowsSubmit) => {
    document.body.innerHTML = `<div role="dialog"><input value="1"><div>${buttons}</div></div>`;
    const actions = readDialogActions(document.querySelector('[role="dialog"]') as HTMLElement);
    expect(actions.acts.map((act) => act.textContent)).toEqual(acts);
    expect(actions.confirmer !== null).toBe(confirmer);
    expect(actions.knowsSubmit).toBe(knowsSubmit);
  });
});
