import { afterEach, describe, expect, it, vi } from 'vitest';
import { createShadowHost, removeHost, renderInHost } from '../../../lib/ui/shadow-host';

const CSS = ':host{display:block;contain:inline-size}p{margin:0}';

function mounted(): HTMLElement {
  const host = createShadowHost(document, 'mla-test');
  document.body.append(host);
  return host;
}

/** The CSS a root shows, whichever way it carries it. */
function cssOf(host: HTMLElement): string {
  const root = host.shadowRoot as ShadowRoot;
  const adopted = Array.from(root.adoptedStyleSheets ?? []).flatMap((sheet) =>
    Array.from(sheet.cssRules).map((rule) => rule.cssText),
  );
  return [...adopted, root.querySelector('style')?.textContent ?? ''].join('\n');
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('renderInHost', () => {
  it('shares one constructed sheet between roots instead of a <style> in each', () => {
    const first = mounted();
    const second = mounted();
    renderInHost(first, CSS, <p>un</p>);
    renderInHost(second, CSS, <p>deux</p>);
    const [sheet] = first.shadowRoot?.adoptedStyleSheets ?? [];
    expect(sheet).toBeDefined();
    expect(second.shadowRoot?.adoptedStyleSheets).toEqual([sheet]);
    expect(first.shadowRoot?.querySelector('style')).toBeNull();
    expect(cssOf(first)).toMatch(/contain:\s*inline-size/);
    expect(first.shadowRoot?.textContent).toBe('un');
  });

  it('keeps a <style> in the root where constructed sheets cannot be built', () => {
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => {
      throw new Error('not allowed here');
    });
    const fresh = document.implementation.createHTMLDocument('sans feuilles partagées');
    const host = createShadowHost(fresh, 'mla-test');
    fresh.body.append(host);
    renderInHost(host, CSS, <p>texte</p>);
    renderInHost(host, CSS, <p>texte modifié</p>);
    expect(host.shadowRoot?.querySelectorAll('style')).toHaveLength(1);
    expect(host.shadowRoot?.querySelector('style')?.textContent).toBe(CSS);
    expect(host.shadowRoot?.querySelector('p')?.textContent).toBe('texte modifié');
  });

  it('re-renders in place and removes the host with its content', () => {
    const host = mounted();
    renderInHost(host, CSS, <p>avant</p>);
    const paragraph = host.shadowRoot?.querySelector('p');
    renderInHost(host, CSS, <p>après</p>);
    expect(host.shadowRoot?.querySelector('p')).toBe(paragraph);
    expect(paragraph?.textContent).toBe('après');
    removeHost(host);
    expect(host.isConnected).toBe(false);
    expect(host.shadowRoot?.childNodes).toHaveLength(0);
  });
});
