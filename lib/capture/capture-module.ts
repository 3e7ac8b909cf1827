/**
 * The capture bundle (`entrypoints/capture.ts` → `capture.js`) leaves its module where the content
 * script finds it once the background has injected it (`load-capture.ts`): a global of the content
 * script's own world (its isolated world), never of the page's.
 */
import { browser } from 'wxt/browser';
import { captureOf, openCapturePanel } from './in-page';
import { CAPTURE_MODULE_GLOBAL, type CaptureModule } from './messages';

export function installCaptureModule(): void {
  const version = browser.runtime.getManifest().version;
  const module: CaptureModule = {
    open: (document, text) => openCapturePanel(document, text, version),
    build: (document) => captureOf(document, version),
  };
  (globalThis as Record<string, unknown>)[CAPTURE_MODULE_GLOBAL] = module;
}
