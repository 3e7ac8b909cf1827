/**
 * What the operator can see, and the text of it. A page hides things in many ways: attributes
 * (`hidden`, `aria-hidden` on an icon), inline styles, and stylesheet classes (a closed modal, a
 * template row, a stale copy of a block kept for a script) that only the browser's computed style
 * shows. Every reader decides what is shown here, so that none of them reads a block the operator
 * does not see.
 */
import { normaliseText } from './text';

/** Elements whose content is never shown as text. */
const NEVER_TEXT = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'SELECT',
  'TEXTAREA',
  'SVG',
  'svg',
  // A bar is drawn: the fallback text inside is not shown by a browser that draws it.
  'PROGRESS',
  'METER',
]);

/** Input types that draw no text of their value (a box, a slider, a swatch) or nothing at all. */
const NO_TEXT_INPUT = /^(?:hidden|checkbox|radio|range|color|file|image)$/;

/**
 * What a form control shows as text: an input's value (or its placeholder when empty), a list's
 * chosen option, a text area's text. With a digit it is a number the operator sees beside or instead
 * of the count, which the page can change or the operator type: never read as the count
 * (`UNREADABLE`: the count beside it is `ambiguous`, alone `not-a-number`).
 */
function controlText(element: Element): string {
  const tag = element.tagName;
  let shown = '';
  if (tag === 'INPUT') {
    const input = element as HTMLInputElement;
    shown = NO_TEXT_INPUT.test(input.type) ? '' : input.value || input.placeholder;
  } else if (tag === 'TEXTAREA')
    shown = (element as HTMLTextAreaElement).value || element.getAttribute('placeholder') || '';
  else if (tag === 'SELECT')
    shown = Array.from((element as HTMLSelectElement).selectedOptions ?? [], (one) => one.text).join(' ');
  return /\p{Nd}/u.test(shown) ? UNREADABLE : '';
}
const CONTROLS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * Text-formatting elements that do not separate words: `<b>Lic</b>ence` reads `Licence`. Every other
 * element (cells, divs, spans used as grid cells…) is treated as a word boundary, so two adjacent cells
 * never glue into one token (`full` + `1 / 2` must not read `full1 / 2`).
 */
export const INLINE_FORMATTING: ReadonlySet<string> = new Set([
  'B',
  'I',
  'EM',
  'STRONG',
  'U',
  'S',
  'SMALL',
  'MARK',
  'ABBR',
  'FONT',
  'SUP',
  'SUB',
  'BIG',
  'TT',
]);

/** Our own custom elements (`mla-licence`, `mla-summary`, …): never part of what the portal says. */
export function isOwnElement(element: Element): boolean {
  return element.localName.startsWith('mla-');
}

/**
 * Small enough to be an icon or a decoration rather than a part of the page, and showing no digit:
 * `aria-hidden` hides from screen readers only, and a count shown that way (next to its screen-reader
 * text) is what the operator sees.
 */
function isDecoration(element: Element): boolean {
  const text = element.textContent ?? '';
  return (
    element.childElementCount <= 2 && text.trim().length <= MAX_DECORATION_LENGTH && !/\p{Nd}/u.test(text)
  );
}
const MAX_DECORATION_LENGTH = 16;

/**
 * Whether this element (on its own, not its ancestors) hides its content as far as the markup says:
 * `hidden`, `aria-hidden="true"` on a decoration, inline `display:none` / `visibility:hidden`,
 * tooltips/popovers (Bootstrap inserts them inside the very cells we read, on hover). Cheap: no
 * computed style (see `isHiddenElement` for what the operator really sees).
 */
export function hidesItsContent(element: Element): boolean {
  return NEVER_TEXT.has(element.tagName) || markupHides(element);
}

