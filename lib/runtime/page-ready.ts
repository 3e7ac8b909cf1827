/**
 * What an injected part waits for before it touches the page: the options (their defaults when
 * storage fails), the messages in the language they name, and the document parsed — never a
 * half-parsed block (a summary over the first rows only would be a wrong number, if only for a moment).
 * Shared by the assistant (`content-main.ts`) and the small parts (`page-addition-main.ts`).
 */
import { createPageTexts, type PageTexts } from '../i18n/page-texts';
import { browserUiLanguage } from '../i18n/ui-language';
import { defaultSettings, loadSettings, type Settings } from '../settings/settings';
import { documentParsed } from './document-parsed';

export async function pageReady(document: Document): Promise<{ settings: Settings; texts: PageTexts }> {
  const parsed = documentParsed(document);
  const texts = createPageTexts(browserUiLanguage());
  const settings = await loadSettings().then(
    (stored) => stored.settings,
    () => defaultSettings(),
  );
  await texts.load(settings.language);
  await parsed;
  return { settings, texts };
}
