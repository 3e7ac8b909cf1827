import { afterEach, describe, expect, it, vi } from 'vitest';
import { detailsTabControl, mayHoldLicenceContent, showsDetailsTab } from '../../../lib/portal/presence';
import { offerHandoff, takeHandoff } from '../../../lib/runtime/assistant-handoff';
import {
  watchForDetailsTab,
  watchForLicenceContent,
  watchForServicesList,
} from '../../../lib/runtime/detector';
import { cardTable, dialogMarkup, mount, settle } from '../fixtures/page';

const controllers: AbortController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  document.body.innerHTML = '';
  delete (document as { readyState?: unknown }).readyState;
});

/** Starts one of the detector's watches on this document, stopped after the test. */
function watchWith(watcher: (document: Document, signal: AbortSignal, found: () => void) => void) {
  const controller = new AbortController();
  controllers.push(controller);
  const found = vi.fn();
  watcher(document, controller.signal, found);
  return { found, controller };
}

const watch = () => watchWith(watchForLicenceContent);

function whileParsing() {
  Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
}

describe('mayHoldLicenceContent (the readers’ labels, loosely)', () => {
  it.each([
    ['Nombre de licences', true],
    ['NOMBRE  DE\u00a0LICENCES :', true],
    ['Services › Détails — Nombre de licences', true],
    ['Résiliation licence full', true],
    ['RÉSILIATION DE LA LICENCE Full ⓘ', true],
    ['resiliation de licence SVI', true],
    ['Informations générales', false],
    ['Licence full 1 / 2', false],
    ['Nombre de numéros', false],
    ['Résiliation du service', false],
  ])('%j → %s', (text, expected) => {
    expect(mayHoldLicenceContent(text)).toBe(expected);
  });
});

