/**
 * What the operator sees against what the DOM holds: text hidden from sight but in the DOM, text shown
 * that the DOM lacks, and Unicode that changes what is shown (bidi reordering, other digit scripts,
 * invisible characters). Each count is read right, or « non reconnu » — never a different number.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { knownLicenceType, licenceLabelFromDialogTitle, sameLicence } from '../../../lib/portal/labels';
import { readLicenceBlock } from '../../../lib/portal/licence-block';
import { blockMarkup, cardRowMarkup, LAYOUTS, type Layout, mount } from '../fixtures/card';

afterEach(() => {
  document.head.innerHTML = '';
});

/** The card's block with `Licence full`'s count cell (and label) written as given; its reading. */
function readFull(cell: string, css = '', label = 'Licence full ⓘ', attributes = ''): string {
  document.head.innerHTML = css ? `<style>${css}</style>` : '';
  mount(`<div class="panel"><div class="panel-heading">Nombre de licences ⓘ</div>
    <table${attributes}><tbody><tr><td>Licence simple</td><td>1 / 1</td></tr>
    <tr><td>${label}</td><td>${cell}</td></tr></tbody></table></div>`);
  const row = readLicenceBlock(document)?.rows.find((one) => one.label.startsWith('Licence full'));
  if (!row) return 'no row';
  return row.count ? `${row.count.active} / ${row.count.subscribed}` : (row.problem ?? '');
}

describe('bidi: digits the browser shows in another order than the text holds them', () => {
  // Checked in Chromium: each of these is shown `2 / 1` (or `02 / 21`), never `1 / 2`.
  it.each([
    ['a right-to-left mark before the count', '\u200F1 / 2'],
    ['an Arabic letter mark', '\u061C1 / 2'],
    ['a right-to-left embedding', '\u202B1 / 2\u202C'],
    ['a right-to-left override', '\u202E12 / 20\u202C'],
    ['a right-to-left isolate', '\u20671 / 2\u2069'],
    ['a Hebrew word before the count', 'שרה 1 / 2'],
    ['an Arabic word after it (same cell)', '1 / 2 عدد'],
    ['a right-to-left mark in its own element', '<span>\u200F</span><span>1 / 2</span>'],
    ['dir="rtl" on the count', '<span dir="rtl">1 / 2</span>'],
    ['dir="RTL " on the count', '<span dir="RTL ">1 / 2</span>'],
    ['an inline direction', '<span style="direction: rtl">1 / 2</span>'],
    ['an override by a class', '<span class="flip">12 / 20</span>'],
  ])('%s: « non reconnu »', (_, cell) => {
    expect(readFull(cell, '.flip { unicode-bidi: bidi-override; direction: rtl; }')).toBe('not-a-number');
  });

  it('a right-to-left mark in the label (same line) or dir="rtl" on the block: « non reconnu »', () => {
    expect(readFull('1 / 2', '', 'Licence full\u200F')).toBe('not-a-number');
    expect(readFull('1 / 2', '', 'Licence full', ' dir="rtl"')).toBe('not-a-number');
    expect(readFull('1 / 2', '.rtl td { direction: rtl; }', 'Licence full', ' class="rtl"')).toBe(
      'not-a-number',
    );
  });

  it.each([
    ['a left-to-right mark', '\u200E1 / 2\u200E'],
    ['a left-to-right override', '\u202D1 / 2\u202C'],
    ['a first-strong isolate without right-to-left text', '\u20681 / 2\u2069'],
    ['dir="ltr" on the count', '<span dir="ltr">1 / 2</span>'],
    ['dir="auto"', '<span dir="auto">1 / 2</span>'],
  ])('%s does not reorder: read', (_, cell) => {
    expect(readFull(cell)).toBe('1 / 2');
  });
});

