/**
 * The guard against termination flows that are not one modal: an inline editor opened inside the
 * licence block, a page of its own, a two-step wizard, a second confirmation, a dialog reused for
 * another licence. Each case is markup a portal might use; the fixes are general.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CARD_ROWS,
  cardTable,
  dialogMarkup,
  mount,
  settle,
  shadowText,
  start,
  stopAll,
} from '../fixtures/page';

afterEach(stopAll);

const guards = () => Array.from(document.querySelectorAll<HTMLElement>('mla-termination-guard'));
const input = () => document.querySelector('#qty') as HTMLInputElement;
const button = (label: string, root: ParentNode = document) =>
  Array.from(root.querySelectorAll<HTMLElement>('button')).find(
    (element) => element.textContent?.trim() === label,
  ) as HTMLElement;

function click(target: EventTarget): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  return event;
}

/** What the block reader says: each row's badge and the summary. */
function blockReading(): string[] {
  const badges = Array.from(document.querySelectorAll<HTMLElement>('mla-licence')).map(
    ({ dataset }) => `${dataset.licence}:${dataset.state}:${dataset.terminable ?? ''}`,
  );
  return [...badges, shadowText(document.querySelector('mla-summary'))];
}

/** The card's block (table), the assistant settled on it; returns its licence rows. */
async function openBlock(): Promise<HTMLElement[]> {
  mount(cardTable());
  start();
  await settle();
  return Array.from(document.querySelectorAll<HTMLElement>('tr')).slice(1);
}

const EDITOR_FIELDS = `<label for="qty">Quantité à résilier</label> <input id="qty" value="1">
  <button type="button">Annuler</button><button type="submit">Confirmer</button>`;
/** An inline editor: optionally its own quantities (its row's) and a recap shaped like a count. */
const editor = (own: (typeof CARD_ROWS)[number] | null) =>
  `<form class="inline-editor">${own ? `<p>Quantité souscrite : ${own.subscribed}</p><p>Quantité active : ${own.active}</p><p>Licences ${own.active} / ${own.subscribed}</p>` : ''}${EDITOR_FIELDS}</form>`;

type Placement = 'row after' | 'count cell' | 'label cell' | 'action cell';
const PLACEMENTS: readonly Placement[] = ['row after', 'count cell', 'label cell', 'action cell'];

function openEditor(row: HTMLElement, where: Placement, own: (typeof CARD_ROWS)[number] | null): void {
  const markup = editor(own);
  if (where === 'row after') row.insertAdjacentHTML('afterend', `<tr><td colspan="3">${markup}</td></tr>`);
  else {
    const cell = row.children[PLACEMENTS.indexOf(where) - 1] as HTMLElement;
    cell.insertAdjacentHTML('beforeend', markup);
  }
}

describe('guard: an inline editor opened inside the licence block', () => {
  it.each(PLACEMENTS)(
    'with only « Quantité à résilier » and Confirmer (%s): guarded against its row',
    async (where) => {
      const rows = await openBlock();
      openEditor(rows[1] as HTMLElement, where, null); // Licence full, 1 / 2: 1 terminable
      await settle();
      const confirm = button('Confirmer');
      input().value = '2';
      expect(click(confirm).defaultPrevented).toBe(true);
      expect(guards()).toHaveLength(1);
      input().value = '1';
      expect(click(confirm).defaultPrevented).toBe(false);
    },
  );

  it('after a row with nothing terminable (Licence simple, 1 / 1): 1 is refused', async () => {
    const rows = await openBlock();
    openEditor(rows[0] as HTMLElement, 'row after', null);
    await settle();
    expect(click(button('Confirmer')).defaultPrevented).toBe(true);
  });

  it('its own quantities and recap never become rows, counts or unread rows (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: CARD_ROWS.length - 1 }),
        fc.constantFrom(...PLACEMENTS),
        fc.boolean(),
        async (at, where, own) => {
          stopAll();
          const rows = await openBlock();
          const reading = blockReading();
          const row = CARD_ROWS[at] as (typeof CARD_ROWS)[number];
          openEditor(rows[at] as HTMLElement, where, own ? row : null);
          await settle();
          expect(blockReading()).toEqual(reading);
          // One more than the row allows is refused, whatever the editor says of itself.
          input().value = String(row.subscribed - row.active + 1);
          expect(click(button('Confirmer')).defaultPrevented).toBe(true);
        },
      ),
      { numRuns: 24 },
    );
  });
});

describe('guard: where it goes beside a quantity input the page lays out in a group', () => {
  const GROUPS: [string, string, string][] = [
    [
      'a Bootstrap input group with − and + (stepper)',
      '<div class="input-group"><span class="input-group-btn"><button type="button" aria-label="Diminuer">−</button></span><input id="qty" class="form-control" value="1"><span class="input-group-btn"><button type="button" aria-label="Augmenter">+</button></span></div>',
      'DIV',
    ],
    [
      'an input followed by its unit',
      '<div class="input-group"><input id="qty" value="1"><span class="input-group-addon">licences</span></div>',
      'DIV',
    ],
    ['a cell holding the input and its unit', '<input id="qty" value="1"> <span>licences</span>', 'TD'],
  ];

  it.each(GROUPS)(
    '%s: never inside the group, still what the input describes itself with',
    async (_name, field, box) => {
      mount(`${cardTable()}${dialogMarkup().replace(/<input id="qty"[^>]*>/, field)}`);
      start();
      await settle();
      const shown = guards()[0] as HTMLElement;
      const group = input().parentElement as HTMLElement;
      expect(group.tagName).toBe(box);
      if (box === 'TD') expect(group.lastElementChild).toBe(shown);
      else expect(group.nextElementSibling).toBe(shown);
      expect(input().getAttribute('aria-describedby')).toBe(shown.id);
      input().value = '2';
      expect(click(button('Confirmer')).defaultPrevented).toBe(true);
    },
  );
});

