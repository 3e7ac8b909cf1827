/**
 * The termination dialog's quantities as the operator sees them: digits the browser shows in another
 * order than the text holds them (a right-to-left override shows `12` as `21`) are not read: the guard
 * then says it does not recognise the dialog, never a maximum from reversed digits.
 */
import { describe, expect, it } from 'vitest';
import { readTerminationDialogs } from '../../../lib/portal/termination-dialog';
import { mount } from '../fixtures/card';
import { modalMarkup } from '../fixtures/dialog';

function quantities(subscribed: string, active: string): [number | null, number | null] {
  mount(modalMarkup({ subscribed, active }));
  const [dialog] = readTerminationDialogs(document);
  return [dialog?.subscribed ?? null, dialog?.active ?? null];
}

describe('dialog quantities shown in another order', () => {
  it.each([
    ['a right-to-left override on the souscrite', '\u202E21\u202C', '1'],
    ['a right-to-left override on the active', '21', '\u202E01\u202C'],
    ['dir="rtl" with an override', '<bdo dir="rtl">21</bdo>', '1'],
    [
      'an override by inline style',
      '<span style="unicode-bidi: bidi-override; direction: rtl">21</span>',
      '1',
    ],
  ])('%s: unread', (_, subscribed, active) => {
    expect(quantities(subscribed, active)).toEqual([null, null]);
  });

  it.each([
    ['plain numbers', '21', '1', [21, 1]],
    ['a left-to-right mark', '\u200E21', '1', [21, 1]],
    // One number alone keeps its digits' order in a right-to-left text: only an override reverses them.
    ['a right-to-left mark', '\u200F21', '1\u200F', [21, 1]],
    ['dir="rtl" without an override', '<span dir="rtl">21</span>', '1', [21, 1]],
  ])('%s: read', (_, subscribed, active, expected) => {
    expect(quantities(subscribed, active)).toEqual(expected);
  });
});
