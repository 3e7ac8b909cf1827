/**
 * The capture bundle's face (`entrypoints/capture.ts` → `capture.js`): what the content script gets
 * when it imports the bundle on demand. A global of the content script's own world (its isolated
 * world), never of the page's.
 */
import { browser } from 'wxt/browser';
import type { PageText } from '../i18n/page-messages';
import { captureOf, openCapturePanel } from './in-page';
import type { BuiltCapture } from './messages';

export interface CaptureModule {
  /** Shows the capture panel over the page (the in-page "Enregistrer une capture anonymisée"). */
  open(document: Document, text: PageText): void;
  /** The masked file, for the popup. */
  build(document: Document): BuiltCapture;
}

export const CAPTURE_MODULE_GLOBAL = '__mlaCaptureModule';

export function installCaptureModule(): void {
  const version = browser.runtime.getManifest().version;
  const module: CaptureModule = {
    open: (document, text) => openCapturePanel(document, text, version),
    build: (document) => captureOf(document, version),
  };
  (globalThis as Record<string, unknown>)[CAPTURE_MODULE_GLOBAL] = module;
}
