import type { PageText } from '../i18n/page-messages';
/**
 * The popup's question to a tab's content script for its anonymised capture, and the answer.
 * Nothing is ever sent out of the browser.
 */

/** Popup → content script: answered with a `BuiltCapture`, or `null` when it could not be made. */
export const CAPTURE_SNAPSHOT_REQUEST = 'mla:capture';

export interface BuiltCapture {
  html: string;
  maskedTexts: number;
  fileName: string;
}

/** A capture ready to save: the file, and its address for an `<a download>` (see `savable`). */
export interface SavableCapture extends BuiltCapture {
  url: string;
}

export function isMessage(message: unknown, type: string): message is { type: string } {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
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

/** The capture bundle's face (`capture.js`), which the content script gets once it is injected. */
export interface CaptureModule {
  /** Shows the capture panel over the page (the in-page "Enregistrer une capture anonymisée"). */
  open(document: Document, text: PageText): void;
  /** The masked file, for the popup. */
  build(document: Document): BuiltCapture;
}

/** Where the injected capture code leaves its module: a global of the isolated world, never the page's. */
export const CAPTURE_MODULE_GLOBAL = '__mlaCaptureModule';
