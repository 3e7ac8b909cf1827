/**
 * The page as the browser shows it, for an anonymised capture: elements with all their attributes
 * and text, and what the site's CSS does to each element's visibility. Raw: it never leaves the
 * capture bundle (`in-page.tsx`) unmasked — `build-capture.ts` writes the file from it.
 */

/** `[name, attributes, visibility flags, children]`; a child is an element or a text. */
export type RawElement = [name: string, attributes: [string, string][], flags: number, children: RawNode[]];
export type RawNode = RawElement | string;

/** Flags: the element's computed `display` is `none`; its `visibility` differs from its parent's. */
export const DISPLAY_NONE = 1;
export const VISIBILITY_HIDDEN = 2;
export const VISIBILITY_VISIBLE = 4;

/** The name under which an element's open shadow root is recorded (no element can have it). */
export const SHADOW_ROOT = '#shadow-root';

/** Never read: code, styles, metadata, and our own elements (`mla-…`). Comments are skipped too. */
const SKIPPED = /^(script|style|link|meta|base|template|noscript|mla-.*)$/;

/** Reads `element` and everything under it (the document's `<html>` for a whole page). */
export function rawSnapshot(element: Element, parentVisibility = 'visible'): RawElement {
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  // `collapse` hides like `hidden`; without a computed style (no window) the parent's holds.
  const shown = !style?.visibility ? parentVisibility : style.visibility === 'visible' ? 'visible' : 'hidden';
  const flags =
    (style?.display === 'none' ? DISPLAY_NONE : 0) |
    (shown === parentVisibility ? 0 : shown === 'hidden' ? VISIBILITY_HIDDEN : VISIBILITY_VISIBLE);
  const children: RawNode[] = [];
  // An open shadow root (a web component's own markup) is what the browser shows: read it first,
  // as `SHADOW_ROOT`; a closed one cannot be read.
  const shadow = element.shadowRoot;
  if (shadow) children.push([SHADOW_ROOT, [], 0, childrenOf(shadow, shown)]);
  children.push(...childrenOf(element, shown));
  return [element.localName, Array.from(element.attributes, (a) => [a.name, a.value]), flags, children];
}

/** The element and text children of `parent`, read. */
function childrenOf(parent: ParentNode, shown: string): RawNode[] {
  const children: RawNode[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) children.push(child.nodeValue ?? '');
    else if (child.nodeType === 1 && !SKIPPED.test((child as Element).localName))
      children.push(rawSnapshot(child as Element, shown));
  }
  return children;
}
