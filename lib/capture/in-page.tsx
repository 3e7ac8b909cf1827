/**
 * The anonymised capture's code that runs in the portal page, loaded only when the user asks
 * (`load-capture.ts` imports the `capture.js` bundle): read the page, mask it, show what was kept
 * (`CapturePanel`, in a shadow root of its own) with a link that saves the file. It also answers the
 * popup, which shows the same panel. Nothing leaves the browser.
 */
import { type ComponentChild, render } from 'preact';
import type { PageText } from '../i18n/page-messages';
import { CapturePanel } from '../ui/CapturePanel';
import { CAPTURE_PANEL_CSS } from '../ui/capture-css';
import { CAPTURE_PANEL_TAG } from '../ui/tags';
import { browserName, buildCapture } from './build-capture';
import type { BuiltCapture, SavableCapture } from './messages';
import { rawSnapshot } from './raw-snapshot';
import { readingOf } from './reading';

/** The page's capture, masked (version and browser from the extension and the user agent). */
export function captureOf(document: Document, extensionVersion: string): BuiltCapture {
  const { pathname, search } = document.location;
  const capture = buildCapture(rawSnapshot(document.documentElement), {
    extensionVersion,
    browser: browserName(document.defaultView?.navigator.userAgent ?? ''),
    path: pathname + search,
    reading: readingOf(document),
  });
  return { html: capture.html, maskedTexts: capture.maskedTexts, fileName: capture.fileName };
}

/**
 * Below this (encoded) length the file is offered as a `data:` address, above it as a `blob:` one.
 * Both are downloads the user starts with a click, no `downloads` permission. `data:` first because
 * it is the one every browser's automation reports as a download (Firefox over WebDriver BiDi does
 * not report `blob:` ones, so the e2e kit could not check the file); Chrome refuses addresses over
 * 2 MB, so a big page's file (a long services list) goes by `blob:`.
 */
const DATA_URL_LIMIT = 1_500_000;

export function savable(built: BuiltCapture): SavableCapture {
  const encoded = encodeURIComponent(built.html);
  const url =
    encoded.length <= DATA_URL_LIMIT
      ? `data:text/html;charset=utf-8,${encoded}`
      : URL.createObjectURL(new Blob([built.html], { type: 'text/html' }));
  return { ...built, url };
}

/**
 * Shows the panel for a fresh capture of the page, over it (one at a time), until closed. A failure
 * is said in the panel's place and throws nothing into the page.
 */
export function openCapturePanel(document: Document, text: PageText, extensionVersion: string): void {
  document.querySelector(CAPTURE_PANEL_TAG)?.remove();
  const host = document.createElement(CAPTURE_PANEL_TAG);
  const root = host.attachShadow({ mode: 'open' });
  document.body.append(host);
  const close = () => {
    render(null, root);
    host.remove();
  };
  let content: ComponentChild;
  try {
    const capture = savable(captureOf(document, extensionVersion));
    content = <CapturePanel text={text} capture={capture} onClose={close} />;
  } catch {
    content = <p role="status">{text.t('captureFailed')}</p>;
  }
  render(
    <>
      <style>{CAPTURE_PANEL_CSS}</style>
      {content}
    </>,
    root,
  );
}
