import { type ComponentChild, render } from 'preact';

/** A custom element with an open shadow root (Playwright and screen readers reach open roots). */
export function createShadowHost(document: Document, tag: string): HTMLElement {
  const host = document.createElement(tag);
  host.attachShadow({ mode: 'open' });
  return host;
}

/**
 * One constructed style sheet per CSS text and document, shared by every shadow root that shows it:
 * a `<style>` per root made the browser process ~330 style sheets for a 200-row block. Where sheets
 * cannot be built or adopted (older engines, sandboxes), each root gets its own `<style>`.
 */
interface SharedSheets {
  /** Whether adopting works in this document: checked on the first root only (reading back costs). */
  adopts: boolean | undefined;
  /** The one-sheet list each root adopts, per CSS text (`null`: the sheet could not be built). */
  lists: Map<string, CSSStyleSheet[] | null>;
}
const shared = new WeakMap<Document, SharedSheets>();
/** Whether each root shows its styles through the shared sheet (decided once: its children depend on it). */
const adoptedBy = new WeakMap<ShadowRoot, boolean>();

function sheetList(document: Document, sheets: SharedSheets, css: string): CSSStyleSheet[] | null {
  let list = sheets.lists.get(css);
  if (list === undefined) {
    try {
      // The page's own constructor: a sheet is adoptable only in the document it was made for.
      const Sheet = document.defaultView?.CSSStyleSheet;
      const sheet = Sheet ? new Sheet() : null;
      sheet?.replaceSync(css);
      list = sheet ? [sheet] : null;
    } catch {
      list = null;
    }
    sheets.lists.set(css, list);
  }
  return list;
}

/** Adopts the shared sheet for `css` in `root`; false when the browser cannot. */
function adoptStyles(root: ShadowRoot, css: string): boolean {
  const document = root.ownerDocument;
  let sheets = shared.get(document);
  if (!sheets) {
    sheets = { adopts: 'adoptedStyleSheets' in root ? undefined : false, lists: new Map() };
    shared.set(document, sheets);
  }
  if (sheets.adopts === false) return false;
  const list = sheetList(document, sheets, css);
  if (!list) return false;
  try {
    root.adoptedStyleSheets = list;
    sheets.adopts ??= root.adoptedStyleSheets[0] === list[0];
  } catch {
    sheets.adopts = false;
  }
  return sheets.adopts;
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
