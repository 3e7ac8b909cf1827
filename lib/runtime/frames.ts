/**
 * The content script runs in every frame of a portal page (`allFrames`): the portal may show its
 * Détails tab inside a same-origin frame. Most frames hold nothing about licences (ads, editors,
 * trackers): there the script leaves at once, before any observer or listener is set up.
 */

/** Whether `view` is a frame inside another page (a cross-origin parent counts too). */
export function isFrame(view: Window | null): boolean {
  if (!view) return false;
  try {
    return view !== view.top;
  } catch {
    return true;
  }
}

/** Every licence block, row label and termination dialog names licences. */
const ABOUT_LICENCES = /licen/i;

/** Whether a parsed frame mentions licences at all: one text read, no layout. */
export function mentionsLicences(document: Document): boolean {
  return ABOUT_LICENCES.test(document.body?.textContent ?? '');
}

/** A frame that holds nothing about licences once parsed: the content script leaves it. */
export function isFrameWithoutLicences(document: Document): boolean {
  return isFrame(document.defaultView) && !mentionsLicences(document);
}
