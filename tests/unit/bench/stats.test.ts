import { describe, expect, it } from 'vitest';
import { median, pairedRatio, percentile, ratio, summarise } from '../../../scripts/bench/stats';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it('returns a measured value at the rank ceil(p·n)', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([10, 20, 30, 40], 95)).toBe(40);
  });

  it('handles a single sample and does not reorder the caller’s array', () => {
    const values = [5, 1, 4];
    expect(percentile([7], 95)).toBe(7);
    percentile(values, 50);
    expect(values).toEqual([5, 1, 4]);
  });

  it('refuses an empty sample, a non-finite sample and an out-of-range p', () => {
    expect(() => percentile([], 50)).toThrow(/no samples/);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(/finite/);
    expect(() => percentile([1], 0)).toThrow(/p must be/);
    expect(() => percentile([1], 101)).toThrow(/p must be/);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});

describe('summarise', () => {
  it('gives runs, p50, p95, min and max', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(summarise(values)).toEqual({ runs: 20, p50: 10, p95: 19, min: 1, max: 20 });
  });
});

describe('ratio', () => {
  it('divides by the baseline, and has no value for a zero or missing baseline', () => {
    expect(ratio(105, 100)).toBeCloseTo(1.05);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(1, Number.NaN)).toBeNull();
  });
});

describe('pairedRatio', () => {
  it('is the median of the ratios of runs measured side by side', () => {
    // Medians of each side would give 20 / 10 = 2; the pairs say the extension costs 10 %.
    expect(pairedRatio([11, 22, 33], [10, 20, 30])).toBeCloseTo(1.1);
    expect(pairedRatio([11, 30, 22], [10, 10, 20])).toBeCloseTo(1.1);
  });

  it('refuses samples that do not pair up or a baseline that is not positive', () => {
    expect(pairedRatio([], [])).toBeNull();
    expect(pairedRatio([1, 2], [1])).toBeNull();
    expect(pairedRatio([1, 2], [1, 0])).toBeNull();
  });
});
