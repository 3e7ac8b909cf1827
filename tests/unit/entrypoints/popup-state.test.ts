import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPopupState, tabIdFromSearch } from '../../../entrypoints/popup/popup-state';
import { STATUS_REQUEST } from '../../../lib/runtime/page-status';

const recognised = {
  recognised: true,
  licences: [
    { label: 'Licence full', state: 'terminable', subscribed: 2, active: 1, terminable: 1, reason: null },
  ],
  summary: { terminableTotal: 1, sdaLinkedTotal: 1, unknownCount: 0 },
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('popup state', () => {
  it('reads ?tabId=N, and nothing else', () => {
    expect(tabIdFromSearch('?tabId=42')).toBe(42);
    expect(tabIdFromSearch('?tabId=x')).toBeNull();
    expect(tabIdFromSearch('')).toBeNull();
  });

  it('asks the active tab when no tab is given, and shows its recognised page', async () => {
    const send = vi.fn().mockResolvedValue(recognised);
    fakeBrowser.tabs.sendMessage = send as typeof fakeBrowser.tabs.sendMessage;
    const query = vi.fn().mockResolvedValue([{ id: 5, active: true }]);
    fakeBrowser.tabs.query = query as typeof fakeBrowser.tabs.query;
    expect(await loadPopupState('')).toEqual({ kind: 'status', status: recognised });
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(send).toHaveBeenCalledWith(5, { type: STATUS_REQUEST });
  });

  it('asks the given tab', async () => {
    const send = vi
      .fn()
      .mockResolvedValue({ ...recognised, recognised: false, licences: [], reason: 'no-licence-block' });
    fakeBrowser.tabs.sendMessage = send as typeof fakeBrowser.tabs.sendMessage;
    const state = await loadPopupState('?tabId=7');
    expect(send.mock.calls[0]?.[0]).toBe(7);
    expect(state).toMatchObject({ kind: 'status', status: { recognised: false } });
  });

  it('reports no content script when the tab does not answer, or answers nonsense', async () => {
    fakeBrowser.tabs.sendMessage = vi
      .fn()
      .mockRejectedValue(
        new Error('Could not establish connection. Receiving end does not exist.'),
      ) as typeof fakeBrowser.tabs.sendMessage;
    expect(await loadPopupState('?tabId=3')).toEqual({ kind: 'no-content-script' });
    fakeBrowser.tabs.sendMessage = vi
      .fn()
      .mockResolvedValue(undefined) as typeof fakeBrowser.tabs.sendMessage;
    expect(await loadPopupState('?tabId=3')).toEqual({ kind: 'no-content-script' });
  });
});