/** `hidesItsContent` but for the elements whose content is never text (a control still shows its value). */
function markupHides(element: Element): boolean {
  if (isOwnElement(element) || skipped?.has(element) || element.hasAttribute('hidden')) return true;
  // `aria-hidden` hides from screen readers, not from sight: it marks decorative icons (skipped), but
  // modal libraries also set it on the whole page behind a dialog, which must still be read.
  if (element.getAttribute('aria-hidden') === 'true' && isDecoration(element)) return true;
  if (element.getAttribute('role') === 'tooltip') return true;
  // A popover not shown: the browser's own stylesheet hides it (even on a page without any stylesheet).
  if (element.hasAttribute('popover') && !popoverOpen(element)) return true;
  // A closed `<details>` shows its summary only (a collapsed box; its children's style does not say so).
  const parent = element.parentElement;
  if (parent?.tagName === 'DETAILS' && !parent.hasAttribute('open') && element.tagName !== 'SUMMARY')
    return true;
  // Reading the attribute first: building a style object for every element is slow on big pages.
  // (`visibility` hides the element's own text only: a child may show itself, see `styleState`.)
  const inline = element.getAttribute('style');
  return !!inline && /none/i.test(inline) && (element as HTMLElement).style?.display === 'none';
}

/** Whether a popover is shown; a browser that cannot say has not shown it. */
function popoverOpen(element: Element): boolean {
  try {
    return element.matches(':popover-open');
  } catch {
    return false;
  }
}

/**
 * The `visibility` inline styles give an element (it is inherited): the nearest one set, from the
 * element up. Only asked where no stylesheet can set it.
 */
function inlineVisibility(element: Element): string {
  // Within a read, a page with no inline `visibility` at all (most) is not walked up for every element.
  if (styleAnswers) {
    inlineVisibilityInRead ??= Array.from(element.ownerDocument.querySelectorAll('[style]')).some((styled) =>
      /visibility/i.test(styled.getAttribute('style') ?? ''),
    );
    if (!inlineVisibilityInRead) return 'visible';
  }
  for (let current: Element | null = element; current; current = current.parentElement) {
    const value = /visibility/i.test(current.getAttribute('style') ?? '')
      ? (current as HTMLElement).style?.visibility
      : '';
    if (value && !/inherit|unset/.test(value)) return value;
  }
  return 'visible';
}

/** How an element's own style shows it: shown, its own text hidden (`visibility`), all of it hidden. */
const SHOWN = 0;
const SELF = 1;
const ALL = 2;
type StyleState = typeof SHOWN | typeof SELF | typeof ALL;

/**
 * Computed styles asked during one read, by element: a read asks about the same cells many times
 * (their text, then their row's), and a style answer cannot change while a read runs (it is synchronous).
 */
let styleAnswers: Map<Element, StyleState> | null = null;
/** Whether any element of the page says `visibility` in its inline style, asked once per read. */
let inlineVisibilityInRead: boolean | undefined;
/** What `::before` / `::after` show, by element, during one read (see `generatedText`). */
let generatedInRead: Map<Element, readonly [string, string]> | null = null;
/** Markup and style together, by element, during one read (a read walks the same cells many times). */
let contentInRead: Map<Element, StyleState> | null = null;
/** Each table's collapsed columns (`null`: none, or not judged), during one read. */
let collapsedInRead: Map<Element, boolean[] | null> | null = null;
/**
 * Whole-node visible texts during one read (a row's cells are read for its label, its count, its
 * buttons, then the row again), for the boxes `readWithout` skipped when they were read.
 */
let textInRead: Map<Node, string> | null = null;
let textSkipped: ReadonlySet<Element> | null = null;

/**
 * Runs one read with its style answers remembered (nested reads share them). Outside a read, every
 * question asks the browser again: nothing stale survives a page change.
 */
export function oneRead<T>(read: () => T): T {
  if (styleAnswers) return read();
  styleAnswers = new Map();
  generatedInRead = new Map();
  contentInRead = new Map();
  collapsedInRead = new Map();
  textInRead = new Map();
  try {
    return read();
  } finally {
    styleAnswers = null;
    generatedInRead = null;
    contentInRead = null;
    collapsedInRead = null;
    textInRead = null;
    inlineVisibilityInRead = undefined;
  }
}

/**
 * Whether the browser's computed style hides this element's own content: `display:none`,
 * `visibility:hidden|collapse`, the visually-hidden idioms (see `visuallyHidden`).
 */
export function hiddenByStyle(element: Element): boolean {
  return styleState(element) !== SHOWN;
}

/**
 * Boxes read as holding no text while `readWithout` runs (a termination form opened inside the licence
 * block is no part of it). Asked before the per-read cache, which a read without them may share.
 */
let skipped: ReadonlySet<Element> | null = null;

