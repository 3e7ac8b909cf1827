/**
 * What the real portal's Bootstrap 3 + jQuery stack does that the faithful mock does not: each case a
 * way the page could open, fill or send the termination dialog.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cardTable, dialogMarkup, mount, type Running, settle, start, stopAll } from '../fixtures/page';

let running: Running | null = null;
afterEach(() => {
  stopAll();
  running = null;
});

const guard = () => document.querySelector<HTMLElement>('mla-termination-guard');
const input = () => document.querySelector<HTMLInputElement>('#qty') as HTMLInputElement;
const confirmButton = () =>
  Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Confirmer') as HTMLElement;

function click(target: EventTarget): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  return event;
}

describe('Bootstrap 3 modals', () => {
  // Bootstrap 3.0's documented modal markup says `aria-hidden="true"`; the 3.3+ script (3.4.1 here)
  // never takes it off when it shows the modal. The dialog is seen, and must be guarded.
  it('guards a shown modal that kept its markup’s aria-hidden="true"', async () => {
    const modal = dialogMarkup().replace('role="dialog"', 'role="dialog" aria-hidden="true"');
    mount(`${cardTable()}${modal}`);
    running = start();
    await settle();
    expect(running.errors).toEqual([]);
    expect(guard()?.getAttribute('data-max')).toBe('1');
    input().value = '2';
    expect(click(confirmButton()).defaultPrevented).toBe(true);
  });
});

describe('Bootstrap 3 focus', () => {
  // Bootstrap 3 focuses the `.modal` element itself (tabindex=-1) once shown: Enter there reaches a
  // page hotkey ("Enter confirms") with whatever the input holds.
  it('stops Enter on the modal element itself while the quantity is wrong', async () => {
    mount(
      `${cardTable()}${dialogMarkup({ value: '2' }).replace('role="dialog"', 'role="dialog" tabindex="-1"')}`,
    );
    running = start();
    await settle();
    const modal = document.querySelector<HTMLElement>('.modal') as HTMLElement;
    modal.focus();
    const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    modal.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('a confirmation popover inside the dialog (bootstrap-confirmation, container: false)', () => {
  // Confirmer (valid) opens a popover « Êtes-vous sûr ? Oui / Non » beside itself, inside the footer;
  // the popover is no modal: the operator can still change the quantity, then press « Oui ».
  const popover =
    '<div class="popover confirmation fade top in" role="tooltip" style="display:block"><div class="arrow"></div><h3 class="popover-title">Êtes-vous sûr ?</h3><div class="popover-content"><div class="btn-group"><a class="btn btn-xs btn-primary" data-apply="confirmation"><i class="glyphicon glyphicon-ok"></i> Oui</a><a class="btn btn-xs btn-default" data-dismiss="confirmation"><i class="glyphicon glyphicon-remove"></i> Non</a></div></div></div>';

  it('« Oui » is judged like Confirmer: stopped while the quantity is wrong', async () => {
    mount(`${cardTable()}${dialogMarkup().replace('Confirmer</button>', `Confirmer</button>${popover}`)}`);
    running = start();
    await settle();
    const yes = Array.from(document.querySelectorAll('a')).find((a) =>
      a.textContent?.includes('Oui'),
    ) as HTMLElement;
    input().value = '2';
    expect(click(yes).defaultPrevented).toBe(true);
    input().value = '1';
    expect(click(yes).defaultPrevented).toBe(false);
  });
});

describe('a confirmation popover of the dialog appended to the body (container: "body")', () => {
  // Bootstrap 3 ties the popover to what opened it by `aria-describedby` (the popover's id), wherever
  // the popover is inserted: its « Oui » sends the dialog's form.
  const popover =
    '<div class="popover confirmation fade top in" role="tooltip" id="confirmation123" style="display:block"><div class="arrow"></div><h3 class="popover-title">Êtes-vous sûr ?</h3><div class="popover-content"><div class="btn-group"><a class="btn btn-xs btn-primary" data-apply="confirmation"><i class="glyphicon glyphicon-ok"></i> Oui</a><a class="btn btn-xs btn-default" data-dismiss="confirmation"><i class="glyphicon glyphicon-remove"></i> Non</a></div></div></div>';

  // (« Non » is judged too: nothing says it only cancels; Annuler and Escape still close the dialog.)
  it('« Oui » is judged like Confirmer: stopped while the quantity is wrong', async () => {
    mount(
      `${cardTable()}${dialogMarkup().replace('class="btn btn-primary">Confirmer', 'class="btn btn-primary" aria-describedby="confirmation123">Confirmer')}`,
    );
    document.body.insertAdjacentHTML('beforeend', popover);
    running = start();
    await settle();
    const link = (text: string) =>
      Array.from(document.querySelectorAll('a')).find((a) => a.textContent?.includes(text)) as HTMLElement;
    input().value = '2';
    expect(click(link('Oui')).defaultPrevented).toBe(true);
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    link('Oui').dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    input().value = '1';
    expect(click(link('Oui')).defaultPrevented).toBe(false);
  });

  it('a popover no element of the dialog names is not the dialog’s: its clicks pass', async () => {
    mount(`${cardTable()}${dialogMarkup()}`);
    document.body.insertAdjacentHTML('beforeend', popover);
    running = start();
    await settle();
    input().value = '2';
    expect(click(document.querySelector('#confirmation123 a') as HTMLElement).defaultPrevented).toBe(false);
  });
});
