import { type ComponentChild, render } from 'preact';

/**
 * Our own buttons' clicks (and the Enter/Space that press them) stop at the host: they bubble out of
 * the shadow root (composed events), and the page's handlers on a row, a table or the document must
 * never take them for a click of its own (open a dialog, select a row, submit). Other keys (Tab,
 * Escape) pass, so the page's keyboard handling stays whole.
 */
function keepClicksInside(host: HTMLElement): void {
  const stop = (event: Event) => {
    const key = (event as KeyboardEvent).key;
    if (key === undefined || key === 'Enter' || key === ' ') event.stopPropagation();
  };
  for (const type of 'click dblclick auxclick mousedown mouseup pointerdown pointerup keydown keyup keypress'.split(
    ' ',
  ))
    host.addEventListener(type, stop);
}

/** A custom element with an open shadow root (Playwright and screen readers reach open roots). */
export function createShadowHost(document: Document, tag: string): HTMLElement {
  const host = document.createElement(tag);
  host.attachShadow({ mode: 'open' });
  keepClicksInside(host);
  return host;
}

/**
 * One constructed style sheet per CSS text and document, shared by every shadow root that shows it:
 * a `<style>` per root made the browser process ~330 style sheets for a 200-row block. `null` where
 * sheets cannot be built or adopted (older engines, sandboxes): each root then gets its own `<style>`.
 */
const shared = new WeakMap<Document, Map<string, CSSStyleSheet[] | null>>();
/** Whether each root shows its styles through the shared sheet (decided once: its children depend on it). */
const adoptedBy = new WeakMap<ShadowRoot, boolean>();

function adoptStyles(root: ShadowRoot, css: string): boolean {
  const document = root.ownerDocument;
  const lists = shared.get(document) ?? new Map<string, CSSStyleSheet[] | null>();
  shared.set(document, lists);
  let list = lists.get(css);
  try {
    if (list === undefined) {
      if (!('adoptedStyleSheets' in root)) throw new Error('no adoptedStyleSheets');
      // The page's own constructor: a sheet is adoptable only in the document it was made for.
      const sheet = new (document.defaultView as typeof globalThis).CSSStyleSheet();
      sheet.replaceSync(css);
      list = [sheet];
    }
    if (list) root.adoptedStyleSheets = list;
  } catch {
    list = null;
  }
  lists.set(css, list);
  return list !== null;
}

/** Renders (or re-renders in place) `content` with its styles into the host's shadow root. */
export function renderInHost(host: HTMLElement, css: string, content: ComponentChild): void {
  const root = host.shadowRoot;
  if (!root) return;
  let adopted = adoptedBy.get(root);
  if (adopted === undefined) {
    adopted = adoptStyles(root, css);
    adoptedBy.set(root, adopted);
  }
  render(
    adopted ? (
      content
    ) : (
      <>
        <style>{css}</style>
        {content}
      </>
    ),
    root,
  );
}

/** Unmounts Preact's tree (so its listeners go) and removes the host. */
export function removeHost(host: HTMLElement): void {
  if (host.shadowRoot) render(null, host.shadowRoot);
  host.remove();
}

/** Sets an attribute only when it changes, so the portal's own observers see no needless mutation. */
export function setData(host: HTMLElement, name: string, value: string | number | null): void {
  if (value === null) {
    if (host.hasAttribute(name)) host.removeAttribute(name);
    return;
  }
  const text = String(value);
  if (host.getAttribute(name) !== text) host.setAttribute(name, text);
}
