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
import {
  BIDI_KEPT,
  BIDI_REVERSED,
  BOXES,
  CONTROL_CASES,
  COPY,
  FAINT_CSS,
  FLIP_CSS,
  fullCellMarkup,
  HIDDEN_COPIES,
  LAYOUT_CASES,
  NEVER_PICKED,
  NEVER_SHOWN,
  POSITION_CASES,
  SCREEN_READER,
  SEEN_COPIES,
  SR_ONLY,
  TABLE_CASES,
  UNICODE_COUNTS,
  VISIBILITY_CHILD,
  VISIBILITY_CSS,
} from '../fixtures/rendering-cases';

afterEach(() => {
  document.head.innerHTML = '';
});

/** The card's block with `Licence full`'s count cell (and label) written as given; its reading. */
function readFull(cell: string, css = '', label = 'Licence full ⓘ', attributes = '', columns = ''): string {
  document.head.innerHTML = css ? `<style>${css}</style>` : '';
  mount(fullCellMarkup(cell, label, attributes, columns));
  const row = readLicenceBlock(document)?.rows.find((one) => one.label.startsWith('Licence full'));
  if (!row) return 'no row';
  return row.count ? `${row.count.active} / ${row.count.subscribed}` : (row.problem ?? '');
}

describe('bidi: digits the browser shows in another order than the text holds them', () => {
  // Checked in Chromium: each of these is shown `2 / 1` (or `02 / 21`), never `1 / 2`.
  it.each(BIDI_REVERSED)('%s: « non reconnu »', (_, cell) => {
    expect(readFull(cell, FLIP_CSS)).toBe('not-a-number');
  });

  it('a right-to-left mark in the label (same line) or dir="rtl" on the block: « non reconnu »', () => {
    expect(readFull('1 / 2', '', 'Licence full\u200F')).toBe('not-a-number');
    expect(readFull('1 / 2', '', 'Licence full', ' dir="rtl"')).toBe('not-a-number');
    expect(readFull('1 / 2', '.rtl td { direction: rtl; }', 'Licence full', ' class="rtl"')).toBe(
      'not-a-number',
    );
  });

  it.each(BIDI_KEPT)('%s does not reorder: read', (_, cell) => {
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

describe('text hidden from sight, text hidden from screen readers', () => {
  it.each(SCREEN_READER)('%s', (_, cell, expected) => {
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
  it.each(UNICODE_COUNTS)('%s', (_, cell, expected) => {
    expect(readFull(cell)).toBe(expected);
  });

  it.each(NEVER_PICKED)('%s: never one of the counts picked', (_, cell) => {
    expect(['ambiguous', 'missing']).toContain(readFull(cell, FAINT_CSS));
  });

  it.each(NEVER_SHOWN)('text never shown (%s) is not read', (_, cell) => {
    expect(readFull(cell)).toBe('1 / 2');
  });
});

describe('visually hidden copies beside the shown count', () => {
  it.each(HIDDEN_COPIES)('%s: the shown count is read', (_, css) => {
    expect(readFull(COPY, `.x { ${css} }`)).toBe('1 / 2');
  });

  // Each of these may still show the copy: both counts are then seen, and neither is picked.
  it.each(SEEN_COPIES)('%s: « non reconnu »', (_, css) => {
    expect(readFull(COPY, `.x { ${css} }`)).toBe('ambiguous');
  });

  it('an indented box whose child may set its own indent is not taken as hidden', () => {
    const css = '.x { display: block; text-indent: -9999px } .x b { display: block; text-indent: 0 }';
    expect(readFull('<span class="x"><b>3 / 4</b></span>1 / 2', css)).toBe('ambiguous');
  });
});

describe('visibility: a child shown inside a hidden parent', () => {
  const CSS = VISIBILITY_CSS;
  it.each(VISIBILITY_CHILD)('%s', (_, cell, expected) => {
    expect(readFull(cell, CSS)).toBe(expected);
  });

  it('a shown row inside a hidden table is read; a collapsed row is not, whatever its cells say', () => {
    expect(readFull('1 / 2', CSS.replace('.hid', 'table').replace('.vis', 'tr'))).toBe('1 / 2');
    const collapsed = 'tr + tr { visibility: collapse; } td { visibility: visible; }';
    expect(readFull('1 / 2', collapsed)).toBe('no row');
  });
});

describe('boxes that do not hide their content', () => {
  it.each(BOXES)('%s', (_, cell, expected) => {
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

describe.each([
  ['form controls in the row', CONTROL_CASES],
  ['boxes moved from where their text puts them', POSITION_CASES],
  ['table structures', TABLE_CASES],
] as const)('%s: the number the operator sees, or « non reconnu »', (_, table) => {
  it.each(table.map((one) => [one.name, one] as const))('%s', (_, one) => {
    expect(one.expected).toContain(
      readFull(one.cell, one.computed ?? one.css, undefined, undefined, one.columns),
    );
  });
});

describe('layout: parts of a count laid out in another order, boxes that show nothing', () => {
  it.each(LAYOUT_CASES.map((one) => [one.name, one] as const))('%s', (_, one) => {
    expect(one.expected).toContain(readFull(one.cell, one.computed ?? one.css));
  });
});

describe('property: a count split into boxes a layout reorders is never read as another number', () => {
  /** How the box holding the parts lays them out; `true`: the parts may be shown in another order. */
  const LAYOUTS_OF_PARTS: readonly (readonly [string, string, boolean])[] = [
    ['.f { display: inline-flex }', '', false],
    ['.f { display: inline-flex; flex-direction: row-reverse }', '', true],
    ['.f { display: flex; flex-direction: column-reverse }', '', true],
    ['.f { display: inline-flex; flex-wrap: wrap-reverse }', '', true],
    ['.f { display: inline-flex } .m { order: -1 }', 'm', true],
    ['.m { float: right }', 'm', true],
    ['.f span { float: left }', '', false],
    ['.m { position: absolute; left: 20px }', 'm', true],
    ['.m { position: relative; right: 8px }', 'm', true],
    ['.m { position: relative; top: -1px }', 'm', false],
    ['.m { display: inline-block; transform: matrix(1, 0, 0, 1, -20, 0) }', 'm', true],
    ['.m { display: inline-block; transform: matrix(1, 0, 0, 1, 0, 3) }', 'm', false],
    ['.f { display: inline-block; transform: matrix(-1, 0, 0, 1, 0, 0) }', '', true],
    // (On the parts: happy-dom does not inherit `writing-mode`; browsers do, see POSITION_CASES.)
    ['.f span { writing-mode: vertical-rl }', '', true],
  ];
  it('reads the count in order, « non reconnu » out of order', () => {
    fc.assert(
      fc.property(
        fc.nat(30),
        fc.nat(30),
        fc.nat(LAYOUTS_OF_PARTS.length - 1),
        fc.boolean(),
        (active, extra, which, before) => {
          const [css, marked, reordered] = LAYOUTS_OF_PARTS[which] as (typeof LAYOUTS_OF_PARTS)[number];
          const text = `${active} / ${active + extra}`;
          // Two parts, each holding a number (a box is a word boundary: a cut inside a number is doubt).
          const parts = before
            ? [`${active}`, ` / ${active + extra}`]
            : [`${active} / `, `${active + extra}`];
          const cell = `<span class="f">${parts
            .map((part, index) => `<span${index === 1 && marked ? ` class="${marked}"` : ''}>${part}</span>`)
            .join('')}</span>`;
          expect(readFull(cell, css)).toBe(reordered ? 'not-a-number' : text);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('property: a number a form control shows in the row is never read as the count', () => {
  const CONTROLS = [
    (n: string) => `<input readonly value="${n}">`,
    (n: string) => `<input type="number" value="${n}">`,
    (n: string) => `<input placeholder="${n}">`,
    (n: string) => `<select><option>${n}</option></select>`,
    (n: string) => `<textarea readonly>${n}</textarea>`,
  ];
  it('beside the count: ambiguous; instead of it: « non reconnu »', () => {
    fc.assert(
      fc.property(
        fc.nat(30),
        fc.nat(30),
        fc.constantFrom(...CONTROLS),
        fc.oneof(fc.nat(99).map(String), fc.constant('3 / 4')),
        fc.constantFrom('before', 'after', 'alone'),
        (active, extra, control, shown, where) => {
          const count = `${active} / ${active + extra}`;
          const cell =
            where === 'alone'
              ? control(shown)
              : where === 'before'
                ? `${control(shown)} ${count}`
                : `${count} ${control(shown)}`;
          expect(['ambiguous', 'not-a-number']).toContain(readFull(cell));
        },
      ),
      { numRuns: 60 },
    );
  });
});
