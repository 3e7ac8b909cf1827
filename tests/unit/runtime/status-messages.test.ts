import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { summarise } from '../../../lib/licences/assess';
import { type PageStatus, STATUS_REQUEST } from '../../../lib/runtime/page-status';
import { answerStatusRequests } from '../../../lib/runtime/status-messages';

const recognised: PageStatus = { recognised: true, licences: [], summary: summarise([]) };
const notRecognised: PageStatus = { ...recognised, recognised: false, reason: 'no-licence-block' };

afterEach(() => {
  vi.restoreAllMocks();
});

/** The listener the content script registers, called as the browser would. */
function listen(status: PageStatus, inFrame: boolean) {
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  const controller = new AbortController();
  answerStatusRequests(() => status, controller.signal, inFrame);
  const listener = add.mock.calls[0]?.[0] as unknown as (
    message: unknown,
    sender: unknown,
    respond: (answer: unknown) => void,
  ) => unknown;

  return (message: unknown) => {
    const respond = vi.fn();
    const kept = listener(message, {}, respond);
    return kept === true ? respond.mock.calls[0]?.[0] : 'no answer';
  };
}

describe('who answers the popup in a page with frames', () => {
  // Where the copy runs, what it has read, which request: its answer (or none, leaving it to others).
  it.each([
    ['the page', notRecognised, { type: STATUS_REQUEST }, notRecognised],
    ['the page', recognised, { type: STATUS_REQUEST }, recognised],
    ['the page', recognised, { type: STATUS_REQUEST, frames: true }, 'no answer'],
    ['a frame', recognised, { type: STATUS_REQUEST, frames: true }, recognised],
    ['a frame', notRecognised, { type: STATUS_REQUEST, frames: true }, 'no answer'],
    ['a frame', recognised, { type: STATUS_REQUEST }, 'no answer'],
    ['the page', recognised, { type: 'other' }, 'no answer'],
  ] as const)('%s, %o, asked %o: %o', (where, status, request, expected) => {
    const answer = listen(status, where === 'a frame');
    expect(answer(request)).toEqual(expected);
  });
});
