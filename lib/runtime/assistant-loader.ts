/**
 * The background's side of the handoff: injects the assistant into the very tab and frame whose
 * detector asked (`scripting.executeScript`, allowed by the portal's host permissions; the
 * `scripting` permission itself shows no install warning in Chrome or Firefox — docs/extension.md).
 */
import { browser } from 'wxt/browser';
import { ASSISTANT_SCRIPT, isLoadAssistantRequest } from './assistant-handoff';

interface Sender {
  tab?: { id?: number };
  frameId?: number;
}

/** Answers `LOAD_ASSISTANT` (called once, as the background starts) with `sendResponse` and `true`. */
export function answerAssistantRequests(): void {
  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Sender, sendResponse: (answer: boolean) => void) => {
      if (!isLoadAssistantRequest(message)) return undefined;
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      browser.scripting
        .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [ASSISTANT_SCRIPT] })
        .then(
          () => sendResponse(true),
          () => sendResponse(false),
        );
      return true as const;
    },
  );
}
