import { createShadowHost } from '../ui/shadow-host';

/**
 * Exactly one host of `tag` directly under `parent`, one we created: extras and strays (e.g. left
 * by a previous copy of the content script after an update) are removed. A new host goes before
 * the first child of `parent` matching `before`, else at the end. `placing` hears of each insertion
 * (the runtime's back-off against pages that keep removing our elements).
 */
export function ensureChildHost(
  parent: HTMLElement,
  tag: string,
  owned: WeakSet<Element>,
  before?: string,
  placing?: (place: Node) => unknown,
): HTMLElement {
  // One walk over the children (no copy of the list, no selector query per row: 200-row blocks).
  let kept: HTMLElement | null = null;
  let next: Element | null = null;
  for (let child = parent.firstElementChild; child; ) {
    const following = child.nextElementSibling;
    if (child.localName === tag) {
      if (!kept && owned.has(child)) kept = child as HTMLElement;
      else child.remove();
    } else if (before && !next && child.matches(before)) {
      next = child;
    }
    child = following;
  }
  if (kept) return kept;
  const host = createShadowHost(parent.ownerDocument, tag);
  owned.add(host);
  placing?.(parent);
  parent.insertBefore(host, next);
  return host;
}
