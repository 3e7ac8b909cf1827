/**
 * The content script's whole part of a capture (its size is budgeted): import the capture bundle
 * when the user asks for one — from a "non reconnu" or from the popup — and hand it the page.
 */
import { browser } from 'wxt/browser';
import type { PageText } from '../i18n/page-messages';
import type { CaptureModule } from './capture-module';
import { type BuiltCapture, CAPTURE_SNAPSHOT_REQUEST, isMessage } from './messages';

/** The bundle's file, exposed to the portal's pages only (web_accessible_resources). */
export const CAPTURE_BUNDLE = '/capture.js';

async function captureModule(): Promise<CaptureModule> {
  await import(/* @vite-ignore */ browser.runtime.getURL(CAPTURE_BUNDLE));
  return (globalThis as Record<string, unknown>).__mlaCaptureModule as CaptureModule;
}

/** The in-page action: the bundle shows its panel over the page. */
export function openCapture(document: Document, text: PageText): void {
  void captureModule().then((module) => module.open(document, text));
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
