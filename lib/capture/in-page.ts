/**
 * The content script's part of a capture, kept small (its size is budgeted): read the page, hand
 * the snapshot to the background (in-page button) or to the popup (its own button), and turn the
 * masked file into a link the user clicks to save it. The masking code never loads in the page.
 */
import { browser } from 'wxt/browser';
import {
  type BuiltCapture,
  CAPTURE_BUILD_REQUEST,
  CAPTURE_SNAPSHOT_REQUEST,
  type CaptureSnapshot,
  isMessage,
} from './messages';
import { rawSnapshot } from './raw-snapshot';
import { readingOf } from './reading';

/** A capture ready to save: the file, and its `blob:` address for an `<a download>`. */
export interface SavableCapture extends BuiltCapture {
  url: string;
}

export function snapshotOf(document: Document): CaptureSnapshot {
  const { pathname, search } = document.location;
  return {
    root: rawSnapshot(document.documentElement),
    reading: readingOf(document),
    path: pathname + search,
  };
}

export function savable(built: BuiltCapture): SavableCapture {
  return { ...built, url: URL.createObjectURL(new Blob([built.html], { type: 'text/html' })) };
}

/** The in-page button's action: the background masks the snapshot and answers with the file. */
export async function requestCapture(document: Document): Promise<SavableCapture> {
  const built: BuiltCapture | null = await browser.runtime.sendMessage({
    type: CAPTURE_BUILD_REQUEST,
    snapshot: snapshotOf(document),
  });
  // The background answers `null` to a snapshot it cannot read: `savable` then throws, and the
  // button says the capture could not be prepared.
  return savable(built!);
}

/** Answers the popup's snapshot requests until `signal` aborts (`sendResponse`, as status-messages). */
export function answerCaptureRequests(document: Document, signal: AbortSignal): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (answer: CaptureSnapshot) => void) => {
    if (!isMessage(message, CAPTURE_SNAPSHOT_REQUEST)) return undefined;
    sendResponse(snapshotOf(document));
    return true as const;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
