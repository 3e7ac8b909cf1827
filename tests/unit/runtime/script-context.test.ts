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
  it('stops when a newer copy of the same script starts, not for another script', () => {
    const older = track(new ContentScriptContext('portal'));
    const other = track(new ContentScriptContext('elsewhere'));
    expect(older.isInvalid).toBe(false);
    const newer = track(new ContentScriptContext('portal'));
    expect(older.signal.aborted).toBe(true);
    expect(older.isInvalid).toBe(true);
    expect(newer.isInvalid).toBe(false);
    expect(other.isInvalid).toBe(false);
  });

  it('speaks WXT’s protocol: each stops the other’s older copy', async () => {
    // WXT names its event after the entrypoint being built (defined by the build), as it loads.
    vi.stubEnv('ENTRYPOINT', 'portal');
    const { ContentScriptContext: WxtContext } = await import('wxt/utils/content-script-context');
    const ours = track(new ContentScriptContext('portal'));
    const wxt = track(new WxtContext('portal'));
    expect(ours.isInvalid).toBe(true);
    track(new ContentScriptContext('portal'));
    expect(wxt.isInvalid).toBe(true);
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
