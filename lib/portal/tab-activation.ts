/**
 * Whether an element the page labels "Numéros" is safe for the extension to activate on the
 * operator's behalf: a tab (`role=tab`, or a link inside one) or an in-page anchor (`#numeros`).
 * Never a button that would submit a form, never a link that leaves the page or runs script (`#`,
 * `javascript:`): on a portal we have never seen, a bare "Numéros" could just as well be an action.
 */

/** A button (or input) that submits its form when clicked. */
function submitsAForm(element: Element): boolean {
  const control = element as HTMLButtonElement;
  return (
    (element.localName === 'button' || element.localName === 'input') &&
    /^(submit|image)$/.test(control.type) &&
    control.form != null
  );
}

/** `href="#x"`, or the page's own address with a fragment: following it stays on this page. */
export function isInPageAnchor(element: Element): boolean {
  if (element.localName !== 'a' || !element.hasAttribute('href')) return false;
  const link = element as HTMLAnchorElement;
  const withoutHash = (url: string) => url.split('#')[0];
  return link.hash.length > 1 && withoutHash(link.href) === withoutHash(element.ownerDocument.URL);
}

export function isSafeTabToActivate(element: Element): boolean {
  if (submitsAForm(element) || /^\s*javascript:/i.test(element.getAttribute('href') ?? '')) return false;
  if (element.getAttribute('role') === 'tab') return true;
  // The link Bootstrap-like markup puts inside the tab (`<li role="tab"><a href="…">`): part of the tab.
  if (element.localName === 'a' && element.parentElement?.closest('[role="tab"]')) return true;
  return isInPageAnchor(element);
}
