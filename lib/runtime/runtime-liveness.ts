/**
 * Whether the extension behind this content script still runs. After an update or a removal the
 * browser orphans the old copy: its `runtime.id` disappears (Chrome, Firefox), and messaging throws
 * "Extension context invalidated" (Chrome). Nothing a page script does can cause either.
 */
import { browser } from 'wxt/browser';

export function isRuntimeGone(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    // Some browsers throw on any access to an invalidated runtime.
    return true;
  }
}

/**
 * Resolves `true` while the extension runs. A ping nobody answers ("Receiving end does not exist")
 * still proves the runtime is there; only a missing id or an invalidated context means gone.
 */
export async function pingRuntime(): Promise<boolean> {
  if (isRuntimeGone()) return false;
  try {
    // Nobody answers this message: only the way sending fails matters.
    await browser.runtime.sendMessage('mla:ping');
    return true;
  } catch (error) {
    return !/context invalidated/i.test(String(error));
  }
}
