import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, normaliseText } from '../../../lib/portal/text';
import { isHidden, visibleText } from '../../../lib/portal/visibility';

function element(html: string): HTMLElement {
  document.body.innerHTML = `<div id="subject">${html}</div>`;
  return document.getElementById('subject') as HTMLElement;
}

describe('normaliseText', () => {
  it.each([
    ['Licence\u00A0full', 'Licence full'],
    ['Licence\u202Ffull', 'Licence full'],
    ['  Licence \n\t full  ', 'Licence full'],
    ['Lic\u200Bence full', 'Licence full'],
    ['Licence full ⓘ', 'Licence full'],
    ['Licence full ℹ️', 'Licence full'],
    ['Licence full \uE86F', 'Licence full'],
    ['Licence full 🔒', 'Licence full'],
    ['1\u00A0/\u00A02', '1 / 2'],
    // Bidi marks, embeddings, overrides and isolates are as invisible as zero-width spaces.
    ['Licence\u200E full\u200F', 'Licence full'],
    ['\u202BLicence full\u202C', 'Licence full'],
    ['\u202DLic\u202Eence\u202C full', 'Licence full'],
    ['\u2066Licence\u2069 \u2067full\u2069 \u2068ⓘ\u2069', 'Licence full'],
    ['Lic\u061Cence full', 'Licence full'],
    // Digit groups: joined only after a digit, before exactly three digits, with a non-breaking kind of space.
    ['1\u00A0234', '1234'],
    ['12\u202F345\u202F678', '12345678'],
    ['1 234', '1 234'],
    ['1\u00A023', '1 23'],
    ['1\u00A02345', '1 2345'],
    ['full\u00A0123', 'full 123'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });
});

describe('foldText', () => {
  it('ignores case, accents, icons, spacing and a trailing colon', () => {
    expect(foldText('  Quantité  ACTIVE ⓘ : ')).toBe('quantite active');
    expect(foldText('Licence full avancée')).toBe(foldText('LICENCE FULL AVANCEE'));
  });

  it.each([
    ['Licence \uFB00ull', 'licence ffull'],
    ['Licence full con\uFB01g', 'licence full config'],
    ['Ｌｉｃｅｎｃｅ ｆｕｌｌ', 'licence full'],
    ['𝐋𝐢𝐜𝐞𝐧𝐜𝐞 full', 'licence full'],
    ['Quantité active：', 'quantite active'],
    ['Ｑｕａｎｔｉｔé à résilier', 'quantite a resilier'],
    // Numbers keep their own characters: a full-width or superscript digit is not an ASCII one.
    ['Licence T２', 'licence t２'],
    ['Licence T²', 'licence t²'],
    ['½', '½'],
    ['Licence Ⅱ', 'licence ⅱ'],
    ['\u33E0', '\u33E0'],
    ['１ / ２', '１ / ２'],
  ])('folds compatibility characters in labels: %j → %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  /** Characters whose compatibility form is, or holds, a number, a space or letters. */
  const TRICKY = [
    'Ⅱ',
    'ⅱ',
    '１',
    '²',
    '½',
    '①',
    '⑴',
    '⒈',
    '㏠',
    '𝟏',
    '٣',
    'ﬁ',
    'Ｌ',
    '𝐋',
    '¨',
    '℡',
    '㎏',
    ' ',
  ];

  it('property: folding never changes, adds or removes a number character', () => {
    const numbers = (text: string) => Array.from(text).filter((char) => /\p{N}/u.test(char));
    fc.assert(
      fc.property(
        fc.string({ unit: fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary' })) }),
        (text) => {
          expect(numbers(foldText(text))).toEqual(numbers(normaliseText(text).toLowerCase()));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('visibleText', () => {
  it('separates cells but not formatting', () => {
    expect(visibleText(element('<b>Lic</b>ence <i>full</i><span>1 / 2</span>'))).toBe('Licence full 1 / 2');
    expect(visibleText(element('<div>full</div><div>1 / 2</div>'))).toBe('full 1 / 2');
  });

  it.each([
    ['1 / 2<sup>1</sup>', '1 / 2 1'],
    ['1<sub>0</sub> / 2', '1 0 / 2'],
    ['1 / 2<small>0</small>', '1 / 2 0'],
    ['1 / <mark>1</mark>2', '1 / 1 2'],
    ['<b><i>1</i></b>2', '1 2'],
    ['1 / 2\u00A0<small>100</small>', '1 / 2 100'],
    ['1 / <b>2</b>\u202F100', '1 / 2 100'],
    ['1 / 2\u00A0100', '1 / 2100'],
    ['<b>1</b> / <b>2</b>', '1 / 2'],
    ['1 / 2<sup>*</sup>', '1 / 2*'],
    ['<b>Lic</b>ence 2<sup>e</sup>', 'Licence 2e'],
  ])('keeps digits apart across inline formatting: %j reads %j', (html, text) => {
    expect(visibleText(element(html))).toBe(text);
  });

  it('skips scripts, styles, templates, hidden, aria-hidden, tooltips and our own elements', () => {
    const html = [
      'Licence full',
      '<script>var x = "1 / 2";</script>',
      '<style>.a{}</style>',
      '<template>3 / 4</template>',
      '<span hidden>5 / 6</span>',
      '<i aria-hidden="true">›</i>',
      '<div role="tooltip">Licences actives / souscrites</div>',
      '<span style="display: none">8 / 9</span>',
      '<mla-licence data-state="terminable">1 à résilier</mla-licence>',
      '<svg><text>9</text></svg>',
      '<details><div>Licence cachée 3 / 4</div></details>',
    ].join('');
    expect(visibleText(element(html))).toBe('Licence full');
  });

  it('leaves out excluded subtrees', () => {
    const root = element('<span id="label">Licence full</span><span>1 / 2</span>');
    const label = root.querySelector('#label') as HTMLElement;
    expect(visibleText(root, new Set([label]))).toBe('1 / 2');
  });
});

describe('isHidden', () => {
  it('sees hidden ancestors, aria-hidden roots, closed <dialog> and inline display:none', () => {
    const root = element(
      '<div style="display:none"><p id="a">x</p></div><div aria-hidden="true" id="b">y</div><dialog id="c">z</dialog><dialog open id="d">w</dialog><p id="e">v</p>',
    );
    const byId = (id: string) => root.querySelector(`#${id}`) as HTMLElement;
    expect(isHidden(byId('a'))).toBe(true);
    expect(isHidden(byId('b'))).toBe(true);
    expect(isHidden(byId('c'))).toBe(true);
    expect(isHidden(byId('d'))).toBe(false);
    expect(isHidden(byId('e'))).toBe(false);
  });
});

describe('foldText remembers what it folded', () => {
  it('gives the same answer the first time, again, and after its memory was emptied', () => {
    const first = foldText('Quantité  active :');
    expect(first).toBe('quantite active');
    expect(foldText('Quantité  active :')).toBe(first);
    for (let index = 0; index < 2100; index += 1) foldText(`Licence ${index}`);
    expect(foldText('Quantité  active :')).toBe(first);
    expect(foldText('Licence 7')).toBe('licence 7');
  });
});
