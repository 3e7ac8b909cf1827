import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
  document.body.innerHTML = '<div id="app"></div>';
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

/** Loads the options page's script as the browser does (it starts on import). */
async function openOptionsPage(): Promise<HTMLElement> {
  await import('../../../entrypoints/options/main');
  const app = document.getElementById('app') as HTMLElement;
  await vi.waitFor(() => expect(app.querySelector('main')).not.toBeNull());
  return app;
}

describe('the options page', () => {
  it('shows the form when the options can be read', async () => {
    const app = await openOptionsPage();
    expect(app.querySelectorAll('input[type="checkbox"]')).toHaveLength(4);
    expect(app.querySelector('[role="alert"]')).toBeNull();
  });

  it('says in French that the options could not be read, instead of a blank page', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('fr-FR');
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is broken'));
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('QUOTA_BYTES exceeded'));
    const app = await openOptionsPage();
    expect(app.querySelector('h1')?.textContent).toBe('Options de l’assistant licences MetaCentrex');
    expect(app.querySelector('[role="alert"]')?.textContent).toBe(
      'Les options n’ont pas pu être lues\u00a0: QUOTA_BYTES exceeded. Rechargez cette page pour réessayer\u202f; en attendant, l’assistant garde ses réglages par défaut.',
    );
    expect(app.querySelector('input')).toBeNull();
  });

  it('in English for an English browser', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is broken'));
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('local is broken'));
    const app = await openOptionsPage();
    expect(app.querySelector('[role="alert"]')?.textContent).toMatch(
      /^The options could not be read: local is broken\./,
    );
  });
});

describe('the options open in two tabs', () => {
  it('shows what the other tab saved, so a change here does not undo it', async () => {
    const app = await openOptionsPage();
    const boxes = () => [...app.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes().map((box) => box.checked)).toEqual([true, true, true, true]);
    // The other tab turns the guard off and saves.
    const { defaultSettings, saveSettings, loadSettings } = await import('../../../lib/settings/settings');
    const other = defaultSettings();
    other.features.guard = false;
    await saveSettings(other, () => Date.now() + 1000);
    await vi.waitFor(() => expect(boxes().map((box) => box.checked)).toEqual([true, true, true, false]));
    // This tab then turns the summary off: the guard stays off.
    const summary = boxes()[2] as HTMLInputElement;
    summary.click();
    await vi.waitFor(async () =>
      expect((await loadSettings()).settings.features).toEqual({
        annotations: true,
        sdaFlags: true,
        summary: false,
        guard: false,
      }),
    );
  });
});

describe('stored options this version cannot use', () => {
  it('says some were unreadable and are back to their defaults, and shows the form', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('fr-FR');
    await fakeBrowser.storage.sync.set({
      'mla.settings': { features: { guard: 'false', summary: false }, language: 'klingon', savedAt: 3 },
    });
    const app = await openOptionsPage();
    const boxes = [...app.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((box) => box.checked)).toEqual([true, true, false, true]);
    expect(app.querySelector('[role="status"]')?.textContent).toMatch(
      /^Certaines options enregistrées étaient illisibles/,
    );
  });

  it('says nothing of the kind for an older version’s options, only missing keys', async () => {
    await fakeBrowser.storage.sync.set({ 'mla.settings': { features: { summary: false } } });
    const app = await openOptionsPage();
    expect(app.querySelector('[role="status"]')?.textContent).toBe('');
  });
});
