import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureModule } from '../../../lib/capture/load-capture';
import { CAPTURE_MODULE_GLOBAL, type CaptureModule } from '../../../lib/capture/messages';
import { LOAD_ASSISTANT } from '../../../lib/runtime/assistant-handoff';

const holder = globalThis as Record<string, unknown>;
const fakeModule: CaptureModule = { open: vi.fn(), build: vi.fn() };

describe('the capture’s code is injected on first use, never imported from an exposed file', () => {
  afterEach(() => {
    delete holder[CAPTURE_MODULE_GLOBAL];
  });

  it('asks the background for the capture part, then uses the module the injection left', async () => {
    const ask = vi.fn(async () => {
      holder[CAPTURE_MODULE_GLOBAL] = fakeModule; // what capture.js does when injected
      return true;
    });
    await expect(captureModule(ask)).resolves.toBe(fakeModule);
    expect(ask).toHaveBeenCalledWith({ type: LOAD_ASSISTANT, part: 'capture' });
  });

  it('asks only once: an injected module is used again', async () => {
    holder[CAPTURE_MODULE_GLOBAL] = fakeModule;
    const ask = vi.fn(async () => true);
    await expect(captureModule(ask)).resolves.toBe(fakeModule);
    expect(ask).not.toHaveBeenCalled();
  });

  it('fails (to be logged, not thrown into the page) when the background could not inject it', async () => {
    await expect(captureModule(async () => false)).rejects.toThrow('not injected');
    await expect(captureModule(async () => true)).rejects.toThrow('not injected');
    await expect(
      captureModule(async () => {
        throw new Error('Could not establish connection');
      }),
    ).rejects.toThrow('connection');
  });
});
