import { browser } from 'wxt/browser';
import { isPageStatus, type PageStatus, STATUS_REQUEST, type StatusRequest } from '@/lib/runtime/page-status';

/** The browser's id of a tab's top-level frame. */
const TOP_FRAME = 0;

import type { NoScriptReason, PopupState } from '@/lib/ui/PopupView';

/** How long the popup waits for a tab's answer: a script that never answers must not leave it loading. */
export const ANSWER_TIMEOUT_MS = 2000;

/** `popup.html?tabId=N` targets tab N (tests open the popup in a tab of its own). */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/** The tab the popup is about: `?tabId=N`, else the active tab; null when the browser says none. */
export async function targetTabId(search: string): Promise<number | null> {
  const wanted = tabIdFromSearch(search);
  if (wanted !== null) return wanted;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.id ?? null;
}

/**
 * Asks for the portal's host permissions, as declared in the manifest (no new install warning). Called
 * straight from the button's click: Firefox grants only within the user's gesture. Resolves whether
 * granted; open portal tabs then still need a reload for the content script to run in them.
 */
export function requestPortalAccess(): Promise<boolean> {
  try {
    const origins = browser.runtime.getManifest().host_permissions ?? [];
    return browser.permissions.request({ origins }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

async function ask(tabId: number, request: StatusRequest, frameId?: number): Promise<PageStatus | null> {
  try {
    const sent =
      frameId === undefined
        ? browser.tabs.sendMessage(tabId, request)
        : browser.tabs.sendMessage(tabId, request, { frameId });
    const answer: unknown = await Promise.race([
      sent,
      new Promise((resolve) => setTimeout(resolve, ANSWER_TIMEOUT_MS, null)),
    ]);
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
  const tabId = await targetTabId(search);
  if (tabId === null) return { kind: 'no-content-script', why: 'not-portal' };
  const top = await ask(tabId, { type: STATUS_REQUEST }, TOP_FRAME);
  if (top?.recognised) return { kind: 'status', status: top };
  const framed = await ask(tabId, { type: STATUS_REQUEST, frames: true });
  if (framed?.recognised) return { kind: 'status', status: framed };
  return top ? { kind: 'status', status: top } : { kind: 'no-content-script', why: await whyNoAnswer(tabId) };
}

/** Whether the browser lets the extension read these addresses; a failing API counts as yes (no false alarm). */
async function portalGranted(): Promise<boolean> {
  try {
    const origins = browser.runtime.getManifest().host_permissions ?? [];
    return origins.length === 0 || (await browser.permissions.contains({ origins }));
  } catch {
    return true;
  }
}

/**
 * Why no content script answers. Host permissions withheld or revoked (Firefox MV3 lets the user do
 * so, Chrome's "on click" too): no content script runs on any portal page, whatever this tab shows.
 * Otherwise, a tab whose address the extension sees (it has no `tabs` permission: only where it holds
 * host permission, i.e. the portal) and may read runs none yet: opened before the extension was
 * installed, enabled or updated (Chrome injects into no open tab; an update orphans the old script),
 * or still loading. Anything else is not the portal (another site, a browser page, a closed tab).
 */
async function whyNoAnswer(tabId: number): Promise<NoScriptReason> {
  if (!(await portalGranted())) return 'no-permission';
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const origin = /^https?:\/\/[^/?#]+/.exec(tab?.url ?? '')?.[0];
  if (!origin || !(await browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false)))
    return 'not-portal';
  return tab?.status === 'loading' ? 'loading' : 'reload';
}

/**
 * The target tab when it shows the portal (a host the extension may read): the popup then offers
 * the audit of the list it shows (the audit page says so when it is not the list).
 */
export async function portalTab(search: string): Promise<{ id: number; url: string } | null> {
  const wanted = tabIdFromSearch(search);
  const [tab] =
    wanted === null
      ? await browser.tabs.query({ active: true, currentWindow: true }).catch(() => [])
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
