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

/**
 * The target tab when it shows the portal (a host the extension may read): the popup then offers
 * the audit of the list it shows (the audit page says so when it is not the list).
 */
export async function portalTab(search: string): Promise<{ id: number; url: string } | null> {
  const wanted = tabIdFromSearch(search);
  const [tab] =
    wanted === null
      ? await browser.tabs.query({ active: true, currentWindow: true })
      : [await browser.tabs.get(wanted).catch(() => undefined)];
  if (tab?.id === undefined || !tab.url) return null;
  try {
    const { protocol, hostname } = new URL(tab.url);
    if (protocol !== 'https:' && protocol !== 'http:') return null;
    const allowed = await browser.permissions.contains({ origins: [`${protocol}//${hostname}/*`] });
    return allowed ? { id: tab.id, url: tab.url } : null;
  } catch {
    return null;
  }
}