describe.each(LAYOUTS)('bidi in every layout (%s)', (layout: Layout) => {
  it('a right-to-left mark before one count makes that row « non reconnu », the others read', () => {
    const rows = cardRowMarkup().map((row) =>
      row.label.startsWith('Licence full ⓘ') ? { ...row, count: `\u200F${row.count}` } : row,
    );
    mount(blockMarkup(layout, rows));
    const read = readLicenceBlock(document)?.rows.map((row) => [row.label, row.problem ?? row.count?.active]);
    expect(read).toContainEqual(['Licence full', 'not-a-number']);
    expect(read).toContainEqual(['Licence simple', 1]);
    expect(read).toContainEqual(['Licence full avancée', 0]);
  });
});

/** The usual visually-hidden classes (Bootstrap 3's `sr-only`, the clip-path variant). */
const SR_ONLY = `.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0,0,0,0); border: 0; }
  .vh { position: absolute; clip-path: inset(50%); width: 1px; height: 1px; overflow: hidden; }
  .offscreen { position: absolute; left: -9999px; }`;

describe('text hidden from sight, text hidden from screen readers', () => {
  it.each([
    [
      'a count for the eyes only (aria-hidden), its words for screen readers',
      '<span aria-hidden="true">1 / 2</span><span class="sr-only">1 licence active sur 2</span>',
      '1 / 2',
    ],
    ['a count in aria-hidden alone', '<span aria-hidden="true">1 / 2</span>', '1 / 2'],
    [
      'a count in aria-hidden with an icon',
      '<span aria-hidden="true"><i class="fa"></i> 1 / 2</span>',
      '1 / 2',
    ],
    [
      'aria-hidden count beside another count moved off screen',
      '<span aria-hidden="true">3 / 4</span><span class="offscreen">1 / 2</span>',
      '3 / 4',
    ],
    [
      'a screen-reader duplicate (sr-only)',
      '<span class="sr-only">3 licences actives sur 4</span>1 / 2',
      '1 / 2',
    ],
    ['a screen-reader duplicate (clip-path)', '<span class="vh">3 / 4</span>1 / 2', '1 / 2'],
    ['an icon hidden by aria-hidden', '<span aria-hidden="true">ⓘ</span> 1 / 2', '1 / 2'],
  ])('%s', (_, cell, expected) => {
    expect(readFull(cell, SR_ONLY)).toBe(expected);
  });
});

describe('text a stylesheet shows that the DOM lacks (::before / ::after content)', () => {
  /**
   * happy-dom computes no pseudo-element style: what Chromium answers (quoted strings, `attr()`
   * resolved, a counter as written) is given here by class.
   */
  const GENERATED: Record<string, [string, string]> = {
    one: ['"1"', 'none'],
    zero: ['none', '"0"'],
    count: ['"1 / 2"', 'none'],
    counter: ['counter(row) ". "', 'none'],
    icon: ['"\\uf05a"', 'none'],
    clearfix: ['" "', '" "'],
  };
  afterEach(() => vi.restoreAllMocks());

  function stubPseudoStyles(): void {
    const real = window.getComputedStyle.bind(window);
    vi.spyOn(window, 'getComputedStyle').mockImplementation((element, pseudo) => {
      if (!pseudo) return real(element);
      const generated = GENERATED[element.className];
      const content = generated ? generated[pseudo === '::before' ? 0 : 1] : 'none';
      return { content, display: 'inline' } as CSSStyleDeclaration;
    });
  }

  it.each([
    ['a digit before the count is part of what is shown', '<span class="one">0 / 12</span>', '10 / 12'],
    ['a digit after the count is part of what is shown', '<span class="zero">2 / 3</span>', '2 / 30'],
    ['the whole count given by the stylesheet', '<span class="count"></span>', '1 / 2'],
    [
      'a counter before the count (a number the text lacks)',
      '<span class="counter">2 / 3</span>',
      'ambiguous',
    ],
    ['a counter glued to the count', '<span class="counter"></span>2 / 3', 'ambiguous'],
    ['a counter as the only count', '<span class="counter"></span>', 'not-a-number'],
    ['an icon font glyph', '<i class="icon"></i> 1 / 2', '1 / 2'],
    ['a clearfix', '<div class="clearfix">1 / 2</div>', '1 / 2'],
  ])('%s', (_, cell, expected) => {
    stubPseudoStyles();
    expect(readFull(cell, '.any { color: black; }')).toBe(expected);
  });

  it('a label with generated quotes and icon still reads its count', () => {
    stubPseudoStyles();
    expect(readFull('1 / 2', '.any { color: black; }', 'Licence full <i class="icon"></i>')).toBe('1 / 2');
  });
});

