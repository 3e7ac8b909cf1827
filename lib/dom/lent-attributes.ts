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
}

/** Sets `name` to `value` (writing only when it differs), remembering the page's value. */
export function lendAttribute(element: Element, name: string, value: string, previous?: Lent | null): Lent {
  const current = element.getAttribute(name);
  // Still ours from last time: keep the page's value from before. Otherwise the page wrote since.
  const before =
    previous && previous.element === element && current === previous.lent ? previous.before : current;
  if (current !== value) element.setAttribute(name, value);
  return { element, name, before, lent: value };
}

/** Adds `token` to a space-separated list attribute (`aria-describedby`), keeping the page's tokens. */
export function lendToken(element: Element, name: string, token: string, previous?: Lent | null): Lent {
  const current = element.getAttribute(name);
  const ours = previous && previous.element === element && current === previous.lent;
  const before = ours ? previous.before : current;
  const tokens = (before ?? '').split(/\s+/).filter(Boolean);
  const value = tokens.includes(token) ? tokens.join(' ') : [...tokens, token].join(' ');
  if (current !== value) element.setAttribute(name, value);
  return { element, name, before, lent: value };
}

/** Puts back the page's value, unless the page changed the attribute since it was lent. */
export function giveBack(lent: Lent): void {
  const { element, name, before } = lent;
  if (element.getAttribute(name) !== lent.lent) return;
  if (before === null) element.removeAttribute(name);
  else if (before !== lent.lent) element.setAttribute(name, before);
}

/** Removes one token the extension added, whatever else the page did with the list meanwhile. */
export function giveBackToken(lent: Lent, token: string): void {
  const { element, name } = lent;
  const current = element.getAttribute(name);
  if (current === lent.lent) {
    giveBack(lent);
    return;
  }
  if (current === null) return;
  const before = (lent.before ?? '').split(/\s+/);
  if (before.includes(token)) return;
  const rest = current.split(/\s+/).filter((part) => part !== '' && part !== token);
  if (rest.length > 0) element.setAttribute(name, rest.join(' '));
  else element.removeAttribute(name);
}

/** An inline style property lent the same way (the page's own value and priority are put back). */
export interface LentStyle {
  element: ElementCSSInlineStyle & Element;
  property: string;
  before: { value: string; priority: string };
  /** Whether the element had a `style` attribute at all before (so none is left behind). */
  hadStyle: boolean;
  lent: string;
}

export function lendStyle(
  element: ElementCSSInlineStyle & Element,
  property: string,
  value: string,
  previous?: LentStyle | null,
): LentStyle {
  const { style } = element;
  const current = style.getPropertyValue(property);
  const ours = previous && previous.element === element && current === previous.lent;
  const before = ours ? previous.before : { value: current, priority: style.getPropertyPriority(property) };
  const hadStyle = ours ? previous.hadStyle : element.hasAttribute('style');
  if (current !== value) style.setProperty(property, value);
  return { element, property, before, hadStyle, lent: style.getPropertyValue(property) };
}

export function giveBackStyle(lent: LentStyle): void {
  const { element, property, before } = lent;
  const { style } = element;
  if (style.getPropertyValue(property) !== lent.lent) return;
  if (before.value === '') style.removeProperty(property);
  else style.setProperty(property, before.value, before.priority);
  if (!lent.hadStyle && element.getAttribute('style') === '') element.removeAttribute('style');
}
