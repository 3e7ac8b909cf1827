import { describe, expect, it } from 'vitest';
import { isFrame } from '../../../lib/runtime/frames';

const top = {
  get top() {
    return top;
  },
};
const frame = { top };
const crossOrigin = {
  get top(): never {
    throw new DOMException('Blocked a frame with origin', 'SecurityError');
  },
};

describe('frames', () => {
  it.each([
    ['the page itself', () => top, false],
    ['a frame', () => frame, true],
    ['a frame whose parent cannot be read', () => crossOrigin, true],
    ['no window', () => null, false],
  ])('%s is a frame: %s', (_case, view, expected) => {
    expect(isFrame(view() as unknown as Window)).toBe(expected);
  });
});
