/**
 * Text as the operator sees it. The portal's markup is unknown, so every reader compares visible text
 * only; these helpers make that comparison tolerant of spacing, icons and case, and blind to our own
 * annotations (which sit inside the very rows we read).
 */

// NBSP, narrow NBSP, figure space and the other Unicode spaces become plain spaces.
const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Zero-width characters and BOMs carry no text: they may split a word, so they are removed, not spaced.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Info icons written as characters (ⓘ, ℹ), icon-font glyphs (private use areas), emoji and their
// variation selectors / keycaps.
const ICON_GLYPHS =
  /[\u24D8\u2139\uE000-\uF8FF]|\uFE0E|\uFE0F|\u20E3|[\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]|\p{Extended_Pictographic}/gu;

/** Plain spaces, icons removed, runs of whitespace collapsed, trimmed. */
export function normaliseText(text: string): string {
  return text
    .replace(ZERO_WIDTH, '')
    .replace(SPACE_LIKE, ' ')
    .replace(ICON_GLYPHS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The form used to compare labels: normalised, lower case, accents removed (`Avancée` ≡ `avancee`),
 * a trailing colon dropped (`Quantité active :`).
 */
export function foldText(text: string): string {
  return normaliseText(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s*:$/, '')
    .trim();
}

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
 * Whether this element (on its own, not its ancestors) hides its content from the operator, as far
 * as the markup says: `hidden`, `aria-hidden="true"` on a decoration, inline `display:none` /
 * `visibility:hidden`,
 * tooltips/popovers (Bootstrap inserts them inside the very cells we read, on hover).
 */
export function hidesItsContent(element: Element): boolean {
  if (NEVER_TEXT.has(element.tagName) || isOwnElement(element)) return true;
  if (element.hasAttribute('hidden')) return true;
  // `aria-hidden` hides from screen readers, not from sight: it marks decorative icons (skipped), but
  // modal libraries also set it on the whole page behind a dialog, which must still be read.
  if (element.getAttribute('aria-hidden') === 'true' && isDecoration(element)) return true;
  if (element.getAttribute('role') === 'tooltip') return true;
  // Reading the attribute first: building a style object for every element is slow on big pages.
  const inline = element.getAttribute('style');
  if (!inline || !/none|hidden/i.test(inline)) return false;
  const style = (element as HTMLElement).style;
  return style !== undefined && (style.display === 'none' || style.visibility === 'hidden');
}

/** Small enough to be an icon or a decoration rather than a part of the page. */
function isDecoration(element: Element): boolean {
  return element.childElementCount <= 2 && (element.textContent ?? '').trim().length <= MAX_DECORATION_LENGTH;
}
const MAX_DECORATION_LENGTH = 16;

/**
 * The visible-ish text of a node: text nodes under it, skipping what `hidesItsContent` says and any
 * node in `exclude` (with its subtree). Not normalised: see `visibleText`.
 */
function collectText(node: Node, exclude: ReadonlySet<Node> | undefined, parts: string[]): void {
  if (exclude?.has(node)) return;
  const type = node.nodeType;
  if (type === 3 /* TEXT_NODE */) {
    parts.push(node.nodeValue ?? '');
    return;
  }
  // Elements are word boundaries (a `<br>` too: it has no children), inline formatting is not.
  let separate = false;
  if (type === 1 /* ELEMENT_NODE */) {
    if (hidesItsContent(node as Element)) return;
    separate = !INLINE_FORMATTING.has((node as Element).tagName);
  } else if (type !== 11 /* DOCUMENT_FRAGMENT */) return;
  if (separate) parts.push(' ');
  for (let child = node.firstChild; child; child = child.nextSibling) collectText(child, exclude, parts);
  if (separate) parts.push(' ');
}

/**
 * The normalised visible text of a node (see `hidesItsContent`), optionally leaving out some subtrees
 * (e.g. a row's label, to read the rest of the row).
 */
export function visibleText(node: Node, exclude?: ReadonlySet<Node>): string {
  const parts: string[] = [];
  collectText(node, exclude, parts);
  return normaliseText(parts.join(''));
}

/** Whether an element or one of its ancestors hides it (attributes and inline style only). */
export function isHiddenByMarkup(element: Element): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (hidesItsContent(current)) return true;
  }
  return false;
}

/**
 * Without any style sheet, only inline styles (read from the markup) can hide an element: computed
 * styles are then skipped, which matters where they are slow (happy-dom computes them per call).
 */
function hasStyleSheets(element: Element): boolean {
  const sheets = element.ownerDocument?.styleSheets;
  return sheets === undefined || sheets.length > 0;
}

/**
 * Whether something from `element` up to `boundary` (excluded; `null`: the document) hides it, the
 * browser's computed style included (CSS classes such as a closed modal's); `<dialog>`s without
 * `open` too when `closedDialogs`. happy-dom computes little layout, so tests rely on the markup part.
 */
