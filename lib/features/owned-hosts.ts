import { createShadowHost } from '../ui/shadow-host';

/**
 * Exactly one host of `tag` directly under `parent`, one we created: extras and strays (e.g. left
 * by a previous copy of the content script after an update) are removed. A new host goes before
 * the first child of `parent` matching `before`, else at the end.
 */
export function ensureChildHost(
  parent: HTMLElement,
  tag: string,
  owned: WeakSet<Element>,
  before?: string,
): HTMLElement {
  let kept: HTMLElement | null = null;
  for (const child of Array.from(parent.children)) {
    if (child.localName !== tag) continue;
    if (!kept && owned.has(child)) kept = child as HTMLElement;
    else child.remove();
  }
  if (kept) return kept;
  const host = createShadowHost(parent.ownerDocument, tag);
  owned.add(host);
  const next = before ? parent.querySelector(`:scope > ${before}`) : null;
  parent.insertBefore(host, next);
  return host;
}