/** Runs `read` with `boxes` (and what they hold) read as hidden. */
export function readWithout<T>(boxes: ReadonlySet<Element>, read: () => T): T {
  const before = skipped;
  skipped = boxes.size > 0 ? boxes : before;
  try {
    return read();
  } finally {
    skipped = before;
  }
}

/** How an element shows its content, markup first (cheap), then style. */
function contentState(element: Element): StyleState {
  if (skipped?.has(element)) return ALL;
  let state = contentInRead?.get(element);
  if (state === undefined) {
    state = hidesItsContent(element) ? ALL : styleState(element);
    contentInRead?.set(element, state);
  }
  return state;
}

function styleState(element: Element): StyleState {
  const remembered = styleAnswers?.get(element);
  if (remembered !== undefined) return remembered;
  const answer = computeStyleState(element);
  styleAnswers?.set(element, answer);
  return answer;
}

/**
 * Without any stylesheet and without an inline style only an ancestor's inline `visibility` can hide
 * the element, and the style is not computed: happy-dom, and big pages, compute it slowly. happy-dom
 * has no layout: there, sizes and offsets are only seen when a style sets them.
 */
function computeStyleState(element: Element): StyleState {
  const { defaultView, styleSheets } = element.ownerDocument;
  // A parsed document (the audit's) has no window: its inline styles still say what they hide.
  if (!defaultView) return /hidden|collapse/.test(inlineVisibility(element)) ? SELF : SHOWN;
  const own = styleSheets.length === 0 && !element.hasAttribute('style');
  const style = own ? null : defaultView.getComputedStyle(element);
  if (style && (style.display === 'none' || visuallyHidden(element, style))) return ALL;
  if (
    (element.tagName === 'TD' || element.tagName === 'TH') &&
    inCollapsedColumn(element as HTMLTableCellElement)
  )
    return ALL;
  if (!/hidden|collapse/.test(style ? style.visibility : inlineVisibility(element))) return SHOWN;
  // A collapsed table row (or column, or group) is removed with its cells, whatever their style.
  return style && /collapse/.test(style.visibility) && /^table-[rc]/.test(style.display) ? ALL : SELF;
}

/**
 * A cell of a column collapsed by its `<col>` (`visibility: collapse`): the browser removes the column
 * with its cells. The cell's column is counted from the cells before it in its row; a table whose
 * cells span rows is not judged (the count could be wrong): its cells are taken as shown.
 */
function inCollapsedColumn(cell: HTMLTableCellElement): boolean {
  const table = cell.closest('table');
  const view = cell.ownerDocument.defaultView;
  if (!table || !view) return false;
  // Asked for every cell: the table's columns are looked up once per read (200 rows: 40,000 lookups).
  let collapsed = collapsedInRead?.get(table);
  if (collapsed === undefined) {
    collapsed = collapsedColumns(table, view);
    collapsedInRead?.set(table, collapsed);
  }
  if (!collapsed) return false;
  let at = 0;
  for (let before = cell.previousElementSibling; before; before = before.previousElementSibling)
    at += (before as HTMLTableCellElement).colSpan || 1;
  const span = cell.colSpan || 1;
  // Spanning a collapsed and a shown column, the cell is still shown.
  return collapsed.slice(at, at + span).length === span && collapsed.slice(at, at + span).every(Boolean);
}

/** Which columns of `table` its `<col>`s collapse; `null` when none does, or cells span rows. */
function collapsedColumns(table: HTMLTableElement, view: Window): boolean[] | null {
  const collapsed: boolean[] = [];
  for (const col of table.querySelectorAll('col')) {
    if (col.closest('table') !== table) continue;
    const hidden = view.getComputedStyle(col).visibility === 'collapse';
    for (let n = Math.max(1, Number(col.getAttribute('span')) || 1); n > 0; n--) collapsed.push(hidden);
  }
  const judged =
    collapsed.includes(true) &&
    !Array.from(table.querySelectorAll('td, th')).some((one) => (one as HTMLTableCellElement).rowSpan > 1);
  return judged ? collapsed : null;
}

/** Offsets beyond this many pixels are off screen: the idioms say `-9999px` or more. */
const FAR = -9999;
const BOXED = /^(?:block|inline-block|flex|inline-flex|grid|inline-grid|flow-root|list-item)$/;
const UNSET = /^(?:auto|none|)$/;

