/**
 * Whether the extension behind this content script still runs. After an update or a removal the
 * browser orphans the old copy: its `runtime.id` disappears (Chrome, Firefox), and messaging throws
 * "Extension context invalidated" (Chrome). Nothing a page script does can cause either.
 */
import { browser } from 'wxt/browser';

/** The message the ping sends: nobody answers it, only the way sending fails matters. */
export const LIVENESS_PING = 'mla:liveness-ping';

export function isRuntimeGone(): boolean {
  try {
    return browser.runtime?.id == null;
  } catch {
    // Some browsers throw on any access to an invalidated runtime.
    return true;
  }
}

/** The error a browser gives to an orphaned content script that tries to message its extension. */
export function isInvalidation(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /context invalidated/i.test(message);
}

/**
 * Resolves `true` while the extension runs. A ping nobody answers ("Receiving end does not exist")
 * still proves the runtime is there; only a missing id or an invalidated context means gone.
 */
export async function pingRuntime(): Promise<boolean> {
  if (isRuntimeGone()) return false;
  try {
    await browser.runtime.sendMessage({ type: LIVENESS_PING });
    return true;
  } catch (error) {
    return !isInvalidation(error);
  }
}
