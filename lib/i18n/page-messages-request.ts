/**
 * The content script's question to the background: the page messages of a language the browser
 * does not read its own messages in. Kept apart so the content script imports only this.
 */
import type { Language } from './format';

export const PAGE_MESSAGES_REQUEST = 'mla:page-messages';

export interface PageMessagesRequest {
  type: typeof PAGE_MESSAGES_REQUEST;
  language: Language;
}

export function isPageMessagesRequest(message: unknown): message is PageMessagesRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, language } = message as PageMessagesRequest;
  return type === PAGE_MESSAGES_REQUEST && (language === 'fr' || language === 'en');
}