describe('Unicode in the count: read right, or « non reconnu »', () => {
  it.each([
    ['non-breaking spaces', '1\u00A0/\u00A02', '1 / 2'],
    ['narrow non-breaking spaces', '1\u202F/\u202F2', '1 / 2'],
    ['thin spaces', '1\u2009/\u20092', '1 / 2'],
    ['a zero-width space inside a number (shown 12)', '1\u200B2 / 20', '12 / 20'],
    ['a soft hyphen inside a number (shown 20)', '1 / 2\u00AD0', '1 / 20'],
    ['a zero-width joiner', '1\u200D / 2', '1 / 2'],
    ['a left-to-right mark', '\u200E1 / 2', '1 / 2'],
    ['a BOM', '\uFEFF1 / 2', '1 / 2'],
    ['leading zeros, spaced', '01 / 02', '1 / 2'],
    ['full-width digits', '１ / ２', 'not-a-number'],
    ['one full-width digit', '1 / ２', 'not-a-number'],
    ['Arabic-Indic digits', '١ / ٢', 'not-a-number'],
    ['Devanagari digits', '१ / २', 'not-a-number'],
    ['mathematical bold digits', '𝟏 / 𝟐', 'not-a-number'],
    ['a superscript', '1 / 2²', 'not-a-number'],
    ['a fraction slash', '1\u20442', 'not-a-number'],
    ['a division slash', '1 \u2215 2', 'not-a-number'],
    ['a full-width solidus', '1 \uFF0F 2', 'not-a-number'],
    ['words: sur', '1 sur 2', 'not-a-number'],
    ['words: de', '1 de 2', 'not-a-number'],
    ['a vulgar fraction', '½', 'missing'],
    ['a combining mark on a digit', '1\u0301 / 2', 'not-a-number'],
    ['an enclosing mark', '1 / 2\u20DD', 'not-a-number'],
    ['a minus sign', '\u22121 / 2', 'negative'],
    ['beyond 2^53', '1 / 99999999999999999999', 'not-a-number'],
    ['circled digits', '① / ②', 'missing'],
  ])('%s', (_, cell, expected) => {
    expect(readFull(cell)).toBe(expected);
  });

  it.each([
    ['a struck-out old count (del)', '<del>1 / 2</del> 2 / 3'],
    ['a struck-out old count (s)', '<s>1 / 2</s> 2 / 3'],
    ['a struck-out old count (css)', '<span class="struck">1 / 2</span> 2 / 3'],
    ['a copy in a transparent colour', '<span class="ghost">3 / 4</span>1 / 2'],
    ['a copy with opacity 0', '<span class="faded">3 / 4</span>1 / 2'],
    ['a copy in font-size 0', '<span class="tiny">3 / 4</span>1 / 2'],
  ])('%s: never one of the counts picked', (_, cell) => {
    const css = `.struck { text-decoration: line-through; } .ghost { color: transparent; } .faded { opacity: 0; }
      .tiny { font-size: 0; } .hid { visibility: hidden; } .vis { visibility: visible; }`;
    expect(['ambiguous', 'missing']).toContain(readFull(cell, css));
  });

  it.each([
    ['a script', '<script>var a = "3 / 4";</script>1 / 2'],
    ['a style', '<style>.x { width: 3px }</style>1 / 2'],
    ['a template', '<template>3 / 4</template>1 / 2'],
    ['a noscript', '<noscript>3 / 4</noscript>1 / 2'],
    ['a comment', '<!-- 3 / 4 -->1 / 2'],
    ['the hidden attribute', '<span hidden>3 / 4</span>1 / 2'],
    ["an SVG icon's title", '<svg><title>3 / 4</title></svg>1 / 2'],
    ["an abbreviation's title", '<abbr title="3 / 4">1 / 2</abbr>'],
  ])('text never shown (%s) is not read', (_, cell) => {
    expect(readFull(cell)).toBe('1 / 2');
  });
});

