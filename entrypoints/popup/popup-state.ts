import { browser } from 'wxt/browser';
import { isPageStatus, STATUS_REQUEST } from '@/lib/runtime/page-status';
import type { PopupState } from '@/lib/ui/PopupView';

/** `popup.html?tabId=N` targets tab N (tests open the popup in a tab of its own). */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/**
 * Asks the tab's content script for its page status. No content script (another site, a page
 * opened before the extension was installed) makes `sendMessage` fail: that is an answer too.
 */
export async function loadPopupState(search: string): Promise<PopupState> {
  let tabId = tabIdFromSearch(search);
  if (tabId === null) {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    tabId = tab?.id ?? null;
  }
  if (tabId === null) return { kind: 'no-content-script' };
  try {
    const answer: unknown = await browser.tabs.sendMessage(tabId, { type: STATUS_REQUEST });
    return isPageStatus(answer) ? { kind: 'status', status: answer } : { kind: 'no-content-script' };
  } catch {
    return { kind: 'no-content-script' };
  }
}
