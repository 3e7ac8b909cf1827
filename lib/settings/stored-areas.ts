/**
 * The options' raw reads, both storage areas at once (`settings.ts` makes settings of them). Apart so
 * the detector can start them as it asks for the assistant — they then run during the injection
 * instead of after it (issue 16: ~17 ms of the annotated Détails load) — without the settings' code.
 */
import { browser } from 'wxt/browser';

export const SETTINGS_KEY = 'mla.settings';

/** What `storage.sync` and `storage.local` hold under `SETTINGS_KEY`, or why each could not be read. */
export type StoredAreas = [sync: PromiseSettledResult<unknown>, local: PromiseSettledResult<unknown>];

/** Never throws: an area that is missing or refuses is a rejected result. */
export function readStoredAreas(): Promise<StoredAreas> {
  const read = (area: 'sync' | 'local') =>
    new Promise<Record<string, unknown>>((resolve) => resolve(browser.storage[area].get(SETTINGS_KEY))).then(
      (items): unknown => items[SETTINGS_KEY],
    );
  return Promise.allSettled([read('sync'), read('local')]) as Promise<StoredAreas>;
}
