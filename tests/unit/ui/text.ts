import { ALL_MESSAGES } from '../../../lib/i18n/all-messages';
import { PAGE_MESSAGES } from '../../../lib/i18n/page-messages';
import { createTranslator } from '../../../lib/i18n/translator';

export const fr = createTranslator(PAGE_MESSAGES, 'fr');
export const en = createTranslator(PAGE_MESSAGES, 'en');
export const frAll = createTranslator(ALL_MESSAGES, 'fr');
