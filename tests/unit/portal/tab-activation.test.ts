import { afterEach, describe, expect, it } from 'vitest';
import { findNumbersTab } from '../../../lib/portal/sda';
import { isSafeTabToActivate } from '../../../lib/portal/tab-activation';

afterEach(() => {
  document.body.innerHTML = '';
});

function element(markup: string): Element {
  document.body.innerHTML = markup;
  const found = document.querySelector('#x');
  if (!found) throw new Error('fixture without #x');
  return found;
}

describe('isSafeTabToActivate', () => {
  it.each([
    ['a role=tab link', '<a id="x" role="tab" href="#numeros">Numéros</a>'],
    ['a role=tab element that is no link', '<div id="x" role="tab">Numéros</div>'],
    [
      'a link inside a role=tab item',
      '<ul><li role="tab"><a id="x" href="/services/S1/numeros">Numéros</a></li></ul>',
    ],
    ['an in-page anchor', '<ul><li><a id="x" href="#numeros">Numéros</a></li></ul>'],
    [
      'a role=tab button that is not a submit',
      '<form><button id="x" type="button" role="tab">Numéros</button></form>',
    ],
    [
      'a role=tab button outside any form',
      '<div role="tablist"><button id="x" role="tab">Numéros</button></div>',
    ],
  ])('accepts %s', (_name, markup) => {
    expect(isSafeTabToActivate(element(markup))).toBe(true);
  });

  it.each([
    ['a submit button in a form', '<form><button id="x">Numéros</button></form>'],
    ['a role=tab submit button in a form', '<form><button id="x" role="tab">Numéros</button></form>'],
    ['a submit input', '<form><input id="x" type="submit" value="Numéros"></form>'],
    ['a plain button', '<nav><button id="x" type="button">Numéros</button></nav>'],
    ['a link to another page', '<nav><a id="x" href="/numeros/ajouter">Numéros</a></nav>'],
    ['a bare # link (a script handler is what it does)', '<ul><li><a id="x" href="#">Numéros</a></li></ul>'],
    ['a javascript: link', '<ul><li><a id="x" href="javascript:void(0)">Numéros</a></li></ul>'],
    ['a javascript: link, even as a tab', '<a id="x" role="tab" href="javascript:go()">Numéros</a>'],
    ['a role=button', '<nav><span id="x" role="button">Numéros</span></nav>'],
  ])('refuses %s', (_name, markup) => {
    expect(isSafeTabToActivate(element(markup))).toBe(false);
  });

  it('takes the page’s own address with a fragment as an in-page anchor, another path or query not', () => {
    const here = new URL(document.URL);
    const same = `${here.origin}${here.pathname}${here.search}#numeros`;
    expect(isSafeTabToActivate(element(`<nav><a id="x" href="${same}">Numéros</a></nav>`))).toBe(true);
    const other = `${here.origin}/ailleurs#numeros`;
    expect(isSafeTabToActivate(element(`<nav><a id="x" href="${other}">Numéros</a></nav>`))).toBe(false);
  });
});

describe('findNumbersTab only returns what is safe to activate', () => {
  it('ignores a "Numéros" submit button in a tab list, and finds no tab then', () => {
    document.body.innerHTML =
      '<form><ul role="tablist"><li role="tab"><button>Numéros</button></li></ul></form>';
    expect(findNumbersTab(document)).toBeNull();
  });

  it('skips an action link and takes the real tab', () => {
    document.body.innerHTML = `<nav><a href="/numeros/commander">Numéros</a></nav>
      <ul class="nav nav-tabs"><li><a id="t" href="#numeros">Numéros</a></li></ul>`;
    expect(findNumbersTab(document)?.id).toBe('t');
  });
});
