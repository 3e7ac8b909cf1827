/**
 * What the content script does, apart from WXT's wiring: load the options and the messages they
 * name, start the features it is given (the entrypoint passes `lib/features/index.ts`: the runtime
 * names no feature), follow option changes, answer the popup, and stop with the content script's
 * context.
 */

import { createPageTexts } from '../i18n/page-texts';
import { browserUiLanguage } from '../i18n/ui-language';
import { defaultSettings, loadSettings, type Settings, watchSettings } from '../settings/settings';
import { documentParsed } from './document-parsed';
import type { Feature } from './feature';
import { isFrame } from './frames';
import { type Assistant, startAssistant } from './manager';
import { answerStatusRequests } from './status-messages';

export interface ContentContext {
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
}

/**
 * Injected at `document_start` so the options (an asynchronous storage read, 30–90 ms) are ready
 * by the time the page is: the features start once the document is parsed, never on a half-parsed
 * block (a summary over the first rows only would be a wrong number, if only for a moment).
 */
export async function runContentScript(
  context: ContentContext,
  document: Document,
  features: readonly Feature[],
): Promise<Assistant | null> {
  const parsed = documentParsed(document);
  const texts = createPageTexts(browserUiLanguage());
  const settings = await loadSettings().then(
    (stored) => stored.settings,
    () => defaultSettings(),
  );
  await texts.load(settings.language);
  await parsed;
  if (context.isInvalid) return null;
  const assistant = startAssistant({
    document,
    features,
    settings,
    text: texts.get,
    signal: context.signal,
  });
  // A language the browser does not speak takes a message to the background: the latest settings win.
  let latest: Settings | null = null;
  const follow = (next: Settings) => {
    latest = next;
    void texts.load(next.language).then(() => {
      if (latest === next && !context.signal.aborted) assistant.setSettings(next);
    });
  };
  watchSettings(follow, context.signal);
  answerStatusRequests(assistant.status, context.signal, isFrame(document.defaultView));
  return assistant;
}
