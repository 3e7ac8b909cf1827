import { afterEach, describe, expect, it } from 'vitest';
import { visibleElementsMatching, visibleTextNodesWhere } from '../../../lib/portal/find-by-text';
import {
  hiddenByStyle,
  isHidden,
  isHiddenElement,
  oneRead,
  readWithout,
  shownState,
  visibleText,
} from '../../../lib/portal/visibility';

/**
 * The ways a page hides something, each by markup or by a stylesheet. happy-dom computes styles from
 * stylesheets and inline styles but has no layout: zero size is only seen when a stylesheet sets it
 * (the e2e tests prove the real browsers).
 */
const HIDING: readonly (readonly [string, string, string])[] = [
  ['the hidden attribute', '', '<div id="x" hidden><span id="t">9 / 9</span></div>'],
  ['inline display:none', '', '<div id="x" style="display: none"><span id="t">9 / 9</span></div>'],
  ['inline visibility:hidden', '', '<div id="x" style="visibility: hidden"><span id="t">9 / 9</span></div>'],
  [
    'a class with display:none',
    '.stale { display: none }',
    '<div id="x" class="stale"><span id="t">9 / 9</span></div>',
  ],
  [
    'a class with visibility:hidden',
    '.ghost { visibility: hidden }',
    '<div id="x" class="ghost"><span id="t">9 / 9</span></div>',
  ],
  [
    'a class with visibility:collapse',
    '.ghost { visibility: collapse }',
    '<div id="x" class="ghost"><span id="t">9 / 9</span></div>',
  ],
  [
    'a zero-height clipped box',
    '.shut { height: 0; overflow: hidden }',
    '<div id="x" class="shut"><span id="t">9 / 9</span></div>',
  ],
  [
    'a zero-width clipped box',
    '.shut { width: 0; overflow-x: hidden }',
    '<div id="x" class="shut"><span id="t">9 / 9</span></div>',
  ],
  [
    'the visually-hidden pattern (clip)',
    '.sr-only { position: absolute; width: 1px; height: 1px; clip: rect(0, 0, 0, 0) }',
    '<div id="x" class="sr-only"><span id="t">9 / 9</span></div>',
  ],
  [
    'a class on an ancestor',
    '.d-none { display: none }',
    '<section class="d-none"><div id="x"><span id="t">9 / 9</span></div></section>',
  ],
  ['a tooltip', '', '<div id="x" role="tooltip"><span id="t">9 / 9</span></div>'],
  ['aria-hidden on a decoration', '', '<i id="x" aria-hidden="true"><span id="t">›</span></i>'],
];

function mount(css: string, html: string): void {
  document.head.innerHTML = css ? `<style>${css}</style>` : '';
  document.body.innerHTML = `<main id="page"><p>Visible 1 / 1</p>${html}</main>`;
}

afterEach(() => {
  document.head.innerHTML = '';
});

describe.each(HIDING)('hidden by %s', (_, css, html) => {
  it('is hidden, and its text is not read', () => {
    mount(css, html);
    const text = document.getElementById('t') as HTMLElement;
    expect(isHidden(text)).toBe(true);
    expect(visibleText(document.getElementById('page') as HTMLElement)).toBe('Visible 1 / 1');
    expect(visibleTextNodesWhere(document.body, (value) => value.includes('9'), true)).toEqual([]);
  });

  it('is hidden the same inside one read (answers remembered) and outside it', () => {
    mount(css, html);
    const text = document.getElementById('t') as HTMLElement;
    expect(oneRead(() => [isHidden(text), isHidden(text)])).toEqual([true, true]);
  });
});

