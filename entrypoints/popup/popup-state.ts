import { browser } from 'wxt/browser';
import { isPageStatus, type PageStatus, STATUS_REQUEST, type StatusRequest } from '@/lib/runtime/page-status';

/** The browser's id of a tab's top-level frame. */
const TOP_FRAME = 0;

import type { PopupState } from '@/lib/ui/PopupView';

/** `popup.html?tabId=N` targets tab N (tests open the popup in a tab of its own). */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

async function ask(tabId: number, request: StatusRequest, frameId?: number): Promise<PageStatus | null> {
  try {
    const answer: unknown = await (frameId === undefined
      ? browser.tabs.sendMessage(tabId, request)
      : browser.tabs.sendMessage(tabId, request, { frameId }));
    return isPageStatus(answer) ? answer : null;
  } catch {
    return null;
  }
}

/**
 * Asks the tab's content script for its page status: the page itself first, then, when it holds no
 * block, its frames (only a frame that recognised a block answers: lib/runtime/status-messages.ts).
 * No content script (another site, a page opened before the extension was installed) makes
 * `sendMessage` fail: that is an answer too.
 */
export async function loadPopupState(search: string): Promise<PopupState> {
  let tabId = tabIdFromSearch(search);
  if (tabId === null) {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    tabId = tab?.id ?? null;
  }
  if (tabId === null) return { kind: 'no-content-script' };
  const top = await ask(tabId, { type: STATUS_REQUEST }, TOP_FRAME);
  if (top?.recognised) return { kind: 'status', status: top };
  const framed = await ask(tabId, { type: STATUS_REQUEST, frames: true });
  if (framed?.recognised) return { kind: 'status', status: framed };
  return top ? { kind: 'status', status: top } : { kind: 'no-content-script' };
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
