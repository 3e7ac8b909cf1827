import fc from 'fast-check';
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
import { settingsDamaged } from '../../../lib/settings/settings-check';
import { readStoredAreas } from '../../../lib/settings/stored-areas';

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
      auditPace: 4,
    });
  });

  it('saves to and loads from storage.sync', async () => {
    expect(await saveSettings(englishWithoutGuard())).toBe('sync');
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({
      ...englishWithoutGuard(),
      savedAt: expect.any(Number),
    });
    expect(await loadSettings()).toEqual({ settings: englishWithoutGuard(), area: 'sync' });
  });

  it('falls back to storage.local when sync is unavailable, and reads it back', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('sync is disabled'));
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is disabled'));
    expect(await saveSettings(englishWithoutGuard())).toBe('local');
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({
      ...englishWithoutGuard(),
      savedAt: expect.any(Number),
    });
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

  // The audit's pace: only the choices the audit offers survive; anything else is the polite default.
  it.each<[unknown, number]>([
    [1, 1],
    [2, 2],
    [4, 4],
    [0, 0],
    [3, 4],
    [8, 4],
    [-1, 4],
    [2.5, 4],
    ['2', 4],
    [Number.NaN, 4],
    [Number.POSITIVE_INFINITY, 4],
    [null, 4],
    [undefined, 4],
  ])('normalises a stored audit pace of %o to %d', (auditPace, expected) => {
    expect(normaliseSettings({ ...defaultSettings(), auditPace }).auditPace).toBe(expected);
  });

  it('keeps the audit pace when saved and read back, older values without it get the default', async () => {
    await saveSettings({ ...defaultSettings(), auditPace: 1 });
    expect((await loadSettings()).settings.auditPace).toBe(1);
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { features: {}, language: 'fr' } });
    expect((await loadSettings()).settings.auditPace).toBe(4);
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

describe('the newest write wins between sync and local', () => {
  const english = { ...defaultSettings(), language: 'en' as const };
  const french = { ...defaultSettings(), language: 'fr' as const };
  const stamped = (settings: object, savedAt: number) => ({ ...settings, savedAt });
  type Stored = object | undefined | 'unreadable';

  // What sync and local hold: the settings read, and from where.
  it.each<[string, Stored, Stored, object, 'sync' | 'local']>([
    [
      'local written later (sync was off for a while)',
      stamped(english, 100),
      stamped(french, 200),
      french,
      'local',
    ],
    ['sync written later', stamped(english, 300), stamped(french, 200), english, 'sync'],
    ['a stamped local over an old unstamped sync value', english, stamped(french, 1), french, 'local'],
    ['a stamped sync over an old unstamped local value', stamped(english, 1), french, english, 'sync'],
    ['old values without a stamp in both: sync, as before', english, french, english, 'sync'],
    ['the same time in both: sync', stamped(english, 5), stamped(french, 5), english, 'sync'],
    ['only sync', stamped(english, 5), undefined, english, 'sync'],
    ['only local', undefined, english, english, 'local'],
    ['sync unreadable: local', 'unreadable', stamped(french, 5), french, 'local'],
    ['local unreadable: sync', stamped(english, 5), 'unreadable', english, 'sync'],
    ['nothing stored', undefined, undefined, defaultSettings(), 'sync'],
    [
      'a damaged stamp counts as none',
      stamped(english, 1),
      { ...french, savedAt: 'tomorrow' },
      english,
      'sync',
    ],
    [
      'a stamp that is not a finite number counts as none',
      stamped(english, 1),
      stamped(french, Number.NaN),
      english,
      'sync',
    ],
  ])('%s', async (_case, sync, local, settings, area) => {
    for (const [name, stored] of [
      ['sync', sync],
      ['local', local],
    ] as const) {
      if (stored === 'unreadable')
        vi.spyOn(fakeBrowser.storage[name], 'get').mockRejectedValue(new Error(`${name} is broken`));
      else if (stored !== undefined) await fakeBrowser.storage[name].set({ [SETTINGS_KEY]: stored });
    }
    expect(await loadSettings()).toEqual({ settings, area });
  });

  it('a save while sync is off wins over the older synced value once sync is back', async () => {
    await saveSettings(english, () => 100);
    const sync = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('sync is disabled'));
    expect(await saveSettings(french, () => 200)).toBe('local');
    sync.mockRestore();
    expect(await loadSettings()).toEqual({ settings: french, area: 'local' });
    expect(await saveSettings(english, () => 300)).toBe('sync');
    expect(await loadSettings()).toEqual({ settings: english, area: 'sync' });
  });

  it('fails only when neither area can be read', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is broken'));
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('local is broken'));
    await expect(loadSettings()).rejects.toThrow('local is broken');
  });
});

describe('reads started ahead (the detector starts them as it asks for the assistant)', () => {
  it('give the same settings as reading then, newest write first', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { language: 'fr', savedAt: 1 } });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...englishWithoutGuard(), savedAt: 2 } });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const ahead = readStoredAreas();
    expect(get).toHaveBeenCalledTimes(1);
    expect(await loadSettings(ahead)).toEqual({ settings: englishWithoutGuard(), area: 'local' });
    // Nothing read again: the reads started ahead are the ones used.
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('never throw, even without storage: an area that cannot be read is a refused result', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockImplementation(() => {
      throw new Error('sync is off');
    });
    const areas = await readStoredAreas();
    expect(areas[0].status).toBe('rejected');
    expect(areas[1]).toEqual({ status: 'fulfilled', value: undefined });
    expect(await loadSettings(Promise.resolve(areas))).toEqual({
      settings: defaultSettings(),
      area: 'local',
    });
  });
});

describe('settings written by another version, or damaged', () => {
  // What is stored: whether the options page must say some of it could not be used.
  it.each<[string, unknown, boolean]>([
    ['nothing stored yet', undefined, false],
    ['valid', { ...defaultSettings(), savedAt: 1 }, false],
    ['an older version: keys missing', { language: 'en' }, false],
    [
      'a newer version: keys and features unknown here',
      { features: { guard: false, newOne: true }, theme: 'dark' },
      false,
    ],
    ['a string where a boolean is', { features: { guard: 'false' } }, true],
    ['features not an object', { features: 'all' }, true],
    ['an unknown language', { language: 'de' }, true],
    ['a pace the audit does not offer', { auditPace: '4' }, true],
    ['not an object at all', 'garbage', true],
    ['a list', [1, 2], true],
  ])('%s', (_case, raw, damaged) => {
    expect(settingsDamaged(raw)).toBe(damaged);
  });

  it('a save keeps what a newer version stored and this one does not know', async () => {
    await fakeBrowser.storage.sync.set({
      [SETTINGS_KEY]: { features: { guard: true, newOne: false }, theme: 'dark', savedAt: 5 },
    });
    await saveSettings(englishWithoutGuard(), () => 10);
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({
      ...englishWithoutGuard(),
      features: { ...englishWithoutGuard().features, newOne: false },
      theme: 'dark',
      savedAt: 10,
    });
  });

  it('but not a huge unknown value that would push the settings over the sync quota', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { junk: 'x'.repeat(20_000), savedAt: 5 } });
    await saveSettings(englishWithoutGuard(), () => 10);
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({
      ...englishWithoutGuard(),
      savedAt: 10,
    });
  });

  it('property: whatever is stored, a save stores valid settings that read back as saved', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (stored) => {
        fakeBrowser.reset();
        await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: stored });
        await saveSettings(englishWithoutGuard(), () => 10);
        expect((await loadSettings()).settings).toEqual(englishWithoutGuard());
      }),
      { numRuns: 60 },
    );
  });
});
