import { ALL_MESSAGES } from '../../../lib/i18n/all-messages';
import { flatPageMessages } from '../../../lib/i18n/page-messages-service';
import { textFromMessages } from '../../../lib/i18n/page-texts';
import { createTranslator } from '../../../lib/i18n/translator';

/** The in-page texts as the content script formats the messages the background sends. */
export const fr = textFromMessages('fr', flatPageMessages('fr'));
export const en = textFromMessages('en', flatPageMessages('en'));
export const frAll = createTranslator(ALL_MESSAGES, 'fr');
