import { describe, expect, it } from 'vitest';
import { giveBack, lend } from '../../../lib/dom/lent-attributes';

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
    const lent = lend(element, 'aria-disabled', 'true');
    expect(element.getAttribute('aria-disabled')).toBe('true');
    giveBack(lend(element, 'aria-disabled', 'true', lent));
    expect(element.getAttribute('aria-disabled')).toBe(before);
  });

  it('gives back the page’s newest value when the page wrote while it was lent', () => {
    const element = button();
    let lent = lend(element, 'aria-disabled', 'true');
    element.setAttribute('aria-disabled', 'false');
    lent = lend(element, 'aria-disabled', 'true', lent);
    giveBack(lent);
    expect(element.getAttribute('aria-disabled')).toBe('false');
  });

  it('leaves what the page set after the last lending', () => {
    const element = button();
    const lent = lend(element, 'aria-invalid', 'true');
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
    const lent = lend(element, 'aria-describedby', 'g1', null, true);
    expect(element.getAttribute('aria-describedby')).toBe(during);
    giveBack(lent);
    expect(element.getAttribute('aria-describedby')).toBe(after);
  });

  it('removes only its token when the page added one meanwhile', () => {
    const element = button('aria-describedby="help"');
    const lent = lend(element, 'aria-describedby', 'g1', null, true);
    element.setAttribute('aria-describedby', 'help g1 error');
    giveBack(lent);
    expect(element.getAttribute('aria-describedby')).toBe('help error');
  });

  it('never touches disabled', () => {
    const element = button('disabled') as HTMLButtonElement;
    giveBack(lend(element, 'aria-disabled', 'true'));
    expect(element.disabled).toBe(true);
  });
});
