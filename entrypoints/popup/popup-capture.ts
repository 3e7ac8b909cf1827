import { browser } from 'wxt/browser';
import { savable } from '@/lib/capture/in-page';
import { CAPTURE_SNAPSHOT_REQUEST, isBuiltCapture, type SavableCapture } from '@/lib/capture/messages';
import { targetTabId } from './popup-state';

/**
 * The popup's "Enregistrer une capture anonymisée": the tab's content script masks its page and
 * answers with the file; the popup shows it and offers it (a download the user starts from here).
 */
export async function captureTab(search: string): Promise<SavableCapture> {
  const tabId = await targetTabId(search);
  if (tabId === null) throw new Error('no tab');
  const built: unknown = await browser.tabs.sendMessage(tabId, { type: CAPTURE_SNAPSHOT_REQUEST });
  if (!isBuiltCapture(built)) throw new Error('no capture');
  return savable(built);
}
