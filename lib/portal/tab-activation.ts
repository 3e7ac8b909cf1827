/**
 * Whether an element the page labels "Numéros" is safe for the extension to activate on the
 * operator's behalf: a tab (`role=tab`, or a link inside one) or an in-page anchor (`#numeros`).
 * Never a button that would submit a form, never a link that leaves the page or runs script: on a
 * portal we have never seen, "Numéros" could just as well be an action ("Ajouter des numéros" is not
 * matched, but a bare "Numéros" submit button could be).
 */

/** A button (or input) that submits its form when clicked. */
function submitsAForm(element: Element): boolean {
  const tag = element.localName;
  if (tag !== 'button' && tag !== 'input') return false;
  const type = (element.getAttribute('type') ?? (tag === 'button' ? 'submit' : 'text')).toLowerCase();
  if (type !== 'submit' && type !== 'image') return false;
  return (element as HTMLButtonElement | HTMLInputElement).form != null;
}

/** `href="#x"`, or the page's own address with a fragment: following it stays on this page. */
export function isInPageAnchor(element: Element): boolean {
  if (element.localName !== 'a') return false;
  const href = element.getAttribute('href')?.trim() ?? '';
  if (href.startsWith('#')) return href.length > 1;
  if (href === '' || /^javascript:/i.test(href)) return false;
  try {
    const base = element.ownerDocument.baseURI;
    const target = new URL(href, base);
    const here = new URL(element.ownerDocument.URL);
    return (
      target.hash.length > 1 &&
      target.origin === here.origin &&
      target.pathname === here.pathname &&
      target.search === here.search
    );
  } catch {
    return false;
  }
}

export function isSafeTabToActivate(element: Element): boolean {
  if (submitsAForm(element)) return false;
  if (element.localName === 'a' && /^\s*javascript:/i.test(element.getAttribute('href') ?? '')) return false;
  if (element.getAttribute('role') === 'tab') return true;
  // The link Bootstrap-like markup puts inside the tab (`<li role="tab"><a href="…">`): part of the tab.
  if (element.localName === 'a' && element.parentElement?.closest('[role="tab"]')) return true;
  return isInPageAnchor(element);
}
