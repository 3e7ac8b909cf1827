/**
 * The content script proper (on every portal page, every frame): the detector, the popup's answer
 * while nothing is recognised, and the handoff to the part the page needs — the assistant once
 * licence content shows up, the audit's start button on the services list (top frame only).
 * Its size is budgeted at 4 KB gzipped: it imports no reader, rule, feature, message or Preact.
 */
import { browser } from 'wxt/browser';
import { listenEarly } from '../dom/early-events';
import { prefetchPageMessages } from '../i18n/page-messages-prefetch';
import { summarise } from '../licences/assess';
import { readStoredAreas } from '../settings/stored-areas';
import {
  type InjectedPart,
  LOAD_ASSISTANT,
  type LoadAssistantRequest,
  offerHandoff,
} from './assistant-handoff';
import type { ContentContext } from './content-main';
import { watchForDetailsTab, watchForLicenceContent, watchForServicesList } from './detector';
import { isFrame } from './frames';
import { createErrorLog, type ErrorLog } from './log';
import type { PageStatus } from './page-status';
import { answerStatusRequests } from './status-messages';

/** Asks the background to inject a part into this frame (`scripting.executeScript`). */
export function requestPart(part: InjectedPart): Promise<unknown> {
  const request: LoadAssistantRequest = { type: LOAD_ASSISTANT, part };
  return browser.runtime.sendMessage(request);
}

export function startDetector(
  context: ContentContext,
  document: Document,
  load: (part: InjectedPart) => Promise<unknown> = requestPart,
  log: ErrorLog = createErrorLog(),
): void {
  if (context.isInvalid) return;
  // First, before any page script: the guard judges the page's actions through these.
  listenEarly(document.defaultView, context.signal);
  // Until the assistant answers the popup itself, this frame has no licence block to speak of.
  const answering = new AbortController();
  context.signal.addEventListener('abort', () => answering.abort(), { once: true });
  // 'assistant-failed' once the background could not inject it: the popup says so, not "no block".
  let reason: PageStatus['reason'] = 'no-licence-block';
  answerStatusRequests(
    () => ({ recognised: false, reason, licences: [], summary: summarise([]) }),
    answering.signal,
  );
  // The assistant comes once, for whichever is first: licence content, or the Détails tab chosen
  // (its block is then on its way: the assistant gets ready during the page's round trip).
  const watching = new AbortController();
  context.signal.addEventListener('abort', () => watching.abort(), { once: true });
  const bringAssistant = () => {
    if (watching.signal.aborted) return;
    watching.abort();
    // The options are read while the background injects: the assistant finds them (nearly) there.
    const early = { storedAreas: readStoredAreas(), messages: prefetchPageMessages() };
    offerHandoff({ context, started: () => answering.abort(), early }, 'assistant');
    // Anything but `true` (injection refused, background restarted before it answered): once more —
    // a second injection after a first that did run finds no handoff and does nothing.
    const inject = () => load('assistant').catch((error: unknown) => log('load assistant', error));
    inject()
      .then((done) => done === true || inject())
      .then((done) => {
        if (done !== true) reason = 'assistant-failed';
      });
  };
  watchForLicenceContent(document, watching.signal, bringAssistant);
  watchForDetailsTab(document, watching.signal, bringAssistant);
  // The button belongs to the tab's page, not to a frame: one button.
  if (isFrame(document.defaultView)) return;
  watchForServicesList(document, context.signal, () => {
    offerHandoff({ context, started: () => undefined }, 'audit-start');
    load('audit-start').catch((error: unknown) => log('load audit start', error));
  });
}
