/**
 * Digits the browser shows in another order than the page's text holds them. A right-to-left mark,
 * embedding, override or isolate, a Hebrew or Arabic letter, or a right-to-left direction (`dir="rtl"`,
 * CSS `direction: rtl`) before `1 / 2` makes Chromium and Firefox show `2 / 1`; an override even turns
 * `12` into `21`. The text alone cannot tell what the operator sees, so such a count is not read.
 */

/** RLM, ALM, RLE, RLO, RLI, and the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko…). */
const RIGHT_TO_LEFT =
  /[\u200F\u061C\u202B\u202E\u2067\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

function rightToLeft(element: Element): boolean {
  if (element.getAttribute('dir')?.trim().toLowerCase() === 'rtl') return true;
  const { defaultView, styleSheets } = element.ownerDocument;
  // The computed style only when something can set it (as in `visibility.ts`: computing it is slow).
  if (!defaultView || (styleSheets.length === 0 && !element.hasAttribute('style'))) return false;
  return defaultView.getComputedStyle(element).direction === 'rtl';
}

/** Whether an element's own text shows a digit: a direction on it (inherited) may reorder them. */
function holdsDigits(element: Element): boolean {
  return Array.from(element.childNodes).some(
    (child) => child.nodeType === 3 && /\p{Nd}/u.test(child.nodeValue ?? ''),
  );
}

/**
 * Whether what `nodes` show may be in another order than their text: a right-to-left character in
 * them, or a right-to-left direction on them, inside them, or on the nearest ancestor saying one.
 */
export function shownInAnotherOrder(nodes: Iterable<Node>): boolean {
  for (const node of nodes) {
    if (RIGHT_TO_LEFT.test(node.textContent ?? '')) return true;
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!element) continue;
    // `dir` is inherited from the nearest ancestor saying one (`dir="ltr"` inside `rtl` restores it).
    if (element.closest('[dir]')?.getAttribute('dir')?.trim().toLowerCase() === 'rtl') return true;
    const holders = node.nodeType === 1 ? [element, ...Array.from(element.querySelectorAll('*'))] : [element];
    if (holders.some((holder) => holdsDigits(holder) && rightToLeft(holder))) return true;
  }
  return false;
}
