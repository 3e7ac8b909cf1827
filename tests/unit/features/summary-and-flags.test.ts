import { afterEach, describe, expect, it, vi } from 'vitest';
import { annotationFor, cardTable, mount, settle, shadowText, start, stopAll } from '../fixtures/page';

afterEach(stopAll);

const summary = () => document.querySelector<HTMLElement>('mla-summary');
const flags = () => Array.from(document.querySelectorAll<HTMLElement>('mla-sda-flag'));

describe('summary', () => {
  it('sits just before the block with the card totals: 1 terminable, 7 held by numbers', () => {
    mount(cardTable());
    start();
    const element = summary();
    expect(document.querySelectorAll('mla-summary')).toHaveLength(1);
    expect(element?.nextElementSibling?.tagName).toBe('TABLE');
    expect(element?.dataset).toMatchObject({ terminableTotal: '1', sdaLinkedTotal: '7' });
    expect(shadowText(element)).toBe('Résiliables maintenant : 1 · Associées à un numéro : 7');
  });

  it('stays single, follows a replaced block, and goes when the block goes', async () => {
    mount(`<div class="pane">${cardTable()}</div>`);
    start();
    const pane = document.querySelector('.pane') as HTMLElement;
    pane.innerHTML = cardTable();
    await settle();
    expect(document.querySelectorAll('mla-summary')).toHaveLength(1);
    expect(summary()?.nextElementSibling).toBe(pane.querySelector('table'));
    pane.innerHTML = '<p>Chargement...</p>';
    await settle();
    expect(summary()).toBeNull();
  });

  it('counts rows it cannot read apart', () => {
    mount(cardTable().replace('1 / 2', '1 / 2 / 3'));
    start();
    expect(summary()?.dataset).toMatchObject({ terminableTotal: '0', unknownCount: '1' });
    expect(shadowText(summary())).toContain('1 non reconnue');
  });
});

