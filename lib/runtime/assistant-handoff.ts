/**
 * How the detector (the content script, on every portal page) hands over to the assistant (the
 * readers, rules, features and Preact: `entrypoints/licence-assistant.ts`), which the background
 * injects into the same tab and frame when the detector asks. Both run in the extension's isolated
 * world of that frame, so they share its globals and nothing else: the page never sees the handoff.
 */
import type { ContentContext } from './content-main';

/** The detector's request to the background: "inject the assistant into my frame". */
export const LOAD_ASSISTANT = 'mla:load-assistant';
/** The assistant's built file (an unlisted script: WXT writes it at the extension's root). */
export const ASSISTANT_SCRIPT = '/licence-assistant.js';

export interface LoadAssistantRequest {
  type: typeof LOAD_ASSISTANT;
}

export function isLoadAssistantRequest(message: unknown): message is LoadAssistantRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as LoadAssistantRequest).type === LOAD_ASSISTANT
  );
}

export interface Handoff {
  /** The content script's context: the assistant stops with it (extension updated or removed). */
  context: ContentContext;
  /** Called once the assistant answers the popup itself. */
  started(): void;
}

const KEY = '__metacentrexLicenceAssistantHandoff';
type WithHandoff = typeof globalThis & { [KEY]?: Handoff };

export function offerHandoff(handoff: Handoff): void {
  (globalThis as WithHandoff)[KEY] = handoff;
}

/** The waiting handoff, taken once: a second injection into the same frame finds none and does nothing. */
export function takeHandoff(): Handoff | null {
  const holder = globalThis as WithHandoff;
  const handoff = holder[KEY] ?? null;
  delete holder[KEY];
  return handoff;
}