describe('watchForLicenceContent', () => {
  it('finds a block already in the parsed page at once', () => {
    mount(cardTable());
    expect(watch().found).toHaveBeenCalledTimes(1);
  });

  it('finds nothing on another page, then the block when the portal inserts it, once', async () => {
    mount('<p>Informations générales</p>');
    const { found } = watch();
    document.body.insertAdjacentHTML('beforeend', '<p>Dernière connexion : hier</p>');
    await settle();
    expect(found).not.toHaveBeenCalled();
    document.body.insertAdjacentHTML('beforeend', cardTable());
    await settle();
    expect(found).toHaveBeenCalledTimes(1);
    document.body.insertAdjacentHTML('beforeend', cardTable());
    await settle();
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('finds a termination dialog fetched later, and a text rewritten in place', async () => {
    mount('<p>Informations générales</p>');
    const dialog = watch();
    document.body.insertAdjacentHTML('beforeend', dialogMarkup());
    await settle();
    expect(dialog.found).toHaveBeenCalledTimes(1);
    dialog.controller.abort();

    mount('<h3>Chargement...</h3>');
    const rewritten = watch();
    const text = document.querySelector('h3')?.firstChild as Text;
    text.data = 'Nombre de licences';
    await settle();
    expect(rewritten.found).toHaveBeenCalledTimes(1);
  });

  it('while parsing, tests added text only; a heading split over elements is found once parsed', async () => {
    whileParsing();
    const { found } = watch();
    document.body.insertAdjacentHTML('beforeend', '<h3>Nombre de <b>licences</b></h3>');
    await settle();
    expect(found).not.toHaveBeenCalled();
    document.body.append(document.createTextNode('Résiliation licence full'));
    await settle();
    expect(found).toHaveBeenCalledTimes(1);

    document.body.innerHTML = '';
    const split = watch();
    document.body.insertAdjacentHTML('beforeend', '<h3>Nombre de <b>licences</b></h3>');
    await settle();
    expect(split.found).not.toHaveBeenCalled();
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(split.found).toHaveBeenCalledTimes(1);
  });

  it('does not bring the assistant to the services list: nothing of it runs there', () => {
    mount('<nav><a href="/services">Paramétrage / Monitoring</a></nav><h1>Paramétrage / Monitoring</h1>');
    expect(watch().found).not.toHaveBeenCalled();
  });

  it('stops watching with its signal (extension updated or removed)', async () => {
    mount('<p>Informations générales</p>');
    const { found, controller } = watch();
    controller.abort();
    document.body.insertAdjacentHTML('beforeend', cardTable());
    await settle();
    expect(found).not.toHaveBeenCalled();
  });
});

describe('watchForServicesList (where the audit’s button goes)', () => {
  const watchList = () => watchWith(watchForServicesList);

  it('finds the list by its heading, not by the menu link every page has', () => {
    mount('<nav><a href="/services">Paramétrage / Monitoring</a></nav><p>Accueil</p>');
    expect(watchList().found).not.toHaveBeenCalled();
    mount('<nav><a href="/services">Paramétrage / Monitoring</a></nav><h1>Paramétrage  / monitoring</h1>');
    expect(watchList().found).toHaveBeenCalledTimes(1);
  });

  it('looks once the document is parsed, and not after its signal aborted', () => {
    whileParsing();
    const { found } = watchList();
    const stopped = watchList();
    stopped.controller.abort();
    mount('<h1>Paramétrage / Monitoring</h1>');
    expect(found).not.toHaveBeenCalled();
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(found).toHaveBeenCalledTimes(1);
    expect(stopped.found).not.toHaveBeenCalled();
  });
});

describe('the handoff', () => {
  it('is taken once: a second injection into the frame finds none', () => {
    const handoff = { context: { signal: new AbortController().signal, isInvalid: false }, started: vi.fn() };
    offerHandoff(handoff);
    expect(takeHandoff()).toBe(handoff);
    expect(takeHandoff()).toBeNull();
  });

  it('is kept per part: the button’s handoff is not the assistant’s', () => {
    const context = { signal: new AbortController().signal, isInvalid: false };
    const forAssistant = { context, started: vi.fn() };
    const forButton = { context, started: vi.fn() };
    offerHandoff(forAssistant, 'assistant');
    offerHandoff(forButton, 'audit-start');
    expect(takeHandoff('audit-start')).toBe(forButton);
    expect(takeHandoff('audit-start')).toBeNull();
    expect(takeHandoff('assistant')).toBe(forAssistant);
  });
});

describe('the Détails tab (the block is on its way: the assistant may come before it)', () => {
  const tabs = (details: string, other = '<li><a href="#informations">Informations</a></li>') =>
    `<ul class="nav">${other}${details}</ul><div><p>Chargement...</p></div>`;

  it.each([
    [
      'Bootstrap 3: the list item is active',
      '<li class="active"><a href="#details" data-toggle="tab">Détails</a></li>',
      true,
    ],
    ['ARIA: the tab is selected', '<li><a role="tab" aria-selected="true" href="#d">Détails</a></li>', true],
    [
      'ARIA on the tab around the link',
      '<li role="tab" aria-selected="true"><a href="#d">Détails</a></li>',
      true,
    ],
    [
      'Bootstrap 3 keeps aria-expanded',
      '<li><a data-toggle="tab" aria-expanded="true" href="#d">Détails</a></li>',
      true,
    ],
    ['any case, spacing, icon', '<li class="active"><a href="#d">  DÉTAILS ⓘ </a></li>', true],
    ['another tab is the chosen one', '<li><a href="#details" data-toggle="tab">Détails</a></li>', false],
    ['a chosen tab with another label', '<li class="active"><a href="#d">Détails du compte</a></li>', false],
    [
      'a "Détails" link that leaves the page, in an active item',
      '<li class="active"><a href="/services/1">Détails</a></li>',
      false,
    ],
    ['a button, not a tab', '<li class="active"><button type="button">Détails</button></li>', false],
  ])('%s → %s', (_, markup, expected) => {
    document.body.innerHTML = tabs(markup);
    expect(showsDetailsTab(document)).toBe(expected);
  });

  it('the tab control a click lands in: the tab itself or any element inside it, by its label', () => {
    document.body.innerHTML =
      '<ul role="tablist"><li><a href="#d" role="tab"><span class="icon"></span><b>Détails</b></a></li><li><a href="#n" role="tab">Numéros</a></li></ul><a href="/x">Détails</a>';
    const [details, numbers] = [...document.querySelectorAll('[role="tab"]')];
    expect(detailsTabControl(details?.querySelector('b') ?? null)).toBe(details);
    expect(detailsTabControl(numbers ?? null)).toBeNull();
    expect(detailsTabControl(document.querySelector('a[href="/x"]'))).toBeNull();
    expect(detailsTabControl(document)).toBeNull();
    expect(detailsTabControl(null)).toBeNull();
  });

  const watchTab = () => watchWith(watchForDetailsTab);

  it('finds it chosen once the document is parsed', () => {
    whileParsing();
    const { found } = watchTab();
    document.body.innerHTML = tabs('<li class="active"><a href="#details">Détails</a></li>');
    expect(found).not.toHaveBeenCalled();
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('while parsing: as the parser adds the chosen tab’s label, before the page (and its panes) are parsed', async () => {
    whileParsing();
    const { found } = watchTab();
    document.body.innerHTML = '<ul class="nav"><li><a href="#informations">Informations</a></li></ul>';
    const item = document.createElement('li');
    item.className = 'active';
    const link = document.createElement('a');
    link.setAttribute('href', '#details');
    item.append(link);
    document.querySelector('ul')?.append(item);
    await settle();
    expect(found).not.toHaveBeenCalled();
    // The parser adds the label's text: found at once, the document still loading.
    link.append(document.createTextNode('Détails'));
    await settle();
    expect(found).toHaveBeenCalledTimes(1);
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('while parsing, a label of a tab not chosen is no reason; the check once parsed still looks', async () => {
    whileParsing();
    const { found } = watchTab();
    document.body.innerHTML = tabs('<li><a href="#details">Détails</a></li>');
    document.querySelector('a[href="#details"]')?.append(document.createTextNode(' '));
    await settle();
    expect(found).not.toHaveBeenCalled();
    // The page's script chooses the tab before the document is parsed.
    document.querySelector('a[href="#details"]')?.parentElement?.classList.add('active');
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('finds it when the operator clicks it (once), not for another tab or another "Détails"', () => {
    document.body.innerHTML = `${tabs('<li><a href="#details" data-toggle="tab"><span>Détails</span></a></li>')}<a href="/services/2">Détails</a>`;
    const { found } = watchTab();
    expect(found).not.toHaveBeenCalled();
    document.querySelector<HTMLElement>('a[href="#informations"]')?.click();
    document
      .querySelector<HTMLElement>('a[href="/services/2"]')
      ?.addEventListener('click', (e) => e.preventDefault());
    document.querySelector<HTMLElement>('a[href="/services/2"]')?.click();
    expect(found).not.toHaveBeenCalled();
    document.querySelector<HTMLElement>('a[href="#details"] span')?.click();
    document.querySelector<HTMLElement>('a[href="#details"]')?.click();
    expect(found).toHaveBeenCalledTimes(1);
  });

  it('listens no more once its signal aborts', () => {
    document.body.innerHTML = tabs('<li><a href="#details">Détails</a></li>');
    const { found, controller } = watchTab();
    controller.abort();
    document.querySelector<HTMLElement>('a[href="#details"]')?.click();
    whileParsing();
    const parsing = watchTab();
    parsing.controller.abort();
    document.body.innerHTML = tabs('<li class="active"><a href="#details">Détails</a></li>');
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(found).not.toHaveBeenCalled();
    expect(parsing.found).not.toHaveBeenCalled();
  });
});
