/**
 * Order statistics for noisy timings. Percentiles use the nearest-rank method: the figure is always
 * a value that was really measured, never an interpolation between two runs.
 */

function sortedCopy(values: readonly number[]): number[] {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length !== values.length) throw new Error('percentile: every sample must be a finite number');
  return [...finite].sort((a, b) => a - b);
}

/** The p-th percentile (0 < p ≤ 100) by nearest rank; throws on an empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new Error(`percentile: p must be in (0, 100], got ${p}`);
  const sorted = sortedCopy(values);
  if (sorted.length === 0) throw new Error('percentile: no samples');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)]!;
}

/** The median as the mean of the two middle values for an even count (the usual definition). */
export function median(values: readonly number[]): number {
  const sorted = sortedCopy(values);
  if (sorted.length === 0) throw new Error('median: no samples');
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Summary {
  runs: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

export function summarise(values: readonly number[]): Summary {
  return {
    runs: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** `with / without`; `null` when the baseline is zero or missing (no meaningful ratio). */
export function ratio(measured: number, baseline: number): number | null {
  if (!Number.isFinite(measured) || !Number.isFinite(baseline) || baseline <= 0) return null;
  return measured / baseline;
}

/**
 * The median of `with[i] / without[i]`: runs measured side by side share the machine's load at
 * that moment, so their ratio drifts less than the ratio of two medians taken over minutes.
 * `null` when the samples do not pair up or a baseline is not positive.
 */
export function pairedRatio(measured: readonly number[], baseline: readonly number[]): number | null {
  if (measured.length === 0 || measured.length !== baseline.length) return null;
  const ratios: number[] = [];
  for (let index = 0; index < measured.length; index += 1) {
    const one = ratio(measured[index]!, baseline[index]!);
    if (one === null) return null;
    ratios.push(one);
  }
  return median(ratios);
}
