/** Every message, for the popup and the options page (the content script uses `page-messages`). */
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import type { Catalogs } from './translator';

export const ALL_MESSAGES = { fr, en } satisfies Catalogs<string>;
export type MessageKey = keyof typeof fr;
