/**
 * The options: which features run and in which language. Stored in `storage.sync` so they follow the
 * operator between browsers, in `storage.local` where sync is unavailable (disabled, or a browser
 * without it). Values read back are checked: a damaged or older value never breaks the page.
 */
import { browser } from 'wxt/browser';
import type { LanguageOption } from '../i18n/format';

export const FEATURE_IDS = ['annotations', 'sdaFlags', 'summary', 'guard'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

export interface Settings {
  features: Record<FeatureId, boolean>;
  language: LanguageOption;
}

export const SETTINGS_KEY = 'mla.settings';

export function defaultSettings(): Settings {
  return {
    features: Object.fromEntries(FEATURE_IDS.map((id) => [id, true])) as Settings['features'],
    language: 'auto',
  };
}

/** Whatever was stored, as valid settings: unknown keys dropped, missing or wrong ones defaulted. */
export function normaliseSettings(raw: unknown): Settings {
  const settings = defaultSettings();
  if (typeof raw !== 'object' || raw === null) return settings;
  const { features, language } = raw as { features?: unknown; language?: unknown };
  if (typeof features === 'object' && features !== null) {
    for (const id of FEATURE_IDS) {
      const value = (features as Record<string, unknown>)[id];
      if (typeof value === 'boolean') settings.features[id] = value;
    }
  }
  if (language === 'auto' || language === 'fr' || language === 'en') settings.language = language;
  return settings;
}

export type StorageAreaName = 'sync' | 'local';

/** Where settings were read from or written to. */
export interface StoredSettings {
  settings: Settings;
  area: StorageAreaName;
}

export async function loadSettings(): Promise<StoredSettings> {
  let value: unknown;
  let area: StorageAreaName = 'sync';
  try {
    value = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch {
    area = 'local';
  }
  // Nothing in sync (or no sync at all): settings saved while sync was unavailable may be in local.
  if (value === undefined) {
    value = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    if (value !== undefined) area = 'local';
  }
  return { settings: normaliseSettings(value), area };
}

/** Saves to sync, else to local; says where, so the options page can tell the operator. */
export async function saveSettings(settings: Settings): Promise<StorageAreaName> {
  const value = { [SETTINGS_KEY]: normaliseSettings(settings) };
  try {
    await browser.storage.sync.set(value);
    return 'sync';
  } catch {
    await browser.storage.local.set(value);
    return 'local';
  }
}

/**
 * Calls `onChange` with the new settings whenever they change in either area, until `signal` aborts.
 * Reloads through `loadSettings` so the same sync-over-local rule applies.
 */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if ((area !== 'sync' && area !== 'local') || !(SETTINGS_KEY in changes)) return;
    loadSettings().then(
      (stored) => {
        if (!signal.aborted) onChange(stored.settings);
      },
      () => {},
    );
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
