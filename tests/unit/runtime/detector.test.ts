import { afterEach, describe, expect, it, vi } from 'vitest';
import { mayHoldLicenceContent } from '../../../lib/portal/presence';
import { offerHandoff, takeHandoff } from '../../../lib/runtime/assistant-handoff';
import { watchForLicenceContent, watchForServicesList } from '../../../lib/runtime/detector';
import { cardTable, dialogMarkup, mount, settle } from '../fixtures/page';

const controllers: AbortController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  document.body.innerHTML = '';
  delete (document as { readyState?: unknown }).readyState;
});

function watch() {
  const controller = new AbortController();
  controllers.push(controller);
  const found = vi.fn();
  watchForLicenceContent(document, controller.signal, found);
  return { found, controller };
}

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
  function watchList() {
    const controller = new AbortController();
    controllers.push(controller);
    const found = vi.fn();
    watchForServicesList(document, controller.signal, found);
    return { found, controller };
  }

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
