/**
 * The termination dialog's quantities as the operator sees them: digits the browser shows in another
 * order than the text holds them (a right-to-left override shows `12` as `21`) are not read: the guard
 * then says it does not recognise the dialog, never a maximum from reversed digits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readTerminationDialogs } from '../../../lib/portal/termination-dialog';
import { mount } from '../fixtures/card';
import { modalMarkup } from '../fixtures/dialog';
import {
  DIALOG_QUANTITIES_READ,
  DIALOG_QUANTITIES_UNREAD,
  QUANTITY_CSS,
  QUANTITY_FIELDS,
} from '../fixtures/rendering-cases';

function quantities(subscribed: string, active: string): [number | null, number | null] {
  mount(modalMarkup({ subscribed, active }));
  const [dialog] = readTerminationDialogs(document);
  return [dialog?.subscribed ?? null, dialog?.active ?? null];
}

describe('dialog quantities shown in another order', () => {
  it.each(DIALOG_QUANTITIES_UNREAD)('%s: unread', (_, subscribed, active) => {
    expect(quantities(subscribed, active)).toEqual([null, null]);
  });

  it.each(DIALOG_QUANTITIES_READ)('%s: read', (_, subscribed, active, expected) => {
    expect(quantities(subscribed, active)).toEqual(expected);
  });
});

describe('where the quantity is typed: the one control the operator sees', () => {
  afterEach(() => {
    document.head.innerHTML = '';
  });

  it.each(QUANTITY_FIELDS)('%s', (_, field, expected) => {
    document.head.innerHTML = `<style>${QUANTITY_CSS}</style>`;
    mount(modalMarkup({ field }));
    const [dialog] = readTerminationDialogs(document);
    expect(dialog?.quantityInput?.id ?? null).toBe(expected);
  });
});