/** A hidden copy `3 / 4` before the shown count `1 / 2`, hidden as written by `css` on `.x`. */
const COPY = '<span class="x">3 / 4</span>1 / 2';

describe('visually hidden copies beside the shown count', () => {
  it.each([
    ['moved off screen (left)', 'position: absolute; left: -9999px'],
    ['moved off screen (top)', 'position: absolute; top: -10000px'],
    ['moved off screen (fixed)', 'position: fixed; left: -9999px; top: 0'],
    ['moved off screen, sized', 'position: absolute; left: -9999px; width: 100px; padding: 0 4px'],
    // Browsers compute `translateX(-9999px)` as this matrix (happy-dom keeps the function as written).
    ['translated away', 'display: inline-block; transform: matrix(1, 0, 0, 1, -9999, 0)'],
    ['translated up', 'display: block; transform: matrix(1, 0, 0, 1, 0, -9999)'],
    ['pushed away by its margin', 'display: inline-block; margin-left: -9999px'],
    ['indented out of its box', 'display: block; text-indent: -9999px'],
    [
      'indented out of its box (overflow hidden)',
      'display: inline-block; text-indent: -9999px; overflow: hidden',
    ],
    ['clip rect(1px, 1px, 1px, 1px)', 'position: absolute; clip: rect(1px, 1px, 1px, 1px)'],
    // (happy-dom drops a rect() written with spaces; browsers compute it with commas.)
    ['clip rect(0, 0, 0, 0)', 'position: fixed; clip: rect(0, 0, 0, 0)'],
    ['clip-path inset(50%)', 'clip-path: inset(50%)'],
    ['clip-path inset(0 50%)', 'clip-path: inset(0 50%)'],
    ['clip-path inset(100%)', 'clip-path: inset(100%)'],
    ['a 1px box that clips', 'display: block; width: 1px; height: 1px; overflow: hidden'],
    ['a 1px positioned box that clips', 'position: absolute; width: 1px; height: 1px; overflow: hidden'],
    ['content-visibility hidden', 'display: block; content-visibility: hidden'],
  ])('%s: the shown count is read', (_, css) => {
    expect(readFull(COPY, `.x { ${css} }`)).toBe('1 / 2');
  });

  // Each of these may still show the copy: both counts are then seen, and neither is picked.
  it.each([
    ['moved only a little', 'position: absolute; left: -500px'],
    ['moved, then stretched back by its right offset', 'position: absolute; left: -9999px; right: 0'],
    ['moved, but too wide to leave', 'position: absolute; left: -9999px; width: 12000px'],
    ['an offset without positioning', 'left: -9999px'],
    ['moved and brought back by a transform', 'position: absolute; left: -9999px; transform: scale(2)'],
    ['moved and brought back by translate', 'position: absolute; left: -9999px; translate: 9999px'],
    [
      'moved and brought back by a matrix',
      'position: absolute; left: -9999px; transform: matrix(1, 0, 0, 1, 9999, 0)',
    ],
    ['translated and scaled', 'display: block; transform: matrix(2, 0, 0, 2, -9999, 0)'],
    ['a transform on an inline box (it ignores it)', 'transform: matrix(1, 0, 0, 1, -9999, 0)'],
    ['moved to the right', 'position: absolute; left: 9999px'],
    ['a clip on a box that is not positioned', 'clip: rect(0, 0, 0, 0)'],
    ['a clip leaving a box', 'position: absolute; clip: rect(0, 40px, 20px, 0)'],
    ['clip-path inset(50% 0 0 0): the bottom half shows', 'clip-path: inset(50% 0 0 0)'],
    ['an inline box (it ignores its size)', 'width: 1px; height: 1px; overflow: hidden'],
    ['a 1px box with padding', 'display: block; width: 1px; height: 1px; overflow: hidden; padding: 8px'],
    ['a 1px box with a minimum size', 'display: block; height: 1px; min-height: 20px; overflow: hidden'],
    ['a 1px box that does not clip', 'display: block; width: 1px; height: 1px'],
    ['an indent on an inline box', 'text-indent: -9999px'],
    ['an indent on right-aligned text', 'display: block; text-indent: -9999px; text-align: right'],
    ['an indent on right-to-left text', 'display: block; text-indent: -9999px; direction: rtl'],
    ['an indent in preformatted text', 'display: block; text-indent: -9999px; white-space: pre-line'],
    ['an indent in a sized unit', 'display: block; text-indent: -50%'],
  ])('%s: « non reconnu »', (_, css) => {
    expect(readFull(COPY, `.x { ${css} }`)).toBe('ambiguous');
  });

  it('an indented box whose child may set its own indent is not taken as hidden', () => {
    const css = '.x { display: block; text-indent: -9999px } .x b { display: block; text-indent: 0 }';
    expect(readFull('<span class="x"><b>3 / 4</b></span>1 / 2', css)).toBe('ambiguous');
  });
});

