/**
 * What the content script does, apart from WXT's wiring: load the options, start the features,
 * follow option changes, answer the popup, and stop with the content script's context.
 */
import { browserUiLanguage } from '../i18n/ui-language';
import { defaultSettings, loadSettings, watchSettings } from '../settings/settings';
import { FEATURES } from './index';
import { type Assistant, startAssistant } from './manager';
import { answerStatusRequests } from './status-messages';

export interface ContentContext {
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
}

export async function runContentScript(
  context: ContentContext,
  document: Document,
): Promise<Assistant | null> {
  const settings = await loadSettings().then(
    (stored) => stored.settings,
    () => defaultSettings(),
  );
  if (context.isInvalid) return null;
  const assistant = startAssistant({
    document,
    features: FEATURES,
    settings,
    uiLanguage: browserUiLanguage(),
    signal: context.signal,
  });
  watchSettings(assistant.setSettings, context.signal);
  answerStatusRequests(assistant.status, context.signal);
  return assistant;
}
