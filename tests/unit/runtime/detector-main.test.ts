import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { takeHandoff } from '../../../lib/runtime/assistant-handoff';
import { startDetector } from '../../../lib/runtime/detector-main';
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

describe('the detector asks for the part the page needs', () => {
  it('the assistant where licence content shows', async () => {
    mount(cardTable());
    const load = detect();
    await settle();
    expect(load.mock.calls).toEqual([['assistant']]);
    expect(takeHandoff('assistant')).not.toBeNull();
  });

  it('on the services list, the audit’s start button only: nothing of the assistant', async () => {
    mount(LIST);
    const load = detect();
    await settle();
    expect(load.mock.calls).toEqual([['audit-start']]);
    expect(takeHandoff('audit-start')?.context.isInvalid).toBe(false);
    expect(takeHandoff('assistant')).toBeNull();
  });

  it('nothing on another page', async () => {
    mount('<nav><a href="/services">Paramétrage / Monitoring</a></nav><h1>Accueil</h1>');
    const load = detect();
    await settle();
    expect(load).not.toHaveBeenCalled();
  });

  it('no button in a frame showing the list: one button, the tab’s page', async () => {
    mount(LIST);
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
