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
    expect(send).toHaveBeenCalledWith(5, { type: STATUS_REQUEST }, { frameId: 0 });
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

  const notRecognised = { ...recognised, recognised: false, licences: [], reason: 'no-licence-block' };
  const framed = { ...recognised, licences: [{ ...recognised.licences[0], label: 'Licence simple' }] };
  type Answer = unknown | Error;
  // What the page itself (frame 0) and its frames answer, and what the popup shows.
  it.each<[string, Answer, Answer, unknown]>([
    ['the page has the block: its frames are not asked', recognised, framed, recognised],
    ['a frame has the block', notRecognised, framed, framed],
    [
      'no frame answers (none has a block)',
      notRecognised,
      new Error('Could not establish connection.'),
      notRecognised,
    ],
    ['frames answer nothing', notRecognised, undefined, notRecognised],
    ['only a frame runs the content script', new Error('Receiving end does not exist.'), framed, framed],
    ['nothing runs anywhere', new Error('Receiving end does not exist.'), new Error('x'), undefined],
  ])('reports the frame that has the block: %s', async (_case, page, frames, shown) => {
    const send = vi.fn(async (_tab: number, message: { frames?: true }, options?: { frameId?: number }) => {
      const answer = message.frames ? frames : page;
      if (message.frames) expect(options).toBeUndefined();
      else expect(options).toEqual({ frameId: 0 });
      if (answer instanceof Error) throw answer;
      return answer;
    });
    fakeBrowser.tabs.sendMessage = send as unknown as typeof fakeBrowser.tabs.sendMessage;
    const state = await loadPopupState('?tabId=4');
    expect(state).toEqual(
      shown === undefined ? { kind: 'no-content-script' } : { kind: 'status', status: shown },
    );
    expect(send).toHaveBeenCalledTimes(page === recognised ? 1 : 2);
  });
});
