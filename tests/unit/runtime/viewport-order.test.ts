import { describe, expect, it } from 'vitest';
import { watchViewport } from '../../../lib/runtime/viewport-order';

/** An IntersectionObserver the test answers for, as the browser does after a rendering step. */
function fakeObserverClass() {
  const made: { callback: IntersectionObserverCallback; targets: Element[]; disconnected: boolean }[] = [];
  class Fake {
    private readonly record;
    constructor(callback: IntersectionObserverCallback) {
      this.record = { callback, targets: [] as Element[], disconnected: false };
      made.push(this.record);
    }
    observe(target: Element) {
      this.record.targets.push(target);
    }
    disconnect() {
      this.record.disconnected = true;
    }
  }
  const answer = (entries: [Element, boolean][]) => {
    const record = made[0];
    record?.callback(
      entries.map(([target, isIntersecting]) => ({ target, isIntersecting }) as IntersectionObserverEntry),
      record as unknown as IntersectionObserver,
    );
  };
  return { Observer: Fake as unknown as typeof IntersectionObserver, made, answer };
}

describe('watchViewport', () => {
  const rows = () => Array.from({ length: 4 }, () => document.createElement('tr'));

  it('knows nothing until the browser answers, then the rows in view (and follows a scroll)', () => {
    const elements = rows();
    const { Observer, made, answer } = fakeObserverClass();
    const order = watchViewport(elements, Observer);
    expect(made[0]?.targets).toEqual(elements);
    expect(order?.version()).toBe(0);
    expect(elements.some((element) => order?.inView(element))).toBe(false);
    answer([
      [elements[0] as Element, false],
      [elements[2] as Element, true],
    ]);
    expect(order?.version()).toBe(1);
    expect(order?.inView(elements[2] as Element)).toBe(true);
    answer([[elements[2] as Element, false]]);
    expect(order?.version()).toBe(2);
    expect(order?.inView(elements[2] as Element)).toBe(false);
    order?.stop();
    expect(made[0]?.disconnected).toBe(true);
  });

  it('without an IntersectionObserver: none (page order)', () => {
    expect(watchViewport(rows(), null)).toBeNull();
  });
});
