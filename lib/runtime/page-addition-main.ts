/**
 * The start of a small injected part that adds one thing to a page outside the feature manager (the
 * audit's start button on the services list, entrypoints/audit-start.ts): it takes its handoff from
 * the detector (so it runs at most once per frame and stops with the detector's context), loads the
 * messages in the options' language, and hands the addition the parsed document. No reader, rule,
 * feature or Preact: the services list never loads the assistant.
 */
import type { PageText } from '../i18n/page-messages';
import { type HandedPart, takeHandoff } from './assistant-handoff';
import { createErrorLog } from './log';
import { pageReady } from './page-ready';

/** Something the page gets once: given the document, the current messages and the detector's lifetime. */
export type PageAddition = (document: Document, text: () => PageText, signal: AbortSignal) => void;

export async function startPageAddition(
  document: Document,
  part: HandedPart,
  addition: PageAddition,
): Promise<void> {
  const handoff = takeHandoff(part);
  // Injected without a waiting detector (twice into one frame): nothing to attach to.
  if (!handoff) return;
  const { context } = handoff;
  try {
    const { settings, texts } = await pageReady(document);
    if (context.isInvalid || context.signal.aborted) return;
    addition(document, () => texts.get(settings.language), context.signal);
    handoff.started();
  } catch (error) {
    createErrorLog()('start', error);
  }
}
