/**
 * The options: which features run and in which language. Stored in `storage.sync` so they follow the
 * operator between browsers, in `storage.local` where sync is unavailable (disabled, or a browser
 * without it). Values read back are checked: a damaged or older value never breaks the page.
 *
 * Both areas may hold a value (sync was off for a while, then on again): each write carries the
 * time it was made (`savedAt`) and the newest write wins, so a choice made while sync was off is not
 * undone by the older synced one. Values saved before the stamp existed count as the oldest.
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

/** When a stored value was written (ms since the epoch); 0 for values saved before the stamp. */
export function savedAt(raw: unknown): number {
  const stamp = typeof raw === 'object' && raw !== null ? (raw as { savedAt?: unknown }).savedAt : undefined;
  return typeof stamp === 'number' && Number.isFinite(stamp) && stamp > 0 ? stamp : 0;
}

/** What one area holds: `undefined` when it holds nothing, an error when it cannot be read. */
async function readArea(area: StorageAreaName): Promise<{ value: unknown } | { error: unknown }> {
  try {
    return { value: (await browser.storage[area].get(SETTINGS_KEY))[SETTINGS_KEY] };
  } catch (error) {
    return { error };
  }
}

/**
 * Reads both areas and keeps the newest write (sync on a tie: it follows the operator). Rejects only
 * when neither area can be read, so the options page can say so instead of showing defaults as saved.
 */
export async function loadSettings(): Promise<StoredSettings> {
  const [sync, local] = await Promise.all([readArea('sync'), readArea('local')]);
  if ('error' in sync && 'error' in local) throw local.error;
  const candidates: { area: StorageAreaName; value: unknown }[] = [];
  if ('value' in sync && sync.value !== undefined) candidates.push({ area: 'sync', value: sync.value });
  if ('value' in local && local.value !== undefined) candidates.push({ area: 'local', value: local.value });
  let newest = candidates[0];
  for (const candidate of candidates)
    if (newest && savedAt(candidate.value) > savedAt(newest.value)) newest = candidate;
  if (!newest) return { settings: defaultSettings(), area: 'error' in sync ? 'local' : 'sync' };
  return { settings: normaliseSettings(newest.value), area: newest.area };
}

/** Saves to sync, else to local, stamped with the time; says where, so the options page can tell. */
export async function saveSettings(
  settings: Settings,
  now: () => number = Date.now,
): Promise<StorageAreaName> {
  const value = { [SETTINGS_KEY]: { ...normaliseSettings(settings), savedAt: now() } };
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
