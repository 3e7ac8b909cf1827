import { afterEach, describe, expect, it } from 'vitest';
import {
  annotationFor,
  annotations,
  CARD_ROWS,
  cardTable,
  mount,
  type Running,
  settle,
  shadowText,
  start,
  stopAll,
} from '../fixtures/page';

let running: Running | null = null;
afterEach(stopAll);

describe('licence annotations on the card', () => {
  it('annotates each row exactly as the card reads: only Licence full terminable, avancée none, six held by an SDA', () => {
    mount(cardTable());
    running = start();
    expect(annotations()).toHaveLength(8);
    const states = Object.fromEntries(
      annotations().map((element) => [element.dataset.licence, element.dataset.state]),
    );
    expect(states).toEqual({
      'Licence simple': 'sda-linked',
      'Licence full': 'terminable',
      'Licence full avancée': 'none',
      'Licence full meeting': 'sda-linked',
      'Licence full meeting avancée': 'sda-linked',
      'Licence full conferencing': 'sda-linked',
      'Licence fax entreprise': 'sda-linked',
      'Licence SVI': 'sda-linked',
    });
    const full = annotationFor('Licence full');
    expect(full.dataset).toMatchObject({ subscribed: '2', active: '1', terminable: '1' });
    expect(shadowText(full)).toContain('1 résiliable');
    expect(shadowText(annotationFor('Licence simple'))).toContain('Non résiliable (SDA)');
    expect(shadowText(annotationFor('Licence full avancée'))).toContain('Aucune licence souscrite');
  });

  it('puts the annotation inside the label cell, after the label, with an open shadow root', () => {
    mount(cardTable());
    running = start();
    const full = annotationFor('Licence full');
    const cell = full.parentElement as HTMLTableCellElement;
    expect(cell.tagName).toBe('TD');
    expect(cell.textContent).toContain('Licence full');
    // After the label: only our own elements follow it in the cell.
    expect(cell.firstChild?.textContent).toContain('Licence full');
    for (let next = full.nextElementSibling; next; next = next.nextElementSibling)
      expect(next.localName.startsWith('mla-')).toBe(true);
    expect(full.shadowRoot?.mode).toBe('open');
    // Styles come from the sheet every annotation shares, not from a <style> per row.
    const sheets = Array.from(full.shadowRoot?.adoptedStyleSheets ?? []);
    expect(sheets).toHaveLength(1);
    expect(annotationFor('Licence simple').shadowRoot?.adoptedStyleSheets[0]).toBe(sheets[0]);
    const css = Array.from(sheets[0]?.cssRules ?? []).map((rule) => rule.cssText);
    expect(css.join('')).toMatch(/display:\s*inline\b/);
    expect(full.shadowRoot?.querySelector('style')).toBeNull();
  });

  it('is idempotent: reading again never duplicates an annotation', async () => {
    mount(cardTable());
    running = start();
    running.assistant.refresh();
    running.assistant.refresh();
    await settle();
    expect(annotations()).toHaveLength(8);
    for (const row of document.querySelectorAll('tr'))
      expect(row.querySelectorAll('mla-licence').length).toBeLessThan(2);
  });

  it('follows a block that arrives after "Chargement..."', async () => {
    mount('<div class="pane"><p>Chargement...</p></div>');
    running = start();
    expect(annotations()).toHaveLength(0);
    (document.querySelector('.pane') as HTMLElement).innerHTML = cardTable();
    await settle();
    expect(annotations()).toHaveLength(8);
  });

  it('follows a block replaced after a termination, with the new counts and no stale annotation', async () => {
    mount(`<div class="pane">${cardTable()}</div>`);
    running = start();
    const before = annotationFor('Licence full');
    const rows = CARD_ROWS.map((row) => (row.label === 'Licence full' ? { ...row, subscribed: 1 } : row));
    (document.querySelector('.pane') as HTMLElement).innerHTML = cardTable(rows);
    await settle();
    expect(annotations()).toHaveLength(8);
    expect(before.isConnected).toBe(false);
    expect(annotationFor('Licence full').dataset).toMatchObject({ state: 'sda-linked', terminable: '0' });
  });

  it('updates a row in place when its count changes', async () => {
    mount(cardTable());
    running = start();
    const before = annotationFor('Licence full');
    const cell = before.closest('tr')?.cells[1] as HTMLTableCellElement;
    cell.textContent = '0 / 2';
    await settle();
    const after = annotationFor('Licence full');
    expect(after).toBe(before);
    expect(after.dataset).toMatchObject({ state: 'terminable', active: '0', terminable: '2' });
    expect(shadowText(after)).toContain('2 résiliables');
  });

  it('removes the annotation of a removed row', async () => {
    mount(cardTable());
    running = start();
    annotationFor('Licence SVI').closest('tr')?.remove();
    await settle();
    expect(annotations()).toHaveLength(7);
    expect(annotations().some((element) => element.dataset.licence === 'Licence SVI')).toBe(false);
  });

  it('shows an unreadable count as unknown with its reason, without numbers', () => {
    const rows = [{ label: 'Licence full', count: 'x / 2' }].map((row) => ({
      label: `${row.label} ⓘ`,
      count: row.count,
    }));
    mount(
      `<table><tbody><tr><th>Nombre de licences</th></tr>${rows.map((row) => `<tr><td>${row.label}</td><td>${row.count}</td></tr>`).join('')}</tbody></table>`,
    );
    running = start();
    const full = annotationFor('Licence full');
    expect(full.dataset.state).toBe('unknown');
    expect(full.hasAttribute('data-subscribed')).toBe(false);
    expect(full.hasAttribute('data-terminable')).toBe(false);
    expect(shadowText(full)).toMatch(/^Non reconnue : /);
  });

  it('keeps hostile page text as text (never markup) in attributes and shadow roots', () => {
    mount(
      `<table><tbody><tr><th>Nombre de licences</th></tr><tr><td>Licence &lt;img src=x onerror=alert(1)&gt;</td><td>1 / 2</td></tr></tbody></table>`,
    );
    running = start();
    const [only] = annotations();
    expect(only?.dataset.licence).toBe('Licence <img src=x onerror=alert(1)>');
    expect(only?.shadowRoot?.querySelector('img')).toBeNull();
  });

  it('removes every annotation when the content script goes away', () => {
    mount(cardTable());
    running = start();
    running.controller.abort();
    expect(document.querySelectorAll('mla-licence, mla-summary, mla-sda-flag').length).toBe(0);
  });
});
