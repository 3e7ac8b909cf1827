/**
 * The messages that carry a capture inside the extension (nothing is ever sent elsewhere):
 * the popup asks a tab's content script for its snapshot; an in-page button hands its snapshot to
 * the background, which masks it and answers with the file to save.
 */
import type { RawElement } from './raw-snapshot';
import type { PageReading } from './reading';

/** Popup → content script: answer with a `CaptureSnapshot`. */
export const CAPTURE_SNAPSHOT_REQUEST = 'mla:capture-snapshot';
/** Content script → background: `{ type, snapshot }`, answered with a `BuiltCapture`. */
export const CAPTURE_BUILD_REQUEST = 'mla:capture-build';

/** What the content script reads off the page: raw, never written anywhere as is. */
export interface CaptureSnapshot {
  root: RawElement;
  reading: PageReading;
  /** `pathname + search` (masked by the builder). */
  path: string;
}

export interface BuiltCapture {
  html: string;
  maskedTexts: number;
  fileName: string;
}

export function isMessage(message: unknown, type: string): message is { type: string } {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}

export function isSnapshot(value: unknown): value is CaptureSnapshot {
  const snapshot = value as CaptureSnapshot | null;
  return (
    typeof snapshot === 'object' &&
    snapshot !== null &&
    Array.isArray(snapshot.root) &&
    typeof snapshot.path === 'string' &&
    typeof snapshot.reading === 'object'
  );
}

export function isBuiltCapture(value: unknown): value is BuiltCapture {
  const built = value as BuiltCapture | null;
  return (
    typeof built === 'object' &&
    built !== null &&
    typeof built.html === 'string' &&
    typeof built.maskedTexts === 'number' &&
    typeof built.fileName === 'string'
  );
}
