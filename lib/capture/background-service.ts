/**
 * The background's part: masks an in-page snapshot into the capture file (the builder stays out of
 * the content script). Answers only its own extension's content scripts (`runtime.onMessage`).
 */
import { browser } from 'wxt/browser';
import { browserName, buildCapture } from './build-capture';
import { type BuiltCapture, CAPTURE_BUILD_REQUEST, isMessage, isSnapshot } from './messages';

export function buildFromSnapshot(
  snapshot: unknown,
  extensionVersion: string,
  userAgent: string,
): BuiltCapture | null {
  if (!isSnapshot(snapshot)) return null;
  const capture = buildCapture(snapshot.root, {
    extensionVersion,
    browser: browserName(userAgent),
    path: snapshot.path,
    reading: snapshot.reading,
  });
  return { html: capture.html, maskedTexts: capture.maskedTexts, fileName: capture.fileName };
}

/** Called once as the background starts; answers with `sendResponse` and `true`, like its other services. */
export function answerCaptureBuildRequests(): void {
  browser.runtime.onMessage.addListener(
    (message: unknown, _sender: unknown, sendResponse: (built: BuiltCapture | null) => void) => {
      if (!isMessage(message, CAPTURE_BUILD_REQUEST)) return undefined;
      const { snapshot } = message as { snapshot?: unknown };
      sendResponse(buildFromSnapshot(snapshot, browser.runtime.getManifest().version, navigator.userAgent));
      return true as const;
    },
  );
}