/** A length in pixels; anything else (`auto`, not set) NaN, so that no comparison holds. */
function px(value = ''): number {
  return /^-?\d*\.?\d+(?:px)?$/.test(value) ? Number.parseFloat(value) : Number.NaN;
}
/** An offset, margin or padding: `auto` (or not set, in happy-dom) leaves the element where it is. */
const offset = (value?: string) => (!value || value === 'auto' ? 0 : px(value));
/** The numbers of `rect(…)` / `inset(…)` in `unit` (or 0); anything else NaN. */
const numbers = (value: string, unit: string) =>
  (
    /\(([^)]*)\)$/
      .exec(value)?.[1]
      ?.trim()
      .split(/[\s,]+/) ?? []
  ).map((one) => (/^0(?:px)?$/.test(one) ? 0 : one.endsWith(unit) ? Number.parseFloat(one) : Number.NaN));

/** A computed transform that flattens the box to a line or a point (`scale(0)` is `matrix(0, 0, 0, 0, 0, 0)`). */
function flattened(transform: string): boolean {
  const [a, b, c, d] = /^matrix\(([^)]*)\)$/.exec(transform)?.[1]?.split(',').map(Number) ?? [];
  return a !== undefined && a * Number(d) - Number(b) * Number(c) === 0;
}

/** A clip-path circle or ellipse of no radius: nothing of the box is shown. */
const ZERO_SHAPE = /^(?:circle\(0(?:px|%)?[\s)]|ellipse\((?:0(?:px|%)?\s|\S+\s+0(?:px|%)?[\s)]))/;

/**
 * The usual ways to keep text for screen readers only, each certainly unseen: a box (not an inline
 * one, which ignores its size) of at most 1px, padding and minimum size included, that clips its
 * content; a `clip` on a positioned box or a `clip-path` inset leaving at most 1px / nothing; a box
 * moved `-9999px` away by its offsets, margin or a plain translation (a computed transform is a
 * matrix), its far edge too; a lone text indented `-9999px` in a start-aligned, left-to-right block.
 */
function visuallyHidden(element: Element, style: CSSStyleDeclaration): boolean {
  const get = (name: string) => style.getPropertyValue(name);
  const positioned = /absolute|fixed/.test(get('position'));
  const extent = (size: string, start: string, end: string) =>
    Math.max(px(get(size)), offset(get(`min-${size}`))) +
    offset(get(`padding-${start}`)) +
    offset(get(`padding-${end}`));
  const [top, right, bottom, left] =
    positioned && get('clip').startsWith('rect') ? numbers(get('clip'), 'px') : [];
  const [insetTop = Number.NaN, insetRight = insetTop, insetBottom = insetTop, insetLeft = insetRight] = get(
    'clip-path',
  ).startsWith('inset(')
    ? numbers(get('clip-path'), '%')
    : [];
  const boxed = positioned || BOXED.test(get('display'));
  // (An inline box is neither sized nor transformed.)
  const shift = !boxed
    ? ['0', '0']
    : UNSET.test(get('translate'))
      ? UNSET.test(get('transform'))
        ? ['0', '0']
        : /^matrix\(1, 0, 0, 1, (\S+), (\S+)\)$/.exec(get('transform'))?.slice(1)
      : undefined;
  const away = (start: string, end: string, size: string, moved?: string) => {
    const at = (positioned ? offset(get(start)) : 0) + offset(get(`margin-${start}`)) + px(moved);
    // Without a size, a box its other offset stretches back is seen.
    const length = UNSET.test(get(size)) ? (UNSET.test(get(end)) ? 0 : Number.NaN) : extent(size, start, end);
    return at <= FAR && at + length <= 0;
  };
  return (
    get('content-visibility') === 'hidden' ||
    (boxed && (flattened(get('transform')) || /^0(?:\s|$)|\s0(?:\s|$)/.test(get('scale')))) ||
    ZERO_SHAPE.test(get('clip-path')) ||
    (boxed &&
      /hidden|clip/.test(get('overflow') + get('overflow-x') + get('overflow-y')) &&
      (extent('width', 'left', 'right') <= 1 || extent('height', 'top', 'bottom') <= 1)) ||
    Number(right) - Number(left) <= 1 ||
    Number(bottom) - Number(top) <= 1 ||
    insetTop + insetBottom >= 100 ||
    insetLeft + insetRight >= 100 ||
    away('left', 'right', 'width', shift?.[0]) ||
    away('top', 'bottom', 'height', shift?.[1]) ||
    (px(get('text-indent')) <= FAR &&
      element.childElementCount === 0 &&
      BOXED.test(get('display')) &&
      get('direction') !== 'rtl' &&
      /^(?:|start|left|justify)$/.test(get('text-align')) &&
      !/pre|break/.test(get('white-space')))
  );
}

