import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  defaultSettings,
  loadSettings,
  normaliseSettings,
  SETTINGS_KEY,
  saveSettings,
  watchSettings,
} from '../../../lib/settings/settings';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

function englishWithoutGuard() {
  const settings = defaultSettings();
  settings.language = 'en';
  settings.features.guard = false;
  return settings;
}

describe('options storage', () => {
  it('defaults to every feature on and the browser language', async () => {
    expect(await loadSettings()).toEqual({ settings: defaultSettings(), area: 'sync' });
    expect(defaultSettings()).toEqual({
      features: { annotations: true, sdaFlags: true, summary: true, guard: true },
      language: 'auto',
    });
  });

  it('saves to and loads from storage.sync', async () => {
    expect(await saveSettings(englishWithoutGuard())).toBe('sync');
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(englishWithoutGuard());
    expect(await loadSettings()).toEqual({ settings: englishWithoutGuard(), area: 'sync' });
  });

  it('falls back to storage.local when sync is unavailable, and reads it back', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('sync is disabled'));
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is disabled'));
    expect(await saveSettings(englishWithoutGuard())).toBe('local');
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(englishWithoutGuard());
    expect(await loadSettings()).toEqual({ settings: englishWithoutGuard(), area: 'local' });
  });

  it('reads local settings when sync works but holds none', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: englishWithoutGuard() });
    expect(await loadSettings()).toEqual({ settings: englishWithoutGuard(), area: 'local' });
  });

  it('repairs damaged values instead of failing', () => {
    expect(normaliseSettings('nope')).toEqual(defaultSettings());
    expect(
      normaliseSettings({ features: { guard: 'no', summary: false, extra: true }, language: 'de' }),
    ).toEqual({
      ...defaultSettings(),
      features: { ...defaultSettings().features, summary: false },
    });
  });

  it('tells a watcher about changes in either area until stopped', async () => {
    const controller = new AbortController();
    const seen: unknown[] = [];
    watchSettings((settings) => seen.push(settings), controller.signal);
    await saveSettings(englishWithoutGuard());
    await vi.waitFor(() => expect(seen).toEqual([englishWithoutGuard()]));
    controller.abort();
    await saveSettings(defaultSettings());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(1);
  });
});
