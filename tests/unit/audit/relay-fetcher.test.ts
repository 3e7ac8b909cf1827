import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { relayFetcher } from '../../../lib/audit/controller';
import { FetchStopped, FetchTimedOut } from '../../../lib/audit/scheduler';
import { fetchInPortalTab } from '../../../lib/audit/tab-fetch';

const PORTAL = 'https://portal.example';
const page = (url: string) => ({ ok: true, status: 200, url, text: `<p>${url}</p>`, retryAfter: null });

interface Injection {
  target: { tabId: number; frameIds?: number[] };
  func: unknown;
  args: unknown[];
}

/** Tabs by id: their address, and what running the function there gives (a result, or a rejection). */
let tabs: Record<number, { url: string; run: (url: string) => Promise<unknown> }>;
const executeScript = vi.fn(async ({ target, args }: Injection) => {
  const tab = tabs[target.tabId];
  if (!tab) throw new Error(`No tab with id: ${target.tabId}`);
  return [{ frameId: 0, result: await tab.run(args[0] as string) }];
});

beforeEach(() => {
  fakeBrowser.reset();
  executeScript.mockClear();
  tabs = {};
  (browser as unknown as { scripting: unknown }).scripting = { executeScript };
  vi.spyOn(browser.tabs, 'query').mockImplementation(
    async () => Object.entries(tabs).map(([id, tab]) => ({ id: Number(id), url: tab.url })) as never,
  );
});

const signal = new AbortController().signal;

describe('the audit’s reads, run in a portal tab (scripting.executeScript)', () => {
  it('runs the self-contained GET in the tab it was opened from, its top frame, and hands back the page', async () => {
    tabs[3] = { url: `${PORTAL}/`, run: async (url) => page(url) };
    tabs[5] = { url: `${PORTAL}/services`, run: async (url) => page(url) };
    const fetched = await relayFetcher(PORTAL, 5)(`${PORTAL}/services/MC-1`, signal);
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 5 },
      func: fetchInPortalTab,
      args: [`${PORTAL}/services/MC-1`],
    });
    expect(fetched).toEqual({
      status: 200,
      url: `${PORTAL}/services/MC-1`,
      text: `<p>${PORTAL}/services/MC-1</p>`,
      retryAfter: null,
      contentType: null,
    });
  });

  it('refuses an address outside the portal before touching any tab', async () => {
    tabs[5] = { url: `${PORTAL}/services`, run: async (url) => page(url) };
    await expect(relayFetcher(PORTAL, 5)('https://elsewhere.example/', signal)).rejects.toThrow(
      /not the portal/,
    );
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('its tab closed, another tab of the same portal reads (never a tab of another site)', async () => {
    tabs[8] = { url: 'https://elsewhere.example/', run: async (url) => page(url) };
    tabs[9] = { url: `${PORTAL}/services/MC-7`, run: async (url) => page(url) };
    const fetched = await relayFetcher(PORTAL, 5)(`${PORTAL}/services`, signal);
    expect(fetched.url).toBe(`${PORTAL}/services`);
    expect(executeScript.mock.calls.map(([injection]) => injection.target.tabId)).toEqual([5, 9]);
  });

  it.each<[string, () => Promise<unknown>]>([
    [
      'the injection is refused (closed, no host permission)',
      () => Promise.reject(new Error('Cannot access')),
    ],
    ['the tab has left for another portal host', async () => ({ ok: false, error: 'other-origin' })],
    ['the frame went away mid-way (no result)', async () => undefined],
  ])('no tab that reads: the audit pauses ("tab") — %s', async (_case, run) => {
    tabs[5] = { url: `${PORTAL}/services`, run };
    const read = relayFetcher(PORTAL, 5)(`${PORTAL}/services`, signal);
    await expect(read).rejects.toBeInstanceOf(FetchStopped);
    await expect(read).rejects.toMatchObject({ reason: 'tab' });
  });

  it('no portal tab at all: the audit pauses ("tab") without injecting anything', async () => {
    tabs[8] = { url: 'https://elsewhere.example/', run: async (url) => page(url) };
    await expect(relayFetcher(PORTAL, null)(`${PORTAL}/services`, signal)).rejects.toMatchObject({
      reason: 'tab',
    });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('a failed GET in a reachable tab is a network error (retried by the scheduler), not a pause', async () => {
    tabs[5] = { url: `${PORTAL}/services`, run: async () => ({ ok: false, error: 'network' }) };
    const read = relayFetcher(PORTAL, 5)(`${PORTAL}/services`, signal);
    await expect(read).rejects.toBeInstanceOf(TypeError);
  });

  it('a GET the portal did not answer in time is told apart from a lost connection (retried the same)', async () => {
    tabs[5] = { url: `${PORTAL}/services`, run: async () => ({ ok: false, error: 'timeout' }) };
    const read = relayFetcher(PORTAL, 5)(`${PORTAL}/services`, signal);
    await expect(read).rejects.toBeInstanceOf(FetchTimedOut);
    expect(executeScript).toHaveBeenCalledTimes(1); // the tab answered: not another tab's turn
  });
});
