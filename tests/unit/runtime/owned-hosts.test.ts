import { afterEach, describe, expect, it } from 'vitest';
import { ensureChildHost } from '../../../lib/runtime/owned-hosts';

afterEach(() => {
  document.body.innerHTML = '';
});

function cell(markup: string): HTMLElement {
  document.body.innerHTML = `<table><tr><td>${markup}</td></tr></table>`;
  return document.querySelector('td') as HTMLElement;
}

const tags = (parent: Element) => Array.from(parent.children, (child) => child.localName);

describe('ensureChildHost', () => {
  it('creates one host, before the first child matching `before`, else at the end', () => {
    const td = cell('<span>Licence full</span><i class="x"></i><button>Résilier</button><button>b</button>');
    const owned = new WeakSet<Element>();
    const host = ensureChildHost(td, 'mla-licence', owned, 'button');
    expect(tags(td)).toEqual(['span', 'i', 'mla-licence', 'button', 'button']);
    expect(host.shadowRoot).not.toBeNull();
    const last = ensureChildHost(cell('<span>x</span>'), 'mla-licence', owned, 'button');
    expect(tags(last.parentElement as Element)).toEqual(['span', 'mla-licence']);
  });

  it('keeps its own host and removes strays and duplicates of the tag (another copy of the script)', () => {
    const td = cell('<mla-licence></mla-licence><span>Licence full</span>');
    const owned = new WeakSet<Element>();
    const host = ensureChildHost(td, 'mla-licence', owned);
    expect(td.querySelectorAll('mla-licence')).toHaveLength(1);
    expect(td.querySelector('mla-licence')).toBe(host);
    td.append(document.createElement('mla-licence'));
    td.prepend(document.createElement('mla-licence'));
    expect(ensureChildHost(td, 'mla-licence', owned)).toBe(host);
    expect(Array.from(td.querySelectorAll('mla-licence'))).toEqual([host]);
  });

  it('looks at direct children only', () => {
    const td = cell('<div><button>inner</button><mla-licence></mla-licence></div>');
    const host = ensureChildHost(td, 'mla-licence', new WeakSet(), 'button');
    expect(host.parentElement).toBe(td);
    expect(td.querySelectorAll('mla-licence')).toHaveLength(2);
  });
});
