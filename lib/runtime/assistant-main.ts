/**
 * The assistant's start, once injected: it takes the detector's handoff and runs the features with
 * the detector's context (so both stop together), then tells the detector it answers the popup now.
 */

import { takeHandoff } from './assistant-handoff';
import { runContentScript } from './content-main';
import type { Feature } from './feature';
import { createErrorLog } from './log';

export function startHandedOver(document: Document, features: readonly Feature[]): Promise<void> {
  const handoff = takeHandoff();
  // Injected without a waiting detector (twice into one frame): nothing to attach to.
  if (!handoff) return Promise.resolve();
  return runContentScript(handoff.context, document, features, handoff.early).then(
    () => handoff.started(),
    (error: unknown) => createErrorLog()('start', error),
  );
}
