/**
 * Digits the browser shows in another order than the page's text holds them. A right-to-left mark,
 * embedding, override or isolate, a Hebrew or Arabic letter, or a right-to-left direction (`dir="rtl"`,
 * CSS `direction: rtl`) before `1 / 2` makes Chromium and Firefox show `2 / 1`; an override even turns
 * `12` into `21`. The text alone cannot tell what the operator sees, so such a count is not read.
 */
import { isHiddenElement } from './visibility';

/** RLM, ALM, RLE, RLO, RLI, and the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko…). */
const RIGHT_TO_LEFT =
  /[\u200F\u061C\u202B\u202E\u2067\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
/** What reverses the digits of one number: a right-to-left override (RLO). */
const OVERRIDE = /\u202E/;

function saysRightToLeft(element: Element): boolean {
  return element.getAttribute('dir')?.trim().toLowerCase() === 'rtl';
}

/** The element's computed style, only when something can set it (computing it is slow, see `visibility.ts`). */
function styleOf(element: Element): CSSStyleDeclaration | null {
  const { defaultView, styleSheets } = element.ownerDocument;
  if (styleSheets.length === 0 && !element.hasAttribute('style')) return null;
  // A parsed document (the audit's) has no window: its inline style is all it can say.
  if (!defaultView) return (element as HTMLElement).style ?? null;
  return defaultView.getComputedStyle(element);
}

/** The direction inline styles give (inherited), for a parsed document that computes none. */
function inlineDirection(element: Element | null): string {
  for (; element; element = element.parentElement) {
    const value = (element as HTMLElement).style?.direction;
    if (value) return value;
  }
  return '';
}

/** Text shown right to left: said by `dir`, or by the computed (inherited) direction. */
function rightToLeft(element: Element): boolean {
  if (saysRightToLeft(element)) return true;
  // A parsed document (the audit's) computes no style: the inline ones, inherited, are what it has.
  if (!element.ownerDocument.defaultView) return inlineDirection(element) === 'rtl';
  const style = styleOf(element);
  // Vertical text (inherited): `sideways-lr` is read bottom to top, the others stack the digits.
  return style?.direction === 'rtl' || /vertical|sideways/.test(style?.writingMode ?? '');
}

/**
 * A box moved out of where its text puts it: taken out of the flow (`absolute`, `fixed`), shifted
 * sideways (`relative` with a left or right offset), or transformed (an inline box ignores transforms).
 * Among parts holding digits, such a part may be shown before another, or over it.
 */
function moved(style: CSSStyleDeclaration | null | undefined): boolean {
  if (!style) return false;
  if (/absolute|fixed/.test(style.position)) return true;
  const shifted = (value: string) => !/^(?:auto|0(?:px)?|)$/.test(value);
  if (/relative|sticky/.test(style.position) && (shifted(style.left) || shifted(style.right))) return true;
  // A plain vertical translation (Bootstrap's modal slides its box down) keeps the order.
  return (
    style.display !== 'inline' &&
    (!/^(?:none|matrix\(1, 0, 0, 1, 0, [^,]+\)|)$/.test(style.transform) ||
      !/^(?:none|0(?:px)?(?: .*)?|)$/.test(style.translate))
  );
}

/** A transform that mirrors or turns what it shows (`scaleX(-1)`, `rotate(180deg)`): digits read in another order. */
function mirrored(style: CSSStyleDeclaration | null): boolean {
  const [a, b, c, d] =
    /^matrix\(([^)]*)\)$/
      .exec(style?.transform ?? '')?.[1]
      ?.split(',')
      .map(Number) ?? [];
  return a !== undefined && (a < 0 || Number(d) < 0 || b !== 0 || c !== 0);
}

/** Text whose characters are laid out right to left one by one: `<bdo dir="rtl">`, `bidi-override`. */
function overridden(element: Element): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (current.tagName === 'BDO' && saysRightToLeft(current)) return true;
    const style = styleOf(current);
    if (style && /override/.test(style.unicodeBidi) && style.direction === 'rtl') return true;
  }
  return false;
}

/**
 * The elements whose own text shows a digit, in `node` (itself included): a direction on them
 * (inherited) may reorder the digits. Found from the text nodes, not by asking every element.
 */
