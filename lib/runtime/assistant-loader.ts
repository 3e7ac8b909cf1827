/**
 * The background's side of the handoff: injects the part a detector asks for (the assistant, or the
 * audit's start button) into the very tab and frame whose detector asked (`scripting.executeScript`,
 * allowed by the portal's host permissions; the `scripting` permission itself shows no install
 * warning in Chrome or Firefox — docs/extension.md).
 */
import { browser } from 'wxt/browser';
import { isLoadAssistantRequest, PART_SCRIPTS } from './assistant-handoff';

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
      const file = PART_SCRIPTS[message.part ?? 'assistant'];
      browser.scripting
        .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [file] })
        .then(
          () => sendResponse(true),
          () => sendResponse(false),
        );
      return true as const;
    },
  );
}