describe('what stays shown', () => {
  it.each([
    ['no stylesheet', '', '<div id="x"><span id="t">1 / 2</span></div>'],
    [
      'an unrelated class',
      '.stale { display: none }',
      '<div id="x" class="fresh"><span id="t">1 / 2</span></div>',
    ],
    [
      'overflow hidden with a size',
      '.box { height: 20px; overflow: hidden }',
      '<div id="x" class="box"><span id="t">1 / 2</span></div>',
    ],
    [
      'zero height without clipping',
      '.flat { height: 0 }',
      '<div id="x" class="flat"><span id="t">1 / 2</span></div>',
    ],
    // aria-hidden hides from screen readers only: a count shown that way is seen (and read).
    ['aria-hidden on a count', '', '<i id="x" aria-hidden="true"><span id="t">1 / 2</span></i>'],
    // Modal libraries set aria-hidden on the whole page behind a dialog: the page is still seen.
    [
      'aria-hidden on a page region',
      '',
      '<div id="x" aria-hidden="true"><p>Long page text here</p><span id="t">1 / 2</span></div>',
    ],
  ])('%s', (_, css, html) => {
    mount(css, html);
    const text = document.getElementById('t') as HTMLElement;
    expect(isHidden(text)).toBe(false);
    expect(visibleText(text)).toBe('1 / 2');
  });

  it('forgets its answers after a read: a page change is seen by the next read', () => {
    mount('.stale { display: none }', '<div id="x"><span id="t">1 / 2</span></div>');
    const box = document.getElementById('x') as HTMLElement;
    oneRead(() => expect(hiddenByStyle(box)).toBe(false));
    box.className = 'stale';
    expect(oneRead(() => hiddenByStyle(box))).toBe(true);
    expect(isHiddenElement(box)).toBe(true);
  });

  it('a page without inline visibility is not walked up within a read, and one added later is seen by the next read', () => {
    mount('', '<div id="x"><span id="t">1 / 2</span></div>');
    const box = document.getElementById('x') as HTMLElement;
    const text = document.getElementById('t') as HTMLElement;
    expect(oneRead(() => visibleText(box))).toBe('1 / 2');
    box.setAttribute('style', 'visibility: hidden');
    expect(oneRead(() => [visibleText(box), isHidden(text)])).toEqual(['', true]);
    box.removeAttribute('style');
    expect(oneRead(() => visibleText(box))).toBe('1 / 2');
  });

  it('a text remembered within a read is read again once other boxes are read as hidden, and after', () => {
    mount('', '<div id="x"><span>Licence full</span> <form id="f">Quantité 2</form> 1 / 2</div>');
    const box = document.getElementById('x') as HTMLElement;
    const form = document.getElementById('f') as HTMLElement;
    expect(
      oneRead(() => [
        visibleText(box),
        readWithout(new Set([form]), () => visibleText(box)),
        visibleText(box),
      ]),
    ).toEqual(['Licence full Quantité 2 1 / 2', 'Licence full 1 / 2', 'Licence full Quantité 2 1 / 2']);
    form.textContent = 'Quantité 3';
    expect(oneRead(() => visibleText(box))).toBe('Licence full Quantité 3 1 / 2');
  });

  it('what markup hides is asked again by the next read, not remembered across reads', () => {
    mount('', '<div id="x"><span id="t">1 / 2</span> <span id="u">3 / 4</span></div>');
    const box = document.getElementById('x') as HTMLElement;
    expect(oneRead(() => [visibleText(box), visibleText(box)])).toEqual(['1 / 2 3 / 4', '1 / 2 3 / 4']);
    document.getElementById('u')?.setAttribute('hidden', '');
    expect(oneRead(() => visibleText(box))).toBe('1 / 2');
  });

  it('finds only the clickables the operator sees', () => {
    mount('.d-none { display: none }', '<button class="d-none">Confirmer</button><button>Confirmer</button>');
    const found = visibleElementsMatching(document.body, 'button');
    expect(found.map((button) => button.className)).toEqual(['']);
  });
});

describe('visibility: hidden hides the own text of an element, not a child shown again', () => {
  it.each([
    [
      'a stylesheet',
      '.hid { visibility: hidden } .vis { visibility: visible }',
      'class="hid"',
      'class="vis"',
    ],
    ['inline styles', '', 'style="visibility: hidden"', 'style="visibility: visible"'],
  ])('by %s', (_, css, hidden, shown) => {
    mount(css, `<div id="x" ${hidden}>9 / 9 <span id="t" ${shown}>1 / 2</span></div>`);
    const [box, text] = [document.getElementById('x'), document.getElementById('t')] as HTMLElement[];
    expect(isHidden(text as HTMLElement)).toBe(false);
    expect(isHidden(box as HTMLElement)).toBe(false);
    expect(visibleText(box as HTMLElement)).toBe('1 / 2');
    expect(visibleText(document.getElementById('page') as HTMLElement)).toBe('Visible 1 / 1 1 / 2');
    expect(
      visibleTextNodesWhere(document.body, (value) => /\d/.test(value), true).map((n) => n.nodeValue),
    ).toEqual(['Visible 1 / 1', '1 / 2']);
  });
});

describe('shownState', () => {
  it.each([
    ['shown', '', '<div role="tabpanel"><div id="x">b</div></div>', 'shown'],
    [
      'a tab panel not shown now',
      '.tab-pane { display: none }',
      '<div role="tabpanel" class="tab-pane"><div id="x">b</div></div>',
      'hidden-tab',
    ],
    [
      'hidden inside a shown tab panel',
      '.d-none { display: none }',
      '<div role="tabpanel"><div id="x" class="d-none">b</div></div>',
      'hidden',
    ],
    [
      'hidden inside a tab panel not shown now',
      '.tab-pane, .d-none { display: none }',
      '<div role="tabpanel" class="tab-pane"><div id="x" class="d-none">b</div></div>',
      'hidden',
    ],
    [
      'hidden by a class, no tab',
      '.d-none { display: none }',
      '<div id="x" class="d-none">b</div>',
      'hidden',
    ],
    [
      'a hidden page region, no tab',
      '.off { display: none }',
      '<div class="off"><div id="x">b</div></div>',
      'hidden',
    ],
  ])('%s', (_, css, html, expected) => {
    mount(css, html);
    const element = document.getElementById('x') as HTMLElement;
    expect(shownState(element, element.closest('[role="tabpanel"]'))).toBe(expected);
  });
});
