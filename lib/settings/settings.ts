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
import { readStoredAreas, SETTINGS_KEY, type StoredAreas } from './stored-areas';

export { SETTINGS_KEY };

export const FEATURE_IDS = ['annotations', 'sdaFlags', 'summary', 'guard'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

/**
 * The licence audit's pace limit, in request starts per second: the choices offered (0 = no limit,
 * for a portal that is known to cope), and the polite default. The options page and the audit page
 * both read and write this one setting.
 */
export const AUDIT_PACES = [1, 2, 4, 0] as const;
export const DEFAULT_AUDIT_PACE = 4;

export interface Settings {
  features: Record<FeatureId, boolean>;
  language: LanguageOption;
  /** One of AUDIT_PACES. */
  auditPace: number;
}

export function defaultSettings(): Settings {
  return {
    features: Object.fromEntries(FEATURE_IDS.map((id) => [id, true])) as Settings['features'],
    language: 'auto',
    auditPace: DEFAULT_AUDIT_PACE,
  };
}

/** Whatever was stored, as valid settings: unknown keys dropped, missing or wrong ones defaulted. */
export function normaliseSettings(raw: unknown): Settings {
  const settings = defaultSettings();
  if (typeof raw !== 'object' || raw === null) return settings;
  const { features, language, auditPace } = raw as {
    features?: unknown;
    language?: unknown;
    auditPace?: unknown;
  };
  if (typeof features === 'object' && features !== null) {
    for (const id of FEATURE_IDS) {
      const value = (features as Record<string, unknown>)[id];
      if (typeof value === 'boolean') settings.features[id] = value;
    }
  }
  if (language === 'auto' || language === 'fr' || language === 'en') settings.language = language;
  // Only a pace the audit offers: a stored 3, '4' or -1 falls back to the polite default.
  if (typeof auditPace === 'number' && (AUDIT_PACES as readonly number[]).includes(auditPace))
    settings.auditPace = auditPace;
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
  const stamp = (raw as { savedAt?: unknown } | null | undefined)?.savedAt;
  return typeof stamp === 'number' && stamp > 0 && stamp < Number.POSITIVE_INFINITY ? stamp : 0;
}

/**
 * Reads both areas and keeps the newest write (sync on a tie: it follows the operator). Rejects only
 * when neither area can be read, so the options page can say so instead of showing defaults as saved.
 * `areas`: reads already under way (the detector starts them as it asks for the assistant).
 */
export async function loadSettings(areas: Promise<StoredAreas> = readStoredAreas()): Promise<StoredSettings> {
  const { raw, area } = newest(await areas);
  return { settings: normaliseSettings(raw), area };
}

/** The newest of the two areas' values (see loadSettings); throws when neither can be read. */
export function newest([sync, local]: StoredAreas): { raw: unknown; area: StorageAreaName } {
  if (sync.status === 'rejected' && local.status === 'rejected') throw local.reason;
  const synced = sync.status === 'fulfilled' ? sync.value : undefined;
  const kept = local.status === 'fulfilled' ? local.value : undefined;
  if (kept !== undefined && (synced === undefined || savedAt(kept) > savedAt(synced)))
    return { raw: kept, area: 'local' };
  return { raw: synced, area: sync.status === 'fulfilled' ? 'sync' : 'local' };
}

/**
 * Up to this size (as JSON), what another version of the extension stored and this one does not know
 * (a newer version's option) is written back with a save instead of being lost; anything bigger is
 * dropped, so that it never pushes the settings over `storage.sync`'s 8 KB per item.
 */
const UNKNOWN_KEPT_MAX_CHARS = 2048;

function unknownEntries(value: unknown, known: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([key]) => !known.includes(key)));
}

/** What of a stored value this version does not know, to keep through a save. */
function keptUnknown(raw: unknown): { top: Record<string, unknown>; features: Record<string, unknown> } {
  const top = unknownEntries(raw, ['features', 'language', 'auditPace', 'savedAt']);
  const features = unknownEntries((raw as { features?: unknown } | null | undefined)?.features, FEATURE_IDS);
  try {
    if (JSON.stringify([top, features]).length <= UNKNOWN_KEPT_MAX_CHARS) return { top, features };
  } catch {
    // Not JSON (a cycle cannot come from storage, but never throw): keep nothing of it.
  }
  return { top: {}, features: {} };
}

/** Saves to sync, else to local, stamped with the time; says where, so the options page can tell. */
export async function saveSettings(
  settings: Settings,
  now: () => number = Date.now,
): Promise<StorageAreaName> {
  // What a newer version stored beside these settings survives the save (keptUnknown).
  const previous = await readStoredAreas().then(
    (areas) => keptUnknown(newest(areas).raw),
    () => keptUnknown(undefined),
  );
  const normal = normaliseSettings(settings);
  const value = {
    [SETTINGS_KEY]: {
      ...previous.top,
      ...normal,
      features: { ...previous.features, ...normal.features },
      savedAt: now(),
    },
  };
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
