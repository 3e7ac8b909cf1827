/**
 * What the content script does, apart from WXT's wiring: load the options and the messages they
 * name, start the features it is given (the entrypoint passes `lib/features/index.ts`: the runtime
 * names no feature), follow option changes, answer the popup, and stop with the content script's
 * context.
 */

import { type Settings, watchSettings } from '../settings/settings';
import type { Feature } from './feature';
import { isFrame } from './frames';
import { type Assistant, startAssistant } from './manager';
import { type HeadStart, pageReady } from './page-ready';
import { answerStatusRequests } from './status-messages';
import { createMeter } from './work-meter';

export interface ContentContext {
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
}

/**
 * The assistant's start once injected: the features start when the options, their messages and the
 * parsed document are there (`page-ready.ts`), then follow option changes and answer the popup.
 */
export async function runContentScript(
  context: ContentContext,
  document: Document,
  features: readonly Feature[],
  early?: HeadStart,
): Promise<Assistant | null> {
  const { settings, texts } = await pageReady(document, early);
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
  answerStatusRequests(assistant.status, context.signal, isFrame(document.defaultView));
  return assistant;
}
