import { browser } from 'wxt/browser';
import { buildFromSnapshot } from '@/lib/capture/background-service';
import { type SavableCapture, savable } from '@/lib/capture/in-page';
import { CAPTURE_SNAPSHOT_REQUEST } from '@/lib/capture/messages';
import { tabIdFromSearch } from './popup-state';

/**
 * The popup's "Enregistrer une capture anonymisée": the tab's content script reads the page, the
 * popup masks it and offers the file (a download the user starts from the popup itself).
 */
export async function captureTab(search: string): Promise<SavableCapture> {
  let tabId = tabIdFromSearch(search);
  if (tabId === null) {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    tabId = tab?.id ?? null;
  }
  if (tabId === null) throw new Error('no tab');
  const snapshot: unknown = await browser.tabs.sendMessage(tabId, { type: CAPTURE_SNAPSHOT_REQUEST });
  const built = buildFromSnapshot(snapshot, browser.runtime.getManifest().version, navigator.userAgent);
  if (!built) throw new Error('no snapshot');
  return savable(built);
}
