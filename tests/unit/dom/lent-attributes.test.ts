import { describe, expect, it } from 'vitest';
import {
  giveBack,
  giveBackStyle,
  giveBackToken,
  lendAttribute,
  lendStyle,
  lendToken,
} from '../../../lib/dom/lent-attributes';

function button(attributes = ''): HTMLElement {
  document.body.innerHTML = `<button ${attributes}>Confirmer</button>`;
  return document.querySelector('button') as HTMLElement;
}

describe('lent attributes are given back exactly', () => {
  it.each([
    ['absent', '', null],
    ['"false"', 'aria-disabled="false"', 'false'],
    ['"true"', 'aria-disabled="true"', 'true'],
  ])('aria-disabled %s before', (_name, attributes, before) => {
    const element = button(attributes);
    const lent = lendAttribute(element, 'aria-disabled', 'true');
    expect(element.getAttribute('aria-disabled')).toBe('true');
    giveBack(lendAttribute(element, 'aria-disabled', 'true', lent));
    expect(element.getAttribute('aria-disabled')).toBe(before);
  });

  it('gives back the page’s newest value when the page wrote while it was lent', () => {
    const element = button();
    let lent = lendAttribute(element, 'aria-disabled', 'true');
    element.setAttribute('aria-disabled', 'false');
    lent = lendAttribute(element, 'aria-disabled', 'true', lent);
    giveBack(lent);
    expect(element.getAttribute('aria-disabled')).toBe('false');
  });

  it('leaves what the page set after the last lending', () => {
    const element = button();
    const lent = lendAttribute(element, 'aria-invalid', 'true');
    element.setAttribute('aria-invalid', 'grammar');
    giveBack(lent);
    expect(element.getAttribute('aria-invalid')).toBe('grammar');
  });

  it.each([
    [null, 'g1', null],
    ['help', 'help g1', 'help'],
    ['g1', 'g1', 'g1'],
  ])('aria-describedby %j: lent as %j, given back as %j', (before, during, after) => {
    const element = button(before === null ? '' : `aria-describedby="${before}"`);
    const lent = lendToken(element, 'aria-describedby', 'g1');
    expect(element.getAttribute('aria-describedby')).toBe(during);
    giveBackToken(lent, 'g1');
    expect(element.getAttribute('aria-describedby')).toBe(after);
  });

  it('removes only its token when the page added one meanwhile', () => {
    const element = button('aria-describedby="help"');
    const lent = lendToken(element, 'aria-describedby', 'g1');
    element.setAttribute('aria-describedby', 'help g1 error');
    giveBackToken(lent, 'g1');
    expect(element.getAttribute('aria-describedby')).toBe('help error');
  });

  it.each([
    ['', null],
    ['style="cursor: pointer"', 'cursor: pointer;'],
    ['style="color: red"', 'color: red;'],
  ])('inline style %j comes back as it was', (attributes, after) => {
    const element = button(attributes);
    const cursor = lendStyle(element, 'cursor', 'not-allowed');
    expect(element.style.cursor).toBe('not-allowed');
    giveBackStyle(cursor);
    expect(element.getAttribute('style')).toBe(after);
  });

  it('never touches disabled', () => {
    const element = button('disabled') as HTMLButtonElement;
    giveBack(lendAttribute(element, 'aria-disabled', 'true'));
    expect(element.disabled).toBe(true);
  });
});
