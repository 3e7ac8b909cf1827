import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '../../../lib/runtime/script-context';

const started: { notifyInvalidated(): void }[] = [];
function track<T extends { notifyInvalidated(): void }>(context: T): T {
  started.push(context);
  return context;
}
afterEach(() => {
  for (const context of started.splice(0)) context.notifyInvalidated();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('the content script’s reduced context', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const startedEvent = (name: string, messageId = 'forged') =>
    new CustomEvent(`${fakeBrowser.runtime.id}:${name}:wxt:content-script-started`, {
      detail: { contentScriptName: name, messageId },
    });

  it('goes on when a newer copy announces itself while the extension still runs', async () => {
    const older = track(new ContentScriptContext('portal'));
    track(new ContentScriptContext('portal'));
    await settle();
    expect(older.signal.aborted).toBe(false);
    expect(older.isInvalid).toBe(false);
  });

  it.each([
    ['a forged start event with the right name', () => document.dispatchEvent(startedEvent('portal'))],
    ['a forged event for another script', () => document.dispatchEvent(startedEvent('elsewhere'))],
    [
      'a forged start message posted to the window',
      () =>
        window.postMessage(
          { type: startedEvent('portal').type, contentScriptName: 'portal', messageId: 'x' },
          '*',
        ),
    ],
  ])('a page script cannot stop a live copy: %s', async (_case, forge) => {
    const context = track(new ContentScriptContext('portal'));
    forge();
    await settle();
    expect(context.signal.aborted).toBe(false);
    expect(context.isInvalid).toBe(false);
  });

  it('stops on the hint once its extension is gone (no runtime id)', async () => {
    const older = track(new ContentScriptContext('portal'));
    // The event carries the id the copy was started with; the check that follows is what stops it.
    const newer = startedEvent('portal', 'newer');
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    document.dispatchEvent(newer);
    await settle();
    expect(older.signal.aborted).toBe(true);
  });

  it('stops on the hint when messaging its extension says the context is invalidated', async () => {
    const older = track(new ContentScriptContext('portal'));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(
      new Error('Extension context invalidated.'),
    );
    document.dispatchEvent(startedEvent('portal'));
    await settle();
    expect(older.signal.aborted).toBe(true);
  });

  it('goes on when the ping only finds nobody listening', async () => {
    const context = track(new ContentScriptContext('portal'));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    document.dispatchEvent(startedEvent('portal'));
    await settle();
    expect(context.signal.aborted).toBe(false);
  });

  it('speaks WXT’s protocol: WXT’s class stops for ours; ours only once orphaned', async () => {
    // WXT names its event after the entrypoint being built (defined by the build), as it loads.
    vi.stubEnv('ENTRYPOINT', 'portal');
    const { ContentScriptContext: WxtContext } = await import('wxt/utils/content-script-context');
    const ours = track(new ContentScriptContext('portal'));
    const wxt = track(new WxtContext('portal'));
    await settle();
    expect(ours.isInvalid).toBe(false);
    track(new ContentScriptContext('portal'));
    expect(wxt.isInvalid).toBe(true);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(
      new Error('Extension context invalidated.'),
    );
    track(new WxtContext('portal'));
    await settle();
    expect(ours.isInvalid).toBe(true);
  });

  it('announces itself to the page as WXT does, unless told not to', () => {
    const post = vi.spyOn(window, 'postMessage');
    track(new ContentScriptContext('portal'));
    expect(post).toHaveBeenCalledWith(
      expect.objectContaining({
        type: `${fakeBrowser.runtime.id}:portal:wxt:content-script-started`,
        contentScriptName: 'portal',
      }),
      '*',
    );
    post.mockClear();
    track(new ContentScriptContext('portal', { noScriptStartedPostMessage: true }));
    expect(post).not.toHaveBeenCalled();
  });

  it('is invalid once its extension is gone (no runtime id)', () => {
    const context = track(new ContentScriptContext('portal'));
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    expect(context.isInvalid).toBe(true);
    expect(context.signal.aborted).toBe(true);
  });
});