function hiddenUpTo(element: Element, boundary: Element | null, closedDialogs: boolean): boolean {
  const view = hasStyleSheets(element) ? element.ownerDocument?.defaultView : null;
  for (
    let current: Element | null = element;
    current && current !== boundary;
    current = current.parentElement
  ) {
    if (hidesItsContent(current)) return true;
    if (closedDialogs && current.tagName === 'DIALOG' && !current.hasAttribute('open')) return true;
    if (view && typeof view.getComputedStyle === 'function') {
      const style = view.getComputedStyle(current);
      if (style.display === 'none' || style.visibility === 'hidden') return true;
    }
  }
  return false;
}

/** Whether an element is hidden (`aria-hidden="true"` on the element itself counts: a closed modal). */
export function isHidden(element: Element): boolean {
  return element.getAttribute('aria-hidden') === 'true' || hiddenUpTo(element, null, true);
}

/**
 * Whether an element is hidden by something between it and `boundary` (excluded): a hidden template
 * row inside a block is not a row, while a block in a tab that is not shown right now is still read.
 */
export function isHiddenWithin(element: Element, boundary: Element): boolean {
  return hiddenUpTo(element, boundary, false);
}

/**
 * The widest element around `element` whose visible text is the same (a label's cell or box, a
 * heading with its icon), not going up to `root`.
 */
export function widestWithSameText(element: HTMLElement, root?: Element): HTMLElement {
  let box = element;
  const text = visibleText(element);
  while (box.parentElement && box.parentElement !== root && visibleText(box.parentElement) === text) {
    box = box.parentElement;
  }
  return box;
}

/** The nodes that contain none of the others (the deepest matches). */
export function deepest<T extends Node>(nodes: readonly T[]): T[] {
  return nodes.filter((node) => !nodes.some((other) => other !== node && node.contains(other)));
}

/** Every element under `root` (document order) that is not hidden by markup nor one of ours. */
export function visibleElements(root: ParentNode): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (parent: ParentNode): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (hidesItsContent(child)) continue;
      found.push(child as HTMLElement);
      visit(child);
    }
  };
  visit(root);
  return found;
}

/** Whether something between `element` (included) and `root` (excluded) hides it by markup. */
function hiddenByMarkupBelow(element: Element, root: Node): boolean {
  for (let current: Element | null = element; current && current !== root; current = current.parentElement) {
    if (hidesItsContent(current)) return true;
  }
  return false;
}

/**
 * `visibleElements(root)` that match `selector`, found by the browser's selector engine: only the
 * matches have their ancestors checked, instead of a script walk over every element of the page.
 */
export function visibleElementsMatching(root: ParentNode, selector: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(selector)).filter(
    (element) => !hiddenByMarkupBelow(element, root as Node),
  );
}

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT

/**
 * The text nodes under `root` (document order) whose text `accept`s and that nothing between them and
 * `root` hides by markup (`root` itself may be hidden: a tab not shown now is still read). The nodes
 * come from a native tree walker and only the accepted ones have their ancestors checked: on a cold
 * page (a content script's first read) visiting every element from script costs far more.
 */
export function visibleTextNodesWhere(root: Node, accept: (text: string) => boolean): Text[] {
  const found: Text[] = [];
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!accept(node.nodeValue ?? '')) continue;
    const parent = node.parentElement;
    if (parent && !hiddenByMarkupBelow(parent, root)) found.push(node as Text);
  }
  return found;
}

/**
 * The deepest visible elements under `root` whose visible text `accept`s, found from the text nodes
 * whose folded text contains `hint` (one word the text must hold) rather than by reading every element:
 * portal pages are big, the texts we look for are short (at most `maxLength` characters).
 */
export function findByText(
  root: ParentNode,
  hint: string,
  accept: (text: string) => boolean,
  maxLength = 200,
): HTMLElement[] {
  const found = new Set<HTMLElement>();
  const foldedHint = foldText(hint);
  const rootNode = root as Node;
  const holdsHint = (raw: string) =>
    // Folding is costly: plain ASCII text (line breaks of indented markup included) only needs
    // lower-casing; the hint is one word, so how spaces are folded cannot change whether it is there.
    (/[^\t\n\r\x20-\x7E]/.test(raw) ? foldText(raw) : raw.toLowerCase()).includes(foldedHint);
  for (const node of visibleTextNodesWhere(rootNode, holdsHint)) {
    const parent = node.parentElement as HTMLElement;
    for (let element: HTMLElement | null = parent; element; element = element.parentElement) {
      if (element !== root && !rootNode.contains(element)) break;
      if ((element.textContent ?? '').length > maxLength * 4) break;
      if (accept(visibleText(element))) {
        found.add(element);
        break;
      }
      if (element === root) break;
    }
  }
  return deepest([...found]).sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
}
