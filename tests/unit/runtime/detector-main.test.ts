import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { judgeEarly } from '../../../lib/dom/early-events';
import { takeHandoff } from '../../../lib/runtime/assistant-handoff';
import { startDetector } from '../../../lib/runtime/detector-main';
import { STATUS_REQUEST } from '../../../lib/runtime/page-status';
import { SETTINGS_KEY } from '../../../lib/settings/stored-areas';
import { cardTable, mount, settle } from '../fixtures/page';

const LIST = '<nav><a href="/services">Paramétrage / Monitoring</a></nav><h1>Paramétrage / Monitoring</h1>';

const controllers: AbortController[] = [];
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  takeHandoff('assistant');
  takeHandoff('audit-start');
  document.body.innerHTML = '';
});

function detect(target: Document = document) {
  const controller = new AbortController();
  controllers.push(controller);
  const load = vi.fn(() => Promise.resolve(true));
  startDetector({ signal: controller.signal, isInvalid: false }, target, load, vi.fn());
  return load;
}

describe('the detector holds the page’s actions for the guard from the start', () => {
  it('adds the window’s first capture listeners, which the guard judges through until it stops', () => {
    detect();
    const guard = new AbortController();
    const judged: string[] = [];
    judgeEarly((event) => judged.push(event.type), guard.signal);
    // The page's own capture listener on the window, added after the detector's.
    const page = vi.fn();
    window.addEventListener('click', page, true);
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.body.dispatchEvent(new Event('submit', { bubbles: true }));
    guard.abort();
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    window.removeEventListener('click', page, true);
    expect(judged).toEqual(['click', 'submit']);
    expect(page).toHaveBeenCalledTimes(2);
  });
});

describe('the detector asks for the part the page needs', () => {
  it('the assistant where licence content shows', async () => {
    mount(cardTable());
    const load = detect();
    await settle();
    expect(load.mock.calls).toEqual([['assistant']]);
    expect(takeHandoff('assistant')).not.toBeNull();
  });

  it('on the services list, the audit’s start button only: nothing of the assistant', async () => {
    document.body.innerHTML = LIST;
    const load = detect();
    await settle();
    expect(load.mock.calls).toEqual([['audit-start']]);
    expect(takeHandoff('audit-start')?.context.isInvalid).toBe(false);
    expect(takeHandoff('assistant')).toBeNull();
  });

  it('nothing on another page', async () => {
    document.body.innerHTML = '<nav><a href="/services">Paramétrage / Monitoring</a></nav><h1>Accueil</h1>';
    const load = detect();
    await settle();
    expect(load).not.toHaveBeenCalled();
  });

  it('no button in a frame showing the list: one button, the tab’s page', async () => {
    document.body.innerHTML = LIST;
    // This document seen as a frame's: its window's top is another window.
    const own = Object.getOwnPropertyDescriptor(window, 'top');
    Object.defineProperty(window, 'top', { value: {}, configurable: true });
    try {
      const load = detect();
      await settle();
      expect(load).not.toHaveBeenCalled();
    } finally {
      if (own) Object.defineProperty(window, 'top', own);
      else delete (window as { top?: unknown }).top;
    }
    expect(window.top).toBe(window);
  });
});

describe('the assistant, asked for once and ahead of the block when it can', () => {
  const SERVICE_PAGE = (chosen: 'informations' | 'details') =>
    `<ul class="nav nav-tabs" role="tablist">${['informations', 'details']
      .map(
        (id) =>
          `<li class="${id === chosen ? 'active' : ''}"><a href="#${id}" role="tab" data-toggle="tab">${id === 'details' ? 'Détails' : 'Informations'}</a></li>`,
      )
      .join('')}</ul><div id="details"><p>Chargement...</p></div>`;

  it('as the Détails tab is chosen, before its block; not again when the block arrives', async () => {
    document.body.innerHTML = SERVICE_PAGE('details');
    const load = detect();
    expect(load.mock.calls).toEqual([['assistant']]);
    document.querySelector('#details')?.insertAdjacentHTML('beforeend', cardTable());
    await settle();
    expect(load.mock.calls).toEqual([['assistant']]);
  });

  it('on another tab: when the operator clicks Détails, once', async () => {
    document.body.innerHTML = SERVICE_PAGE('informations');
    const load = detect();
    await settle();
    expect(load).not.toHaveBeenCalled();
    const details = document.querySelector<HTMLElement>('a[href="#details"]');
    details?.click();
    details?.click();
    expect(load.mock.calls).toEqual([['assistant']]);
  });

  it('hands over the options’ reads it started with the request, for the assistant to use', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { language: 'en', savedAt: 5 } });
    mount(cardTable());
    detect();
    const handoff = takeHandoff('assistant');
    const areas = await handoff?.early?.storedAreas;
    expect(areas?.[1]).toEqual({ status: 'fulfilled', value: { language: 'en', savedAt: 5 } });
  });
});

describe('the assistant refused (executeScript rejects, the background restarted mid-request)', () => {
  /** The popup's question, asked of the detector's listener as the browser would. */
  function statusAnswer(add: { mock: { calls: unknown[][] } }): unknown {
    for (const [listener] of add.mock.calls) {
      const respond = vi.fn();
      const kept = (listener as (m: unknown, s: unknown, r: (a: unknown) => void) => unknown)(
        { type: STATUS_REQUEST },
        {},
        respond,
      );
      if (kept === true) return respond.mock.calls[0]?.[0];
    }
    return 'no answer';
  }

  function detectWith(load: (part: string) => Promise<unknown>) {
    const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const controller = new AbortController();
    controllers.push(controller);
    startDetector({ signal: controller.signal, isInvalid: false }, document, load, vi.fn());
    return add;
  }

  // What the background answers, twice: what the popup is told.
  it.each<[string, () => Promise<unknown>, string]>([
    [
      'the injection refused (tab navigated, frame gone, error page)',
      () => Promise.resolve(false),
      'assistant-failed',
    ],
    [
      'the background gone before it answered',
      () => Promise.reject(new Error('message port closed')),
      'assistant-failed',
    ],
    ['no answer at all', () => Promise.resolve(undefined), 'assistant-failed'],
  ])(
    '%s: asked again once, then the popup is told it failed, not "no block"',
    async (_case, answer, reason) => {
      mount(cardTable());
      const load = vi.fn(answer);
      const add = detectWith(load);
      await settle();
      await settle();
      expect(load.mock.calls).toEqual([['assistant'], ['assistant']]);
      expect(statusAnswer(add)).toMatchObject({ recognised: false, reason });
    },
  );

  it('a refusal the second try makes up for is not reported', async () => {
    mount(cardTable());
    const load = vi.fn().mockResolvedValueOnce(false).mockResolvedValueOnce(true);
    const add = detectWith(load);
    await settle();
    await settle();
    expect(load).toHaveBeenCalledTimes(2);
    expect(statusAnswer(add)).toMatchObject({ recognised: false, reason: 'no-licence-block' });
  });
});
