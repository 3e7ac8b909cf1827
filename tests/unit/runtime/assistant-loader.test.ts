import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ASSISTANT_SCRIPT,
  AUDIT_START_SCRIPT,
  CAPTURE_SCRIPT,
  LOAD_ASSISTANT,
} from '../../../lib/runtime/assistant-handoff';
import { answerAssistantRequests } from '../../../lib/runtime/assistant-loader';

type Listener = (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => unknown;

describe('the background injects the assistant where a detector asks', () => {
  let listener: Listener;
  const executeScript = vi.fn();

  beforeEach(() => {
    fakeBrowser.reset();
    executeScript.mockReset().mockResolvedValue([]);
    (browser as unknown as { scripting: unknown }).scripting = { executeScript };
    vi.spyOn(browser.runtime.onMessage, 'addListener').mockImplementation((added) => {
      listener = added as unknown as Listener;
    });
    answerAssistantRequests();
  });

  it('into the very tab and frame of the detector that asked, and answers once done', async () => {
    const sendResponse = vi.fn();
    const kept = listener({ type: LOAD_ASSISTANT }, { tab: { id: 7 }, frameId: 3 }, sendResponse);
    expect(kept).toBe(true);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, frameIds: [3] },
      files: [ASSISTANT_SCRIPT],
    });
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(true));
  });

  it('the audit’s start button, alone, where the detector asks for that part', async () => {
    const sendResponse = vi.fn();
    listener({ type: LOAD_ASSISTANT, part: 'audit-start' }, { tab: { id: 7 }, frameId: 0 }, sendResponse);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, frameIds: [0] },
      files: [AUDIT_START_SCRIPT],
    });
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(true));
  });

  it('the capture’s code, into the frame where a user asked for a capture', async () => {
    const sendResponse = vi.fn();
    listener({ type: LOAD_ASSISTANT, part: 'capture' }, { tab: { id: 7 }, frameId: 2 }, sendResponse);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, frameIds: [2] },
      files: [CAPTURE_SCRIPT],
    });
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(true));
  });

  it('injects no file a message names: an unknown part is no request', () => {
    for (const part of ['/capture.js', 'background', 'toString'])
      expect(
        listener({ type: LOAD_ASSISTANT, part }, { tab: { id: 7 }, frameId: 0 }, vi.fn()),
      ).toBeUndefined();
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('answers false when the injection fails (tab gone, page navigated)', async () => {
    executeScript.mockRejectedValue(new Error('No tab with id: 7'));
    const sendResponse = vi.fn();
    listener({ type: LOAD_ASSISTANT }, { tab: { id: 7 }, frameId: 0 }, sendResponse);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(false));
  });

  it('ignores other messages and senders that are not a tab', () => {
    expect(listener({ type: 'mla:page-status' }, { tab: { id: 7 }, frameId: 0 }, vi.fn())).toBeUndefined();
    expect(listener({ type: LOAD_ASSISTANT }, {}, vi.fn())).toBeUndefined();
    expect(executeScript).not.toHaveBeenCalled();
  });
});
