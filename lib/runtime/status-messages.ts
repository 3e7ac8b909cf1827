import { browser } from 'wxt/browser';
import { isFrameStatusRequest, isStatusRequest, type PageStatus } from './page-status';

/**
 * Answers the popup's `STATUS_REQUEST` with the page's status, until `signal` aborts. Answers with
 * `sendResponse` (and `true`): the content script uses the native API, where Chrome does not take a
 * returned promise as the answer.
 *
 * A tab has a copy in each frame and the first answer is the one the popup gets. The popup asks the
 * top frame first, which always answers; then, if the top holds no block, every frame with a
 * request only frames answer, and only a frame that has recognised a block does: so the popup
 * reports the frame that has the block, whatever the order the frames answer in.
 */
export function answerStatusRequests(status: () => PageStatus, signal: AbortSignal, inFrame = false): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (answer: PageStatus) => void) => {
    if (!isStatusRequest(message) || isFrameStatusRequest(message) !== inFrame) return undefined;
    const answer = status();
    if (inFrame && !answer.recognised) return undefined;
    sendResponse(answer);
    return true as const;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
