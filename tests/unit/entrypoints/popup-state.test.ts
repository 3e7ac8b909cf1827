import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ANSWER_TIMEOUT_MS,
  loadPopupState,
  portalTab,
  tabIdFromSearch,
} from '../../../entrypoints/popup/popup-state';
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
    expect(await loadPopupState('?tabId=3')).toMatchObject({ kind: 'no-content-script' });
    fakeBrowser.tabs.sendMessage = vi
      .fn()
      .mockResolvedValue(undefined) as typeof fakeBrowser.tabs.sendMessage;
    expect(await loadPopupState('?tabId=3')).toMatchObject({ kind: 'no-content-script' });
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
    if (shown === undefined) expect(state).toMatchObject({ kind: 'no-content-script' });
    else expect(state).toEqual({ kind: 'status', status: shown });
    expect(send).toHaveBeenCalledTimes(page === recognised ? 1 : 2);
  });
});

describe('why nothing answers: the popup tells what to do, never "no licence" or an endless wait', () => {
  const PORTAL = ['https://*.myopenip.fr/*', 'https://*.mydstny.fr/*'];
  type Tab = { url?: string; status?: string } | Error;
  // Host permissions granted (all / none), the tab as the browser shows it to the extension (no
  // `tabs` permission: a tab's address only where it holds host permission), what the popup says.
  it.each<[string, boolean, Tab, string]>([
    [
      'a portal tab opened before install / update (or an orphaned script)',
      true,
      { url: 'https://acme.myopenip.fr/services/7', status: 'complete' },
      'reload',
    ],
    [
      'a portal tab still loading',
      true,
      { url: 'https://acme.myopenip.fr/services/7', status: 'loading' },
      'loading',
    ],
    ['another site (its address hidden from the extension)', true, { status: 'complete' }, 'not-portal'],
    [
      'another site whose address is shown',
      true,
      { url: 'https://example.org/', status: 'complete' },
      'not-portal',
    ],
    [
      'a browser page (chrome://, about:addons)',
      true,
      { url: 'chrome://extensions/', status: 'complete' },
      'not-portal',
    ],
    ['a tab closed meanwhile', true, new Error('No tab with id: 3'), 'not-portal'],
    [
      'host permissions withheld or revoked (Firefox MV3, Chrome "on click")',
      false,
      { status: 'complete' },
      'no-permission',
    ],
  ])('%s', async (_case, granted, tab, why) => {
    fakeBrowser.tabs.sendMessage = vi
      .fn()
      .mockRejectedValue(new Error('Receiving end does not exist.')) as typeof fakeBrowser.tabs.sendMessage;
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'x',
      version: '1',
      host_permissions: PORTAL,
    });
    const contains = vi.fn(
      async ({ origins }: { origins?: string[] }) =>
        granted &&
        (origins ?? []).every((origin) => PORTAL.includes(origin) || origin.includes('.myopenip.fr')),
    );
    fakeBrowser.permissions.contains = contains as unknown as typeof fakeBrowser.permissions.contains;
    fakeBrowser.tabs.get = vi.fn(async () => {
      if (tab instanceof Error) throw tab;
      return { id: 3, index: 0, ...tab };
    }) as unknown as typeof fakeBrowser.tabs.get;
    expect(await loadPopupState('?tabId=3')).toEqual({ kind: 'no-content-script', why });
    expect(contains).toHaveBeenCalledWith({ origins: PORTAL });
  });

  it('a permissions API that throws is no reason to say no permission', async () => {
    fakeBrowser.tabs.sendMessage = vi
      .fn()
      .mockRejectedValue(new Error('x')) as typeof fakeBrowser.tabs.sendMessage;
    fakeBrowser.permissions.contains = vi
      .fn()
      .mockRejectedValue(new Error('no')) as unknown as typeof fakeBrowser.permissions.contains;
    fakeBrowser.tabs.get = vi
      .fn()
      .mockRejectedValue(new Error('no')) as unknown as typeof fakeBrowser.tabs.get;
    expect(await loadPopupState('?tabId=3')).toEqual({ kind: 'no-content-script', why: 'not-portal' });
  });
});

describe('a content script that never answers (an older or stuck copy)', () => {
  it('the popup stops waiting and says what it knows, instead of loading for ever', async () => {
    vi.useFakeTimers();
    try {
      fakeBrowser.tabs.sendMessage = vi.fn(
        () => new Promise(() => {}),
      ) as unknown as typeof fakeBrowser.tabs.sendMessage;
      fakeBrowser.tabs.get = vi
        .fn()
        .mockRejectedValue(new Error('x')) as unknown as typeof fakeBrowser.tabs.get;
      const state = loadPopupState('?tabId=3');
      await vi.advanceTimersByTimeAsync(2 * ANSWER_TIMEOUT_MS);
      expect(await state).toEqual({ kind: 'no-content-script', why: 'not-portal' });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a browser that refuses to say which tab is active', () => {
  it('the popup still shows a state: no audit offered, not a blank popup', async () => {
    fakeBrowser.tabs.query = vi
      .fn()
      .mockRejectedValue(new Error('no window')) as typeof fakeBrowser.tabs.query;
    expect(await portalTab('')).toBeNull();
    expect(await loadPopupState('')).toEqual({ kind: 'no-content-script', why: 'not-portal' });
  });
});
