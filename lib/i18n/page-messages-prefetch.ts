/**
 * The detector's head start on the assistant's messages: in a browser whose own catalog is not the
 * language the default option ("auto") shows, the assistant has to ask the background for its
 * messages — a round trip of 5–20 ms while the page loads. The detector asks as it asks for the
 * assistant, so both travel at once; the assistant takes the answer if it needs that language
 * (`withPrefetched` in page-texts.ts) and asks as before otherwise (an option naming another language).
 */
import { browser } from 'wxt/browser';
import { type Language, resolveLanguage } from './format';
import { CATALOG_LANGUAGE_KEY } from './page-messages';
import { PAGE_MESSAGES_REQUEST, type PageMessagesRequest } from './page-messages-request';
import { browserUiLanguage } from './ui-language';

export interface PrefetchedMessages {
  language: Language;
  /** The background's answer, as `runtime.sendMessage` gives it (checked by the assistant). */
  answer: Promise<unknown>;
}

/** `undefined` when the browser's own catalog is the language "auto" shows (nothing to wait for). */
export function prefetchPageMessages(): PrefetchedMessages | undefined {
  try {
    const language = resolveLanguage('auto', browserUiLanguage());
    if (browser.i18n.getMessage(CATALOG_LANGUAGE_KEY) === language) return undefined;
    const request: PageMessagesRequest = { type: PAGE_MESSAGES_REQUEST, language };
    const answer: Promise<unknown> = browser.runtime.sendMessage(request);
    // Unused when the option names the catalog's language: never an unhandled rejection.
    answer.catch(() => undefined);
    return { language, answer };
  } catch {
    return undefined;
  }
}