describe('visibility: a child shown inside a hidden parent', () => {
  const CSS = '.hid { visibility: hidden; } .vis { visibility: visible; }';
  it.each([
    ['a shown count inside a hidden box', '<span class="hid">3 / 4 <b class="vis">1 / 2</b></span>', '1 / 2'],
    [
      'a shown count in a hidden cell (inline styles)',
      '<span style="visibility: hidden">3 / 4 <b style="visibility: visible">1 / 2</b></span>',
      '1 / 2',
    ],
    [
      'the only count, shown inside a hidden box',
      '<div class="hid"><span class="vis">1 / 2</span></div>',
      '1 / 2',
    ],
    ['a hidden count inside a shown box', '<span class="vis">1 / 2 <b class="hid">3 / 4</b></span>', '1 / 2'],
    ['a child that inherits the hidden', '<span class="hid"><b>3 / 4</b></span>1 / 2', '1 / 2'],
    [
      'a child that inherits the hidden (inline styles)',
      '<span style="visibility: hidden"><b>3 / 4</b></span>1 / 2',
      '1 / 2',
    ],
    ['everything hidden', '<span class="hid"><b>1 / 2</b></span>', 'missing'],
    [
      'a display:none box hides even a shown child',
      '<span style="display: none"><b class="vis">3 / 4</b></span>1 / 2',
      '1 / 2',
    ],
  ])('%s', (_, cell, expected) => {
    expect(readFull(cell, CSS)).toBe(expected);
  });

  it('a shown row inside a hidden table is read; a collapsed row is not, whatever its cells say', () => {
    expect(readFull('1 / 2', CSS.replace('.hid', 'table').replace('.vis', 'tr'))).toBe('1 / 2');
    const collapsed = 'tr + tr { visibility: collapse; } td { visibility: visible; }';
    expect(readFull('1 / 2', collapsed)).toBe('no row');
  });
});

describe('boxes that do not hide their content', () => {
  it.each([
    ['display: contents', '<span style="display: contents">1 / 2</span>', '1 / 2'],
    ['inert', '<span inert>1 / 2</span>', '1 / 2'],
    ['a closed details', '<details><summary>Voir</summary>1 / 2</details>', 'missing'],
    ['an open details', '<details open><summary>Voir</summary>1 / 2</details>', '1 / 2'],
  ])('%s', (_, cell, expected) => {
    expect(readFull(cell)).toBe(expected);
  });
});

describe('labels written with compatibility characters', () => {
  it.each([
    ['full-width letters', 'Ｌｉｃｅｎｃｅ ｆｕｌｌ', '1 / 2', { active: 1, subscribed: 2 }],
    ['mathematical letters', '𝐋𝐢𝐜𝐞𝐧𝐜𝐞 full', '1 / 2', { active: 1, subscribed: 2 }],
    ['a full-width colon', 'Licence full：', '1 / 2', { active: 1, subscribed: 2 }],
    ['full-width digits in the count stay unread', 'Ｌｉｃｅｎｃｅ ｆｕｌｌ', '１ / ２', null],
  ])('%s: the row is the known licence', (_, label, count, expected) => {
    mount(`<div class="panel"><div class="panel-heading">Ｎｏｍｂｒｅ de licences</div>
      <table><tbody><tr><td>${label}</td><td>${count}</td></tr></tbody></table></div>`);
    const rows = readLicenceBlock(document)?.rows ?? [];
    expect(rows.map((row) => [knownLicenceType(row.label), row.count])).toEqual([['Licence full', expected]]);
  });

  it('a ligature in a label names the same licence as the plain letters', () => {
    expect(sameLicence('Licence con\uFB01g', 'licence config')).toBe(true);
    expect(licenceLabelFromDialogTitle('Résiliation ｌｉｃｅｎｃｅ ﬀ')).toBe('Licence ff');
  });
});

