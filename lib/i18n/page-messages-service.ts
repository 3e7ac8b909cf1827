/**
 * The background's side of `page-texts.ts`: it holds every message (extension pages have no size
 * budget) and gives the content script those of the language it asks for, placeholders flattened.
 */
import { browser } from 'wxt/browser';
import { ALL_MESSAGES } from './all-messages';
import { flattenPlaceholders, type Language } from './format';
import { PAGE_MESSAGE_KEYS, type PageMessageKey } from './page-messages';
import { isPageMessagesRequest } from './page-messages-request';

export function flatPageMessages(language: Language): Record<PageMessageKey, string> {
  const catalog = ALL_MESSAGES[language];
  return Object.fromEntries(
    PAGE_MESSAGE_KEYS.map((key) => [key, flattenPlaceholders(catalog[key])]),
  ) as Record<PageMessageKey, string>;
}

/**
 * Answers the content scripts' `PageMessagesRequest`s (called once, as the background starts), with
 * `sendResponse` and `true`: the one form every browser and the polyfill take alike.
 */
export function answerPageMessagesRequests(): void {
  browser.runtime.onMessage.addListener(
    (message: unknown, _sender: unknown, sendResponse: (messages: unknown) => void) => {
      if (!isPageMessagesRequest(message)) return undefined;
      sendResponse(flatPageMessages(message.language));
      return true as const;
    },
  );
}
