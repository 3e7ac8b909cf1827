import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deepest,
  findByText,
  visibleElements,
  visibleElementsMatching,
  visibleTextNodesWhere,
} from '../../../lib/portal/find-by-text';
import { foldText } from '../../../lib/portal/text';
import { hidesItsContent, visibleText } from '../../../lib/portal/visibility';

/** Every non-blank text node under `root` that an element walk skipping hidden content reaches. */
function textNodesByElementWalk(root: Node): Text[] {
  const found: Text[] = [];
  const visit = (parent: Node): void => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if ((child.nodeValue ?? '').trim() !== '') found.push(child as Text);
      } else if (child.nodeType === 1 && !hidesItsContent(child as Element)) visit(child);
    }
  };
  visit(root);
  return found;
}

/**
 * The definition `findByText` must keep: every visible text node (an element walk that skips what
 * hides its content) whose folded text holds the hint, climbed to the first element whose visible
 * text is accepted. The real one gets its text nodes from a native tree walker and checks hiding on
 * the matches' ancestors only; both must find the same elements.
 */
function byElementWalk(root: ParentNode, hint: string, accept: (text: string) => boolean, maxLength = 200) {
  const found = new Set<HTMLElement>();
  for (const node of textNodesByElementWalk(root as Node)) {
    if (!foldText(node.nodeValue ?? '').includes(foldText(hint))) continue;
    for (let element = node.parentElement; element; element = element.parentElement) {
      if (element !== root && !(root as Node).contains(element)) break;
      if ((element.textContent ?? '').length > maxLength * 4) break;
      if (accept(visibleText(element))) {
        found.add(element);
        break;
      }
      if (element === root) break;
    }
  }
  return deepest([...found]).sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

const isQuantityLabel = (text: string) => /^quantite\b/.test(foldText(text));

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('findByText', () => {
  it.each([
    ['accents and case', '<p>QUANTITÉ à résilier</p>', ['QUANTITÉ à résilier']],
    [
      'indented markup (ASCII with line breaks)',
      '<div>\n  <label>\n    Quantite\n  </label>\n</div>',
      ['Quantite'],
    ],
    ['no-break space and an icon', '<span>Quantité\u00A0active ⓘ</span>', ['Quantité active']],
    ['a word split by formatting is not a text node holding the hint', '<p>Quan<b>tité</b></p>', []],
    ['deepest match only', '<div><p><span>Quantité</span></p></div>', ['Quantité']],
    ['document order', '<p>Quantité b</p><p>Quantité a</p>', ['Quantité b', 'Quantité a']],
  ])('%s', (_name, html, expected) => {
    const found = findByText(body(html), 'quantité', isQuantityLabel);
    expect(found.map((element) => visibleText(element))).toEqual(expected);
  });

  it.each([
    ['hidden attribute', '<div hidden><p>Quantité</p></div>'],
    ['inline display:none', '<div style="display: none"><p>Quantité</p></div>'],
    ['inline visibility:hidden', '<p style="visibility:hidden">Quantité</p>'],
    ['a script', '<script>var x = "Quantité";</script>'],
    ['a tooltip', '<div role="tooltip">Quantité</div>'],
    ['our own annotation', '<mla-licence><span>Quantité</span></mla-licence>'],
    ['a textarea', '<textarea>Quantité</textarea>'],
  ])('skips text under %s', (_name, html) => {
    expect(findByText(body(html), 'quantite', isQuantityLabel)).toEqual([]);
  });

  it('searches inside a root that is itself hidden (a tab not shown now is still read)', () => {
    const root = body('<section hidden><p>Quantité</p></section><p>Quantité</p>').firstElementChild!;
    expect(findByText(root, 'quantite', isQuantityLabel)).toEqual([root.querySelector('p')]);
  });

  it('never climbs above the root', () => {
    const root = body('<div id="outer">Quantité <span id="inner">x</span></div>').querySelector('#inner')!;
    expect(findByText(root, 'quantite', isQuantityLabel)).toEqual([]);
  });

  it('finds what the element walks find, on random markup (text nodes, elements by selector)', () => {
    const word = fc.constantFrom(
      'Quantité',
      'QUANTITE',
      'quan\u200Btité',
      'Licence',
      'x',
      '\n   ',
      'ⓘ',
      '1 / 2',
      'quantité:',
    );
    const tag = fc.constantFrom(
      'div',
      'span',
      'p',
      'b',
      'td',
      'script',
      'template',
      'mla-x',
      'label',
      'a',
      'button',
    );
    const attributes = fc.constantFrom(
      '',
      ' role="button"',
      ' hidden',
      ' style="display:none"',
      ' aria-hidden="true"',
      ' role="tooltip"',
      ' class="c"',
    );
    const { tree } = fc.letrec<{ tree: string; node: string }>((rec) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        word,
        fc
          .tuple(tag, attributes, fc.array(rec('node'), { maxLength: 4 }))
          .map(([name, attrs, children]) => `<${name}${attrs}>${children.join('')}</${name}>`),
      ),
      tree: fc.array(rec('node'), { maxLength: 5 }).map((nodes) => nodes.join('')),
    }));
    fc.assert(
      fc.property(tree, (html) => {
        const root = body(`<main>${html}</main>`);
        expect(findByText(root, 'quantité', isQuantityLabel)).toEqual(
          byElementWalk(root, 'quantité', isQuantityLabel),
        );
        const startsWithQ = (text: string) => /^\s*q/i.test(text);
        expect(visibleTextNodesWhere(root, startsWithQ)).toEqual(
          textNodesByElementWalk(root).filter((node) => startsWithQ(node.nodeValue ?? '')),
        );
        const clickable = 'a, button, [role="button"], label';
        expect(visibleElementsMatching(root, clickable)).toEqual(
          visibleElements(root).filter((element) => element.matches(clickable)),
        );
      }),
      { numRuns: 300 },
    );
  });
});
