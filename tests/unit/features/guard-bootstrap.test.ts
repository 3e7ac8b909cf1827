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
