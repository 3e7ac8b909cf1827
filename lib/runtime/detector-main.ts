/**
 * The content script proper (on every portal page, every frame): the detector, the popup's answer
 * while nothing is recognised, and the handoff to the assistant once licence content shows up.
 * Its size is budgeted at 4 KB gzipped: it imports no reader, rule, feature, message or Preact.
 */
import { browser } from 'wxt/browser';
import { summarise } from '../licences/assess';
import { LOAD_ASSISTANT, offerHandoff } from './assistant-handoff';
import type { ContentContext } from './content-main';
import { watchForLicenceContent } from './detector';
import { createErrorLog, type ErrorLog } from './log';
import { answerStatusRequests } from './status-messages';

/** Asks the background to inject the assistant into this frame (`scripting.executeScript`). */
export function requestAssistant(): Promise<unknown> {
  return browser.runtime.sendMessage({ type: LOAD_ASSISTANT });
}

export function startDetector(
  context: ContentContext,
  document: Document,
  load: () => Promise<unknown> = requestAssistant,
  log: ErrorLog = createErrorLog(),
): void {
  if (context.isInvalid) return;
  // Until the assistant answers the popup itself, this frame has no licence block to speak of.
  const answering = new AbortController();
  context.signal.addEventListener('abort', () => answering.abort(), { once: true });
  answerStatusRequests(
    () => ({ recognised: false, reason: 'no-licence-block', licences: [], summary: summarise([]) }),
    answering.signal,
  );
  watchForLicenceContent(document, context.signal, () => {
    offerHandoff({ context, started: () => answering.abort() });
    load().catch((error: unknown) => log('load assistant', error));
  });
}