/** Digit forms a portal could print: only ASCII digits are read. */
const DIGIT_FORMS: ((digit: number) => string)[] = [
  (digit) => String(digit),
  (digit) => String.fromCodePoint(0xff10 + digit), // full width
  (digit) => String.fromCodePoint(0x0660 + digit), // Arabic-Indic
  (digit) => String.fromCodePoint(0x0966 + digit), // Devanagari
  (digit) => String.fromCodePoint(0x1d7ce + digit), // mathematical bold
  (digit) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[digit] ?? '',
];
const SEPARATORS = [' / ', '/', '\u00A0/\u00A0', ' \u2044 ', '\u2215', ' \uFF0F ', ' sur ', ' de '];
const INVISIBLES = [
  '',
  '\u200B',
  '\u200C',
  '\u200D',
  '\uFEFF',
  '\u00AD',
  '\u2060',
  '\u200E',
  '\u200F',
  '\u202E',
];

/** An index below `length`, the first (the plain form) half of the time: hazards mixed into readable counts. */
const mostlyFirst = (length: number) => fc.nat(length * 2 - 1).map((index) => (index < length ? index : 0));

describe('property: hostile Unicode never turns a count into another number', () => {
  it('reads exactly A / S, or « non reconnu »', () => {
    fc.assert(
      fc.property(
        fc.nat(40),
        fc.nat(40),
        fc.array(mostlyFirst(DIGIT_FORMS.length), { minLength: 4, maxLength: 4 }),
        mostlyFirst(SEPARATORS.length),
        fc.array(fc.tuple(fc.nat(12), fc.nat(INVISIBLES.length - 1)), { maxLength: 3 }),
        (a, b, forms, separator, inserts) => {
          const [active, subscribed] = [Math.min(a, b), Math.max(a, b)];
          let form = 0;
          const write = (value: number) =>
            Array.from(String(value), (digit) =>
              (DIGIT_FORMS[forms[form++ % 4] ?? 0] ?? String)(Number(digit)),
            ).join('');
          let cell = `${write(active)}${SEPARATORS[separator]}${write(subscribed)}`;
          for (const [at, which] of inserts) {
            const chars = Array.from(cell);
            chars.splice(at % (chars.length + 1), 0, INVISIBLES[which] ?? '');
            cell = chars.join('');
          }
          const read = readFull(cell);
          // A right-to-left mark or override may show the digits in another order: never read.
          if (/[\u200F\u202E]/.test(cell)) expect(read).not.toMatch(/^\d/);
          if (/^\d+ \/ \d+$/.test(read)) expect(read).toBe(`${active} / ${subscribed}`);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('generated text without a digit', () => {
  afterEach(() => vi.restoreAllMocks());

  it('an info icon drawn by ::before (content: "i") stays out of the label', () => {
    const real = window.getComputedStyle.bind(window);
    vi.spyOn(window, 'getComputedStyle').mockImplementation((element, pseudo) =>
      pseudo
        ? ({
            content: element.className === 'info-icon' && pseudo === '::before' ? '"i"' : 'none',
            display: 'inline',
          } as CSSStyleDeclaration)
        : real(element),
    );
    document.head.innerHTML = '<style>.any { color: black; }</style>';
    mount(`<div class="panel"><div class="panel-heading">Nombre de licences</div><table><tbody>
      <tr><td>Licence full <span class="info-icon"></span></td><td>1 / 2</td></tr></tbody></table></div>`);
    expect(readLicenceBlock(document)?.rows.map((row) => [row.label, row.count])).toEqual([
      ['Licence full', { active: 1, subscribed: 2 }],
    ]);
  });
});
