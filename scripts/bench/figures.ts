/** One line of the bench table and of `bench/results.json`. */
export interface Figure {
  /** Stable identifier, e.g. `annotate.8.p95`: budgets and `--check` messages name it. */
  id: string;
  /** What is measured, in plain words. */
  label: string;
  value: number;
  unit: 'ms' | 'KB' | 'ratio' | 's' | 'count';
  /** The same measure without the extension, when there is one. */
  baseline?: number;
  /** `value / baseline`, when a baseline applies. */
  ratio?: number | null;
  /** Extra facts a reader needs (runs, how it was measured, a fallback taken). */
  note?: string;
}

export interface Budget {
  figureId: string;
  /** The figure (or its ratio, when `on` is `ratio`) must be ≤ max. */
  max: number;
  on: 'value' | 'ratio';
  /** The budget as written in the issue, for messages: `p95 ≤ 16 ms`. */
  text: string;
  /**
   * A ratio budget's A/A figure in the same run (the same measure between two tabs without the
   * extension): a miss no larger than that run's own noise, |1 − A/A ratio|, is not a miss.
   */
  noiseId?: string;
}
