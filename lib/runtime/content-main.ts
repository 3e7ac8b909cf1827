/**
 * What the content script does, apart from WXT's wiring: load the options and the messages they
 * name, start the features it is given (the entrypoint passes `lib/features/index.ts`: the runtime
 * names no feature), follow option changes, answer the popup, and stop with the content script's
 * context.
 */

import type { PageText } from '../i18n/page-messages';
import { createPageTexts } from '../i18n/page-texts';
import { browserUiLanguage } from '../i18n/ui-language';
import { defaultSettings, loadSettings, type Settings, watchSettings } from '../settings/settings';
import { answerAuditFetches } from './audit-relay';
import type { Feature } from './feature';
import { isFrame } from './frames';
import { type Assistant, startAssistant } from './manager';
import { answerStatusRequests } from './status-messages';
import { createMeter } from './work-meter';

/**
 * Something the page gets once, outside the feature manager (the audit's start button on the list
 * page): given the document, the current messages and the content script's lifetime.
 */
export type PageAddition = (document: Document, text: () => PageText, signal: AbortSignal) => void;

export interface ContentContext {
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
}

/** Resolves once the document is parsed (at once when it already is). */
export function documentParsed(document: Document): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });
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
  additions: readonly PageAddition[] = [],
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
    // The test build times our work task by task for the bench; the production build has no meter.
    ...(import.meta.env.MLA_TEST_BUILD ? { measure: createMeter() } : {}),
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
  const inFrame = isFrame(document.defaultView);
  answerStatusRequests(assistant.status, context.signal, inFrame);
  // The audit's relay and the page additions belong to the tab's page, not to a frame showing a
  // Détails tab: one answer per audit request, one button.
  if (inFrame) return assistant;
  answerAuditFetches(context.signal);
  const text = () => texts.get(latest?.language ?? settings.language);
  for (const addition of additions) addition(document, text, context.signal);
  return assistant;
}
