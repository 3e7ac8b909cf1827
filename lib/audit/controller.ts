/**
 * The audit page's engine room: the engine with requests run in a portal tab (the user's own
 * session, GET only, nothing but the portal's origin), DOMParser, and extension storage; one audit
 * per portal origin at a time (a Web Lock held while the page is open).
 */
import { browser } from 'wxt/browser';
import { AuditEngine } from './engine';
import { DEFAULT_POLITE, type Fetcher, FetchStopped, FetchTimedOut, PoliteClient } from './scheduler';
import { createAuditWriter } from './storage';
import { type AuditFetchAnswer, fetchInPortalTab, isAuditFetchAnswer } from './tab-fetch';
import { type AuditState, newAuditState } from './types';

function originOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

/**
 * The only request the audit sends: a GET of a portal address, run in a tab showing that portal
 * (`fetchInPortalTab`, injected with `scripting.executeScript`: the `scripting` permission and the
 * portal's host permissions, nothing more), so it carries the user's session exactly as the page's
 * own loads do. It needs nothing of the content scripts: any page of the portal will do. The tab the
 * audit was opened from is used first, else any tab of the portal; none that answers (closed,
 * another site, no host permission): the audit pauses ("tab").
 */
export function relayFetcher(origin: string, preferredTab: number | null): Fetcher {
  let tabId = preferredTab;
  const pick = async (failed: number | null): Promise<number | null> => {
    const tabs = await browser.tabs.query({});
    const portalTabs = tabs.filter((tab) => tab.id !== undefined && originOf(tab.url) === origin);
    const preferred = portalTabs.find((tab) => tab.id === preferredTab && tab.id !== failed);
    return (preferred ?? portalTabs.find((tab) => tab.id !== failed))?.id ?? null;
  };
  const ask = async (tab: number, url: string): Promise<AuditFetchAnswer | null> => {
    try {
      // The tab's top frame only; the function's promise is awaited by the browser (both engines).
      const [injection] = await browser.scripting.executeScript({
        target: { tabId: tab },
        func: fetchInPortalTab,
        args: [url],
      });
      const answer: unknown = injection?.result;
      // No answer (frame gone mid-way) or another origin (the tab left the portal): not this tab.
      return isAuditFetchAnswer(answer) && (answer.ok || answer.error !== 'other-origin') ? answer : null;
    } catch {
      return null; // closed, navigated to another site, no host permission there
    }
  };
  return async (url, signal) => {
    if (originOf(url) !== origin) throw new Error(`not the portal: ${url}`);
    let answer: AuditFetchAnswer | null = null;
    let failed: number | null = null;
    for (let attempt = 0; attempt < 2 && answer === null; attempt += 1) {
      tabId = tabId !== null && tabId !== failed ? tabId : await pick(failed);
      if (tabId === null) throw new FetchStopped('tab');
      signal.throwIfAborted();
      answer = await ask(tabId, url);
      if (answer === null) {
        failed = tabId;
        tabId = null;
      }
    }
    if (answer === null) throw new FetchStopped('tab');
    if (!answer.ok && answer.error === 'timeout')
      throw new FetchTimedOut('the portal did not answer in time');
    if (!answer.ok) throw new TypeError(`portal tab could not fetch: ${answer.error}`);
    return {
      status: answer.status,
      url: answer.url,
      text: answer.text,
      retryAfter: answer.retryAfter,
      contentType: answer.contentType ?? null,
    };
  };
}

export function parseOffScreen(markup: string): Document {
  // A parsed document runs no script and loads nothing; it is dropped once read.
  return new DOMParser().parseFromString(markup, 'text/html');
}

export interface AuditController {
  readonly state: AuditState;
  prepare(): Promise<'ok' | 'session' | 'network' | 'tab'>;
  start(): Promise<void>;
  pause(): void;
  cancel(): Promise<void>;
  retry(ref: string): Promise<void>;
  /** Resolves once the latest state is in storage. */
  saved(): Promise<void>;
}

export function createAuditController(options: {
  origin: string;
  stored: AuditState | null;
  startUrl: string;
  requestsPerSecond: number;
  fetcher: Fetcher;
  onChange(state: AuditState): void;
  onStorageError(error: unknown): void;
}): AuditController {
  const state = options.stored ?? newAuditState(options.origin, options.startUrl, Date.now());
  const writer = createAuditWriter(options.origin, options.onStorageError);
  const client = new PoliteClient(options.fetcher, {
    ...DEFAULT_POLITE,
    requestsPerSecond: options.requestsPerSecond,
  });
  const engine = new AuditEngine(state, {
    client,
    parse: parseOffScreen,
    now: () => Date.now(),
    onChange: (changed) => {
      void writer.save(changed);
      options.onChange(changed);
    },
  });
  return {
    state,
    prepare: () => engine.prepare(),
    start: () => engine.run(),
    pause: () => engine.pause(),
    cancel: () => engine.cancel(),
    retry: (ref) => engine.retry(ref),
    saved: () => writer.idle(),
  };
}

/** Holds the audit lock of `origin` while the page lives; false when another page holds it. */
export async function holdAuditLock(origin: string): Promise<boolean> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return true;
  return new Promise<boolean>((resolve) => {
    void locks.request(`mla-audit ${origin}`, { ifAvailable: true }, (lock) => {
      resolve(lock !== null);
      // Held until the page goes away.
      return lock ? new Promise<void>(() => undefined) : undefined;
    });
  });
}
