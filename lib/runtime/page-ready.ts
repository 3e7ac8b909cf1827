/**
 * What an injected part waits for before it touches the page: the options (their defaults when
 * storage fails), the messages in the language they name, and the document parsed — never a
 * half-parsed block (a summary over the first rows only would be a wrong number, if only for a moment).
 * Shared by the assistant (`content-main.ts`) and the small parts (`page-addition-main.ts`).
 */
import type { PrefetchedMessages } from '../i18n/page-messages-prefetch';
import { browserSources, createPageTexts, type PageTexts, withPrefetched } from '../i18n/page-texts';
import { browserUiLanguage } from '../i18n/ui-language';
import { defaultSettings, loadSettings, type Settings } from '../settings/settings';
import type { StoredAreas } from '../settings/stored-areas';
import { documentParsed } from './document-parsed';

/** What the detector started for the injected part as it asked for it (see `Handoff`). */
export interface HeadStart {
  storedAreas?: Promise<StoredAreas>;
  messages?: PrefetchedMessages;
}

export async function pageReady(
  document: Document,
  early: HeadStart = {},
): Promise<{ settings: Settings; texts: PageTexts }> {
  const parsed = documentParsed(document);
  const texts = createPageTexts(
    browserUiLanguage(),
    early.messages ? withPrefetched(browserSources, early.messages) : browserSources,
  );
  const settings = await loadSettings(early.storedAreas).then(
    (stored) => stored.settings,
    () => defaultSettings(),
  );
  await texts.load(settings.language);
  await parsed;
  return { settings, texts };
}