/**
 * Whether the operator cannot see this element's content because of the element itself. An element
 * whose `visibility` hides its own text is hidden unless a child shows itself (`visibility: visible`).
 */
export function isHiddenElement(element: Element): boolean {
  if (hidesItsContent(element)) return true;
  const state = styleState(element);
  return state === ALL || (state === SELF && visibleText(element) === '');
}

/**
 * The visible text of a node: text nodes under it, skipping hidden elements (markup and computed
 * style) and any node in `exclude` (with its subtree). Not normalised: see `visibleText`.
 */
function collectText(node: Node, exclude: ReadonlySet<Node> | undefined, parts: string[]): void {
  if (exclude?.has(node)) return;
  const type = node.nodeType;
  if (type === 3 /* TEXT_NODE */) {
    parts.push(node.nodeValue ?? '');
    return;
  }
  // Elements are word boundaries (a `<br>` too: it has no children), inline formatting is not, except
  // between two digits (see DIGITS_APART).
  let separator = INLINE_EDGE;
  // `visibility: hidden` hides the element's own text, not a child's that shows itself again.
  let own = true;
  if (type === 1 /* ELEMENT_NODE */) {
    const state = contentState(node as Element);
    // A control hides its markup content but shows its value (unless hidden by its style).
    if (
      CONTROLS.has((node as Element).tagName) &&
      !markupHides(node as Element) &&
      styleState(node as Element) === SHOWN
    )
      parts.push(controlText(node as Element));
    if (state === ALL) return;
    // A closed `<details>` shows its summary only, not even its own text.
    own =
      state === SHOWN &&
      !((node as Element).tagName === 'DETAILS' && !(node as Element).hasAttribute('open'));
    if (!INLINE_FORMATTING.has((node as Element).tagName)) separator = ' ';
  } else if (type !== 11 /* DOCUMENT_FRAGMENT */) return;
  parts.push(separator);
  const [before, after] = type === 1 ? generatedAround(node as Element) : NOTHING_GENERATED;
  parts.push(before);
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (own || child.nodeType !== 3) collectText(child, exclude, parts);
  parts.push(after);
  parts.push(separator);
}

const NOTHING_GENERATED = ['', ''] as const;

/** `::before` and `::after` of an element, remembered during a read (a read asks about a cell many times). */
function generatedAround(element: Element): readonly [string, string] {
  // Without a stylesheet nothing is generated (inline styles cannot style a pseudo-element).
  if (element.ownerDocument.styleSheets.length === 0) return NOTHING_GENERATED;
  let both = generatedInRead?.get(element);
  if (both === undefined) {
    both = [generatedText(element, '::before'), generatedText(element, '::after')];
    generatedInRead?.set(element, both);
  }
  return both;
}

/**
 * Text a stylesheet shows that the DOM lacks: `::before` / `::after` content holding a digit. Quoted
 * strings are shown as written (`content: "1 "` before `2 / 3` shows `12 / 3`); a counter (or anything else that
 * is not a string nor an image) shows a number the page's text does not hold: `UNREADABLE`.
 */
function generatedText(element: Element, pseudo: '::before' | '::after'): string {
  const { defaultView, styleSheets } = element.ownerDocument;
  if (!defaultView || styleSheets.length === 0) return '';
  const style = defaultView.getComputedStyle(element, pseudo);
  const content = style.content;
  if (!content || /^(?:none|normal)$/.test(content) || style.display === 'none') return '';
  if (/hidden|collapse/.test(style.visibility)) return '';
  const strings = content.replace(/"(?:[^"\\]|\\.)*"|url\([^)]*\)|(?:no-)?(?:open|close)-quote/g, '');
  if (strings.trim() !== '') return UNREADABLE;
  const text = Array.from(content.matchAll(/"((?:[^"\\]|\\.)*)"/g), (match) =>
    (match[1] ?? '').replace(/\\([0-9a-f]{1,6}\s?|.)/gi, (_, escaped: string) =>
      /^[0-9a-f]/i.test(escaped) ? String.fromCodePoint(Number.parseInt(escaped, 16)) : escaped,
    ),
  ).join('');
  // Only digits change what a reader takes from a row: generated letters are icons (`content: "i"` for
  // an ⓘ) that would otherwise end up in a label.
  return /\p{Nd}/u.test(text) ? text : '';
}

