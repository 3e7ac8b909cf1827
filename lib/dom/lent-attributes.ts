/**
 * Attributes the extension lends to the portal's own elements (`aria-disabled` on a blocked button,
 * `aria-describedby` and `aria-invalid` on the quantity input) and gives back exactly.
 *
 * The page may change the same attribute while it is lent (a portal disabling its button while it
 * sends, a framework re-rendering): its latest value is what is given back, and an attribute the page
 * changed after the last lending is left as the page set it. Nothing here ever touches `disabled`:
 * the extension never enables what the portal disabled.
 */
export interface Lent {
  element: Element;
  name: string;
  /** The page's value before the extension's (null: absent). */
  before: string | null;
  /** The value the extension set. */
  lent: string;
  /** For a space-separated list (`aria-describedby`): the one token added to the page's own. */
  token?: string;
}

/**
 * Sets `name` to `value` — or, with `token`, adds `value` to the page's list — writing only when it
 * differs, and remembers the page's value. `previous`: what the last lending returned.
 */
export function lend(
  element: Element,
  name: string,
  value: string,
  previous?: Lent | null,
  token = false,
): Lent {
  const current = element.getAttribute(name);
  // Still ours from last time: keep the page's value from before. Otherwise the page wrote since.
  const before =
    previous && previous.element === element && current === previous.lent ? previous.before : current;
  let lent = value;
  if (token) {
    const tokens = (before ?? '').split(/\s+/).filter(Boolean);
    if (!tokens.includes(value)) tokens.push(value);
    lent = tokens.join(' ');
  }
  if (current !== lent) element.setAttribute(name, lent);
  return token ? { element, name, before, lent, token: value } : { element, name, before, lent };
}

/**
 * Puts back the page's value, unless the page changed the attribute since: then a token the extension
 * added is removed from the page's list, and any other value stays as the page set it.
 */
export function giveBack({ element, name, before, lent, token }: Lent): void {
  const current = element.getAttribute(name);
  if (current === lent) {
    if (before === null) element.removeAttribute(name);
    else if (before !== lent) element.setAttribute(name, before);
    return;
  }
  if (token === undefined || current === null || (before ?? '').split(/\s+/).includes(token)) return;
  const rest = current.split(/\s+/).filter((part) => part !== '' && part !== token);
  if (rest.length > 0) element.setAttribute(name, rest.join(' '));
  else element.removeAttribute(name);
}
