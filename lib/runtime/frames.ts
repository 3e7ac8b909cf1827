/**
 * The content script runs in every frame of a portal page (`allFrames`): the portal may show its
 * Détails tab inside a same-origin frame. Which frames get the assistant is the detector's
 * decision (detector.ts, by the portal's own labels): a frame without licence content only runs it.
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