/**
 * Stands for text shown that cannot be read: a digit between two characters no number holds, so a count
 * beside it is `ambiguous` (spaced) or `not-a-number` (glued), never read without it.
 */
export const UNREADABLE = ' \uFFFD0\uFFFD ';

/** Marks where inline formatting starts or ends; an invisible character, removed by `normaliseText`. */
const INLINE_EDGE = '\u2063';
/**
 * Digits on both sides of an inline formatting edge stay apart: `1 / 2<sup>1</sup>` is a count and a
 * footnote mark, not `1 / 21`; `<b>Lic</b>ence` still reads one word. A non-breaking space beside the
 * edge does not join them either (`2&nbsp;<small>100</small>` is not the digit group `2 100`).
 */
const DIGITS_APART = /(\p{Nd}\s?)\u2063+(?=\s?\p{Nd})/gu;

/**
 * The normalised visible text of a node, optionally leaving out some subtrees (e.g. a row's label,
 * to read the rest of the row). The node itself is read even if an ancestor hides it.
 */
export function visibleText(node: Node, exclude?: ReadonlySet<Node>): string {
  const remember = exclude === undefined && textInRead !== null;
  if (remember && textSkipped !== skipped) {
    // Other boxes read as hidden: what was remembered read them otherwise.
    textInRead?.clear();
    textSkipped = skipped;
  }
  const known = remember ? textInRead?.get(node) : undefined;
  if (known !== undefined) return known;
  const parts: string[] = [];
  collectText(node, exclude, parts);
  const text = normaliseText(parts.join('').replace(DIGITS_APART, '$1 '));
  if (remember) textInRead?.set(node, text);
  return text;
}

/** Whether an element or one of its ancestors hides it by markup (attributes and inline style only). */
export function isHiddenByMarkup(element: Element): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (hidesItsContent(current)) return true;
  }
  return /hidden|collapse/.test(inlineVisibility(element));
}

/**
 * Whether something from `element` up to `boundary` (excluded; `null`: the document) hides it,
 * computed style included; `<dialog>`s without `open` too when `closedDialogs`.
 */
function hiddenUpTo(element: Element, boundary: Element | null, closedDialogs: boolean): boolean {
  for (
    let current: Element | null = element;
    current && current !== boundary;
    current = current.parentElement
  ) {
    if (isHiddenElement(current)) return true;
    if (closedDialogs && current.tagName === 'DIALOG' && !current.hasAttribute('open')) return true;
  }
  return false;
}

/**
 * Whether an element is hidden, closed `<dialog>`s included. `aria-hidden="true"` on it is not enough:
 * Bootstrap 3.0's modal markup carries it and Bootstrap 3.3+ no longer toggles it, so an open modal
 * the operator sees may keep it; a closed one is hidden by its style (`display:none`), seen here.
 */
export function isHidden(element: Element): boolean {
  return hiddenUpTo(element, null, true);
}

/**
 * Whether an element is hidden by something between it and `boundary` (excluded): a hidden template
 * row inside a block is not a row.
 */
export function isHiddenWithin(element: Element, boundary: Element | null): boolean {
  return hiddenUpTo(element, boundary, false);
}

/**
 * How an element is shown: `shown`; `hidden-tab` when only a tab panel that is not shown right now
 * (or something above it) hides it; `hidden` when something closer hides it (a stale copy hidden by
 * a class, a collapsed box): never read.
 */
export function shownState(element: Element, tabPanel: Element | null): 'shown' | 'hidden-tab' | 'hidden' {
  if (tabPanel?.contains(element)) {
    if (isHiddenWithin(element, tabPanel)) return 'hidden';
    return isHiddenWithin(tabPanel, null) ? 'hidden-tab' : 'shown';
  }
  return isHiddenWithin(element, null) ? 'hidden' : 'shown';
}
