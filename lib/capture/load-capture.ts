/**
 * The content script's whole part of a capture (its size is budgeted): have the capture's code
 * injected when the user asks for one — from a "non reconnu" or from the popup — and hand it the page.
 * The background injects `capture.js` into this very frame (`scripting.executeScript`, as it does the
 * assistant), so no file of the extension is exposed to the portal's pages (no
 * `web_accessible_resources`: a page could fetch such a file and so detect the extension).
 */
import { browser } from 'wxt/browser';
import type { PageText } from '../i18n/page-messages';
import { LOAD_ASSISTANT, type LoadAssistantRequest } from '../runtime/assistant-handoff';
import { createErrorLog } from '../runtime/log';
import {
  type BuiltCapture,
  CAPTURE_MODULE_GLOBAL,
  CAPTURE_SNAPSHOT_REQUEST,
  type CaptureModule,
  isMessage,
} from './messages';

const installed = () =>
  (globalThis as Record<string, unknown>)[CAPTURE_MODULE_GLOBAL] as CaptureModule | undefined;

/** The capture's module, injected on first use; rejects when the background could not inject it. */
export async function captureModule(
  ask: (request: LoadAssistantRequest) => Promise<unknown> = (request) =>
    browser.runtime.sendMessage(request),
): Promise<CaptureModule> {
  const ready = installed();
  if (ready) return ready;
  const injected = await ask({ type: LOAD_ASSISTANT, part: 'capture' });
  const module = installed();
  if (injected !== true || !module) throw new Error('capture code not injected');
  return module;
}

const logError = createErrorLog();

/** The in-page action: the bundle shows its panel over the page (a failed injection is logged once). */
export function openCapture(document: Document, text: PageText): void {
  captureModule().then(
    (module) => module.open(document, text),
    (error: unknown) => logError('capture', error),
  );
}

/** Answers the popup's capture requests (the masked file, `null` on failure) until `signal` aborts. */
export function answerCaptureRequests(document: Document, signal: AbortSignal): void {
  const listener = (
    message: unknown,
    _sender: unknown,
    sendResponse: (answer: BuiltCapture | null) => void,
  ) => {
    if (!isMessage(message, CAPTURE_SNAPSHOT_REQUEST)) return undefined;
    captureModule().then(
      (module) => sendResponse(module.build(document)),
      () => sendResponse(null),
    );
    return true as const;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