function digitHolders(node: Node): Element[] {
  const holders = new Set<Element>();
  if (node.nodeType !== 1) {
    const parent = node.parentElement;
    if (parent && Array.from(parent.childNodes).some(holdsDigit)) holders.add(parent);
    return [...holders];
  }
  const walker = (node.ownerDocument ?? document).createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let text = walker.nextNode(); text; text = walker.nextNode())
    if (holdsDigit(text) && text.parentElement) holders.add(text.parentElement);
  return [...holders];
}

/**
 * The boxes in `root` (itself included) with a digit somewhere in their text: the others lay out no
 * part that holds one. Found from the text nodes (a row's label, icon and buttons are not asked).
 */
function digitBoxes(root: Element): Element[] {
  const boxes = new Set<Element>();
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (!holdsDigit(text)) continue;
    for (let box = text.parentElement; box && !boxes.has(box); box = box.parentElement) {
      boxes.add(box);
      if (box === root) break;
    }
  }
  return [...boxes];
}

function holdsDigit(node: Node): boolean {
  return node.nodeType === 3 && /\p{Nd}/u.test(node.nodeValue ?? '');
}

/**
 * Digits a layout shows in another order than the text holds them: `<span>1</span> / <span>2</span>` in
 * a reversed flex box is shown `2 / 1`; an item moved by `order` or placed in a grid column, floats not
 * all to the left (left floats keep their order: a Bootstrap 3 grid's columns) too. Only a box laying
 * out two parts or more that hold digits matters: a label moved beside its count changes no number.
 * A part's float is its own or, first, one of its elements' holding a digit (a float leaves an inline box).
 */
function laidOutOfOrder(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  return digitBoxes(node as Element).some((box) => {
    // (A part hidden, a visually-hidden copy moved off screen, shows no digit.)
    const parts = Array.from(box.childNodes).filter(
      (part) =>
        /\p{Nd}/u.test(part.textContent ?? '') && (part.nodeType !== 1 || !isHiddenElement(part as Element)),
    );
    if (parts.length === 0) return false;
    const style = styleOf(box);
    if (style?.display !== 'inline' && mirrored(style)) return true;
    if (parts.length < 2) return false;
    if (style && /flex/.test(style.display) && /reverse/.test(style.flexDirection + style.flexWrap))
      return true;
    const floats = new Set<string>();
    for (const part of parts) {
      const own = part.nodeType === 1 ? styleOf(part as Element) : null;
      // A float inside an inline part leaves it: the part is shown where its float goes.
      const inner = own ? [part as Element, ...(part as Element).querySelectorAll('*')] : [];
      const holders = inner.filter((one) => /\p{Nd}/u.test(one.textContent ?? '') && !isHiddenElement(one));
      if (holders.some((one) => moved(styleOf(one)))) return true;
      floats.add(
        holders.map((one) => styleOf(one)?.float).find((float) => float && float !== 'none') ?? 'none',
      );
      const placed = `${own?.order} ${/grid/.test(style?.display ?? '') ? `${own?.gridColumnStart} ${own?.gridRowStart}` : ''}`;
      if (/[1-9]/.test(placed)) return true;
    }
    return floats.size > 1 || !(floats.has('none') || floats.has('left'));
  });
}

/**
 * Whether what `nodes` show may be in another order than their text: a right-to-left character in
 * them, or a right-to-left direction on them, inside them, or on the nearest ancestor saying one.
 * `single`: the nodes show whole numbers alone (a dialog's quantities), which only an override reverses.
 * A layout reordering the parts of a number (a reversed flex box, `order`, floats) counts too.
 */
export function shownInAnotherOrder(nodes: Iterable<Node>, single = false): boolean {
  // The layout is looked at once per box: a row's parts are inside the row, asked just before.
  const laidOut: Node[] = [];
  for (const node of nodes) {
    if ((single ? OVERRIDE : RIGHT_TO_LEFT).test(node.textContent ?? '')) return true;
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!element) continue;
    // `dir` is inherited from the nearest ancestor saying one (`dir="ltr"` inside `rtl` restores it).
    if (!single && element.closest('[dir]')?.getAttribute('dir')?.trim().toLowerCase() === 'rtl') return true;
    if (digitHolders(node).some((holder) => (single ? overridden(holder) : rightToLeft(holder)))) return true;
    if (laidOut.some((box) => box.contains(node))) continue;
    laidOut.push(node);
    if (laidOutOfOrder(node)) return true;
  }
  return false;
}
