import { browser } from 'wxt/browser';

/**
 * The browser's UI language. `i18n.getUILanguage` exists everywhere the extension runs; the
 * navigator's language is the fallback where it does not (tests, odd embedders).
 */
export function browserUiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return globalThis.navigator?.language ?? 'fr';
  }
}
