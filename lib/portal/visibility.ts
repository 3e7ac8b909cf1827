/**
 * What the operator can see, and the text of it. A page hides things in many ways: attributes
 * (`hidden`, `aria-hidden` on an icon), inline styles, and stylesheet classes (a closed modal, a
 * template row, a stale copy of a block kept for a script) that only the browser's computed style
 * shows. Every reader decides what is shown here, so that none of them reads a block the operator
 * does not see.
 */
import { normaliseText } from './text';

/** Elements whose content is never shown as text. */
const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SELECT', 'TEXTAREA', 'SVG', 'svg']);

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
  if (NEVER_TEXT.has(element.tagName) || isOwnElement(element)) return true;
  if (element.hasAttribute('hidden')) return true;
  // `aria-hidden` hides from screen readers, not from sight: it marks decorative icons (skipped), but
  // modal libraries also set it on the whole page behind a dialog, which must still be read.
  if (element.getAttribute('aria-hidden') === 'true' && isDecoration(element)) return true;
  if (element.getAttribute('role') === 'tooltip') return true;
  // A closed `<details>` shows its summary only (a collapsed box; its children's style does not say so).
  const parent = element.parentElement;
  if (parent?.tagName === 'DETAILS' && !parent.hasAttribute('open') && element.tagName !== 'SUMMARY')
    return true;
  // Reading the attribute first: building a style object for every element is slow on big pages.
  const inline = element.getAttribute('style');
  if (!inline || !/none|hidden/i.test(inline)) return false;
  const style = (element as HTMLElement).style;
  return style !== undefined && (style.display === 'none' || style.visibility === 'hidden');
}

/**
 * Computed styles asked during one read, by element: a read asks about the same cells many times
 * (their text, then their row's), and a style answer cannot change while a read runs (it is synchronous).
 */
let styleAnswers: Map<Element, boolean> | null = null;

/**
 * Runs one read with its style answers remembered (nested reads share them). Outside a read, every
 * question asks the browser again: nothing stale survives a page change.
 */
export function oneRead<T>(read: () => T): T {
  if (styleAnswers) return read();
  styleAnswers = new Map();
  try {
    return read();
  } finally {
    styleAnswers = null;
  }
}

/** A clip or clip-path that leaves nothing to see (the `sr-only` / visually-hidden pattern). */
const NOTHING_CLIPPED_IN =
  /rect\(\s*0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?\s*\)|inset\(\s*(?:50|100)%/;

/**
 * Whether the browser's computed style hides this element (on its own): `display:none`,
 * `visibility:hidden|collapse`, a box of zero width or height that clips its content, a clip that
 * leaves nothing. Without any stylesheet and without an inline style nothing can (the markup check
 * covers attributes), and the style is not computed: happy-dom, and big pages, compute it slowly.
 * happy-dom has no layout: there, zero size is only seen when the stylesheet sets it.
 */
export function hiddenByStyle(element: Element): boolean {
  const remembered = styleAnswers?.get(element);
  if (remembered !== undefined) return remembered;
  const answer = computeHiddenByStyle(element);
  styleAnswers?.set(element, answer);
  return answer;
}

function computeHiddenByStyle(element: Element): boolean {
  const { defaultView, styleSheets } = element.ownerDocument;
  if (!defaultView || (styleSheets.length === 0 && !element.hasAttribute('style'))) return false;
  const style = defaultView.getComputedStyle(element);
  return (
    style.display === 'none' ||
    /hidden|collapse/.test(style.visibility) ||
    NOTHING_CLIPPED_IN.test(`${style.clip} ${style.clipPath}`) ||
    // Width and height are read only where the content is clipped: reading them asks for a layout.
    // (`overflow` too: happy-dom leaves the longhands empty when the shorthand is set.)
    (/hidden|clip/.test(`${style.overflow} ${style.overflowX} ${style.overflowY}`) &&
      (style.width === '0px' || style.height === '0px'))
  );
}

/** Whether the operator cannot see this element's content because of the element itself. */
export function isHiddenElement(element: Element): boolean {
  return hidesItsContent(element) || hiddenByStyle(element);
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
  if (type === 1 /* ELEMENT_NODE */) {
    if (isHiddenElement(node as Element)) return;
    if (!INLINE_FORMATTING.has((node as Element).tagName)) separator = ' ';
  } else if (type !== 11 /* DOCUMENT_FRAGMENT */) return;
  parts.push(separator);
  if (type === 1) parts.push(generatedText(node as Element, '::before'));
  for (let child = node.firstChild; child; child = child.nextSibling) collectText(child, exclude, parts);
  if (type === 1) parts.push(generatedText(node as Element, '::after'));
  parts.push(separator);
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
  const parts: string[] = [];
  collectText(node, exclude, parts);
  return normaliseText(parts.join('').replace(DIGITS_APART, '$1 '));
}

/** Whether an element or one of its ancestors hides it by markup (attributes and inline style only). */
export function isHiddenByMarkup(element: Element): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (hidesItsContent(current)) return true;
  }
  return false;
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

/** Whether an element is hidden (`aria-hidden="true"` on the element itself counts: a closed modal). */
export function isHidden(element: Element): boolean {
  return element.getAttribute('aria-hidden') === 'true' || hiddenUpTo(element, null, true);
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
