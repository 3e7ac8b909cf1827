export { formatMessage, type Language, type LanguageOption, pluralSuffix, resolveLanguage } from './format';
export { type Catalogs, createTranslator, type Translator } from './translator';
export { browserUiLanguage } from './ui-language';