describe('SDA flags', () => {
  it('flags the seven rows held by a number, collapsed, and opens the rule on demand', () => {
    mount(cardTable());
    start();
    expect(flags()).toHaveLength(7);
    const simple = flags().find((flag) => flag.dataset.licence === 'Licence simple') as HTMLElement;
    const toggle = simple.shadowRoot?.querySelector('button[aria-expanded]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(simple.shadowRoot?.querySelector('#details')?.hasAttribute('hidden')).toBe(true);
    toggle.click();
    const expanded = simple.shadowRoot?.querySelector('button[aria-expanded]');
    expect(expanded?.getAttribute('aria-expanded')).toBe('true');
    expect(shadowText(simple)).toContain('ne peut être résiliée que si elle n’est associée à aucun numéro');
  });

  it('sends the operator to the Numéros tab with a click of theirs, and lists the numbers the page shows', async () => {
    mount(`${cardTable()}<table><thead><tr><th>Numéro</th><th>Utilisateur</th><th>Licence</th></tr></thead>
      <tbody><tr><td>01 84 78 78 80</td><td>Alice</td><td>Licence simple</td></tr></tbody></table>`);
    const tab = Array.from(document.querySelectorAll('a')).find(
      (link) => link.textContent === 'Numéros',
    ) as HTMLElement;
    const opened = vi.fn();
    tab.addEventListener('click', opened);
    start();
    await settle();
    expect(opened).not.toHaveBeenCalled();
    const simple = flags().find((flag) => flag.dataset.licence === 'Licence simple') as HTMLElement;
    (simple.shadowRoot!.querySelector('button[aria-expanded]') as HTMLButtonElement).click();
    expect(shadowText(simple)).toContain('01 84 78 78 80 (Alice)');
    const open = Array.from(simple.shadowRoot?.querySelectorAll('button') ?? []).find(
      (button) => button.textContent === 'Ouvrir l’onglet Numéros',
    );
    open?.click();
    expect(opened).toHaveBeenCalledTimes(1);
    // The keyboard follows: the button pressed is in the pane just left, the tab opened has focus.
    expect(document.activeElement).toBe(tab);
  });

  it.each([
    ['the whole list', '', 'Numéros associés à cette licence :'],
    [
      'one page of several',
      '<p>Page 1 sur 4</p>',
      'dans la partie affichée de la liste (d’autres peuvent l’être aussi)',
    ],
  ])('says whether the numbers it lists are all the page has: %s', (_, pager, wording) => {
    mount(`${cardTable()}<div role="tabpanel"><table><thead><tr><th>Numéro</th><th>Licence</th></tr></thead>
      <tbody><tr><td>01 84 78 78 80</td><td>Licence simple</td></tr></tbody></table>${pager}</div>`);
    start();
    const simple = flags().find((flag) => flag.dataset.licence === 'Licence simple') as HTMLElement;
    (simple.shadowRoot!.querySelector('button[aria-expanded]') as HTMLButtonElement).click();
    expect(shadowText(simple)).toContain(wording);
    expect(shadowText(simple)).toContain('01 84 78 78 80');
  });

  it('never activates a "Numéros" submit button or action link: it names the procedure instead', () => {
    document.body.innerHTML = cardTable();
    document.body.insertAdjacentHTML(
      'afterbegin',
      '<form><ul role="tablist"><li role="tab"><button>Numéros</button></li></ul></form><nav><a href="/numeros/commander">Numéros</a></nav>',
    );
    const submitted = vi.fn((event: Event) => event.preventDefault());
    document.querySelector('form')?.addEventListener('submit', submitted);
    start();
    const flag = flags()[0] as HTMLElement;
    (flag.shadowRoot!.querySelector('button[aria-expanded]') as HTMLButtonElement).click();
    expect(shadowText(flag)).toContain('Procédure : « Dissocier un numéro ».');
    expect(shadowText(flag)).not.toContain('Ouvrir l’onglet Numéros');
    expect(submitted).not.toHaveBeenCalled();
  });

  it('keeps clicks (and Enter/Space) on its buttons away from the page’s handlers', () => {
    mount(cardTable());
    const pageClicks = vi.fn();
    const pageKeys = vi.fn();
    document.querySelector('table')?.addEventListener('click', pageClicks);
    document.addEventListener('keydown', pageKeys);
    start();
    const flag = flags()[0] as HTMLElement;
    const toggle = flag.shadowRoot!.querySelector('button[aria-expanded]') as HTMLButtonElement;
    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    toggle.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(pageClicks).not.toHaveBeenCalled();
    expect(pageKeys).not.toHaveBeenCalled();
    // Other keys are the page's business (Escape closes its dialogs, Tab moves on).
    toggle.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(pageKeys).toHaveBeenCalledTimes(1);
    // The page's own elements are untouched: a click on the row still reaches it.
    (document.querySelector('td') as HTMLElement).click();
    expect(pageClicks).toHaveBeenCalledTimes(1);
  });

  it('names the procedure when the page has no Numéros tab', () => {
    document.body.innerHTML = cardTable();
    start();
    const flag = flags()[0] as HTMLElement;
    (flag.shadowRoot!.querySelector('button[aria-expanded]') as HTMLButtonElement).click();
    expect(shadowText(flag)).toContain('Procédure : « Dissocier un numéro ».');
  });
});

describe('a count the numbers on the page contradict', () => {
  it('turns the row to "Non reconnue" instead of showing a number it cannot trust', () => {
    // Licence full avancée reads 0 / 0, yet the Numéros table shows a number holding it.
    mount(`${cardTable()}<table><thead><tr><th>Numéro</th><th>Utilisateur</th><th>Licence</th></tr></thead>
      <tbody><tr><td>01 84 78 78 99</td><td>M. Martin</td><td>Licence full avancée</td></tr></tbody></table>`);
    start();
    const row = annotationFor('Licence full avancée');
    expect(row.dataset.state).toBe('unknown');
    expect(shadowText(row)).toContain('plus de numéros associés que de licences actives');
    expect(annotationFor('Licence full').dataset.state).toBe('terminable');
    expect(document.querySelector<HTMLElement>('mla-summary')?.dataset.unknownCount).toBe('1');
  });
});