describe('guard: a two-step wizard (quantity, then a recap with Confirmer)', () => {
  const WIZARD = `<div class="modal in" role="dialog" style="display:block"><div class="modal-content">
    <div class="modal-header"><h4>Résiliation licence full</h4></div>
    <div class="step-1"><p>Quantité souscrite : 2</p><p>Quantité active : 1</p>
      <label for="qty">Quantité à résilier</label> <input id="qty" value="1">
      <button type="button">Suivant</button></div>
    <div class="step-2" hidden><p>Vous allez résilier <b>1</b> licence(s)</p>
      <button type="button">Précédent</button><button type="submit">Confirmer</button></div>
  </div></div>`;

  /** The page's own script goes to the recap step (step 1 stays in the DOM, hidden). */
  function toRecap(): void {
    (document.querySelector('.step-1') as HTMLElement).hidden = true;
    (document.querySelector('.step-2') as HTMLElement).hidden = false;
  }

  it.each([
    ['2', true],
    ['1', false],
  ])(
    'at the recap, the hidden step’s quantity %s is what is judged (blocked: %s)',
    async (value, blocked) => {
      mount(`${cardTable()}${WIZARD}`);
      start();
      await settle();
      expect(click(button('Suivant')).defaultPrevented).toBe(false);
      input().value = value; // set by the page's script, or kept from step 1
      toRecap();
      await settle();
      expect(click(button('Confirmer')).defaultPrevented).toBe(blocked);
      // The message is where the operator sees it, not inside the hidden step.
      const shown = guards()[0] as HTMLElement;
      expect((document.querySelector('.step-1') as HTMLElement).contains(shown)).toBe(false);
    },
  );
});

describe('guard: flows that already held (kept so)', () => {
  it('a page « Résiliation licence full » in place of the tab: 2 refused, 1 through', async () => {
    document.body.innerHTML = `<div class="container"><h2>Résiliation licence full</h2><form>
      <div class="form-group"><label>Quantité souscrite</label><p>2</p></div>
      <div class="form-group"><label>Quantité active</label><p>1</p></div>
      <div class="form-group"><label for="qty">Quantité à résilier</label><input id="qty" value="2"></div>
      <a class="btn" href="#">Retour</a> <button type="submit">Confirmer</button></form></div>`;
    start();
    await settle();
    expect(click(button('Confirmer')).defaultPrevented).toBe(true);
    input().value = '1';
    expect(click(button('Confirmer')).defaultPrevented).toBe(false);
  });

  it('an « Actions ▾ » menu with « Résilier » per row leaves the block reading as it was', async () => {
    await openBlock();
    const reading = blockReading();
    stopAll();
    mount(
      cardTable().replaceAll(
        /<button type="button" class="btn btn-icon btn-sm" title="Résilier">.*?<\/button>/g,
        '<div class="dropdown"><button type="button">Actions ▾</button><ul class="dropdown-menu"><li><a href="#">Modifier</a></li><li><a href="#">Résilier</a></li></ul></div>',
      ),
    );
    start();
    await settle();
    expect(blockReading()).toEqual(reading);
  });
});

describe('guard: a second confirmation dialog (« Êtes-vous sûr ? » Oui / Non) tied by nothing', () => {
  const CONFIRM = `<div class="modal confirm" role="dialog" style="display:block"><div class="modal-content">
    <p>Êtes-vous sûr ?</p><button type="button">Non</button><a class="btn">Oui</a></div></div>`;

  it.each([
    ['2', true],
    ['1', false],
  ])(
    'over the first still shown: « Oui » and « Non » with the first’s quantity %s (blocked: %s)',
    async (value, blocked) => {
      mount(`${cardTable()}${dialogMarkup()}${CONFIRM}`);
      start();
      await settle();
      input().value = value; // typed in the first dialog, under the confirmation
      const oui = Array.from(document.querySelectorAll('a')).find(
        (link) => link.textContent === 'Oui',
      ) as HTMLElement;
      expect(click(oui).defaultPrevented).toBe(blocked);
      // « Non » is judged too: a dialog may ask a question both of whose answers send it.
      expect(click(button('Non')).defaultPrevented).toBe(blocked);
    },
  );
});

describe('guard: a dialog re-opened for another licence with the old value kept', () => {
  it('1 typed for Licence full, the same dialog re-opened for Licence simple: 1 refused', async () => {
    mount(`${cardTable()}${dialogMarkup()}`);
    start();
    await settle();
    const modal = document.querySelector('.modal') as HTMLElement;
    expect(click(button('Confirmer')).defaultPrevented).toBe(false);
    modal.style.display = 'none';
    await settle();
    (modal.querySelector('h4') as HTMLElement).textContent = 'Résiliation licence simple';
    (modal.querySelectorAll('td')[1] as HTMLElement).textContent = '1';
    modal.style.display = 'block'; // the value 1 kept in the input
    expect(click(button('Confirmer')).defaultPrevented).toBe(true);
  });
});
