/**
 * How the detector (the content script, on every portal page) hands over to the code a page needs,
 * which the background injects into the same tab and frame when the detector asks: the assistant
 * (the readers, rules, features and Preact: `entrypoints/licence-assistant.ts`) where licence content
 * shows, the audit's start button (`entrypoints/audit-start.ts`) on the services list. All run in the
 * extension's isolated world of that frame, so they share its globals and nothing else: the page
 * never sees the handoff.
 */
import type { ContentContext } from './content-main';
import type { HeadStart } from './page-ready';

/** The detector's request to the background: "inject this part into my frame". */
export const LOAD_ASSISTANT = 'mla:load-assistant';

/** The parts that take over from the detector (a handoff each). */
export type HandedPart = 'assistant' | 'audit-start';
/**
 * What a content script can ask for; the background maps each to its own file, never a path from a
 * message. `capture`: the anonymised capture's code, asked for when a user wants a capture
 * (`lib/capture/load-capture.ts`); it takes no handoff, it only leaves its module in the isolated world.
 */
export type InjectedPart = HandedPart | 'capture';

/** The assistant's built file (an unlisted script: WXT writes it at the extension's root). */
export const ASSISTANT_SCRIPT = '/licence-assistant.js';
/** The audit's start button, alone: only the services list loads it. */
export const AUDIT_START_SCRIPT = '/audit-start.js';
/** The capture's code: injected like the others, so no file of the extension is exposed to pages. */
export const CAPTURE_SCRIPT = '/capture.js';

export const PART_SCRIPTS = {
  assistant: ASSISTANT_SCRIPT,
  'audit-start': AUDIT_START_SCRIPT,
  capture: CAPTURE_SCRIPT,
} as const satisfies Record<InjectedPart, string>;

export interface LoadAssistantRequest {
  type: typeof LOAD_ASSISTANT;
  /** Absent: the assistant (what every detector asked for before the button had a script of its own). */
  part?: InjectedPart;
}

export function isLoadAssistantRequest(message: unknown): message is LoadAssistantRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, part } = message as LoadAssistantRequest;
  return type === LOAD_ASSISTANT && (part === undefined || Object.hasOwn(PART_SCRIPTS, part));
}

export interface Handoff {
  /** The content script's context: the injected part stops with it (extension updated or removed). */
  context: ContentContext;
  /** Called once the injected part has started (the assistant: it answers the popup itself now). */
  started(): void;
  /** The options' reads and the messages, asked for by the detector with the part (during the injection). */
  early?: HeadStart;
}

const KEYS: Readonly<Record<HandedPart, string>> = {
  assistant: '__metacentrexLicenceAssistantHandoff',
  'audit-start': '__metacentrexAuditStartHandoff',
};
type WithHandoffs = typeof globalThis & Record<string, Handoff | undefined>;

export function offerHandoff(handoff: Handoff, part: HandedPart = 'assistant'): void {
  (globalThis as WithHandoffs)[KEYS[part]] = handoff;
}

/** The waiting handoff, taken once: a second injection into the same frame finds none and does nothing. */
export function takeHandoff(part: HandedPart = 'assistant'): Handoff | null {
  const holder = globalThis as WithHandoffs;
  const handoff = holder[KEYS[part]] ?? null;
  delete holder[KEYS[part]];
  return handoff;
}
