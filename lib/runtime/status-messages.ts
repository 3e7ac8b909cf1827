import { browser } from 'wxt/browser';
import { isStatusRequest, type PageStatus } from './page-status';

/**
 * Answers the popup's `STATUS_REQUEST` with the page's status, until `signal` aborts. Answers with
 * `sendResponse` (and `true`): the content script uses the native API, where Chrome does not take a
 * returned promise as the answer.
 */
export function answerStatusRequests(status: () => PageStatus, signal: AbortSignal): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (answer: PageStatus) => void) => {
    if (!isStatusRequest(message)) return undefined;
    sendResponse(status());
    return true as const;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
