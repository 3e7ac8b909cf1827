import { type ComponentChild, render } from 'preact';

/** A custom element with an open shadow root (Playwright and screen readers reach open roots). */
export function createShadowHost(document: Document, tag: string): HTMLElement {
  const host = document.createElement(tag);
  host.attachShadow({ mode: 'open' });
  return host;
}

/** Renders (or re-renders in place) `content` with its styles into the host's shadow root. */
export function renderInHost(host: HTMLElement, css: string, content: ComponentChild): void {
  const root = host.shadowRoot;
  if (!root) return;
  render(
    <>
      <style>{css}</style>
      {content}
    </>,
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
