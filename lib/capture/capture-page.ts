/**
 * A whole page's capture in one call, where the DOM and the builder are both at hand (tests; the
 * extension's capture bundle does the same in `in-page.tsx`, with the extension's version).
 */
import { buildCapture, type Capture } from './build-capture';
import { rawSnapshot } from './raw-snapshot';
import { readingOf } from './reading';

export function captureDocument(
  document: Document,
  meta: { extensionVersion?: string; browser?: string; path?: string } = {},
): Capture {
  return buildCapture(rawSnapshot(document.documentElement), {
    extensionVersion: meta.extensionVersion ?? '0.0.0',
    browser: meta.browser ?? 'happy-dom',
    path: meta.path ?? '/',
    reading: readingOf(document),
  });
}
