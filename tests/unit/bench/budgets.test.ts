import { describe, expect, it } from 'vitest';
import { BUDGETS, checkBudgets, describeExceeded, formatNumber } from '../../../scripts/bench/budgets';
import type { Budget, Figure } from '../../../scripts/bench/figures';

const budgets: Budget[] = [
  { figureId: 'a.p95', max: 16, on: 'value', text: 'p95 ≤ 16 ms' },
  { figureId: 'b.load', max: 1.05, on: 'ratio', text: 'ratio ≤ 1.05' },
  { figureId: 'c.absent', max: 1, on: 'value', text: '≤ 1' },
];

const fig = (id: string, value: number, extra: Partial<Figure> = {}): Figure => ({
  id,
  label: `label of ${id}`,
  value,
  unit: 'ms',
  ...extra,
});

describe('checkBudgets', () => {
  it('passes a figure at its budget and fails one above it', () => {
    expect(checkBudgets([fig('a.p95', 16)], budgets).map((v) => v.ok)).toEqual([true]);
    expect(checkBudgets([fig('a.p95', 16.01)], budgets).map((v) => v.ok)).toEqual([false]);
  });

  it('judges a ratio budget on the ratio, not the value', () => {
    const [within] = checkBudgets([fig('b.load', 900, { baseline: 880, ratio: 900 / 880 })], budgets);
    expect(within).toMatchObject({ ok: true, measured: 900 / 880 });
    const [above] = checkBudgets([fig('b.load', 10, { baseline: 9, ratio: 10 / 9 })], budgets);
    expect(above?.ok).toBe(false);
  });

  it.each([
    // ratio, A/A ratio of the same run, verdict
    [1.058, 0.974, true], // 1.058 ≤ 1.05 + 0.026
    [1.058, 1.029, true], // noise either side of 1 counts alike
    [1.08, 1.029, false], // beyond 1.05 + 0.029
    [1.058, 1.0, false], // no noise that run: strict
    [1.05, undefined, true], // no A/A figure measured: strict
    [1.051, undefined, false],
  ])(
    'a ratio of %s with an A/A of %s: a miss within that run’s noise is no miss (%s)',
    (ratio, noise, ok) => {
      const noisy: Budget[] = [
        { figureId: 'b.load', max: 1.05, on: 'ratio', text: 'ratio ≤ 1.05', noiseId: 'b.noise' },
      ];
      const figures = [fig('b.load', 10, { baseline: 9, ratio })];
      if (noise !== undefined) figures.push(fig('b.noise', 9, { baseline: 9, ratio: noise }));
      const [verdict] = checkBudgets(figures, noisy);
      expect(verdict?.ok).toBe(ok);
      expect(verdict?.allowed).toBeCloseTo(1.05 + (noise === undefined ? 0 : Math.abs(1 - noise)));
    },
  );

  it('names the noise allowance when a ratio misses even with it', () => {
    const noisy: Budget[] = [
      { figureId: 'b.load', max: 1.05, on: 'ratio', text: 'ratio ≤ 1.05', noiseId: 'b.noise' },
    ];
    const lines = describeExceeded(
      checkBudgets([fig('b.load', 10, { ratio: 1.2 }), fig('b.noise', 9, { ratio: 0.98 })], noisy),
    );
    expect(lines).toEqual([
      'Budget dépassé: b.load (label of b.load) = 1.200, budget ratio ≤ 1.05 (bruit A/A compris : ≤ 1.070)',
    ]);
  });

  it('the ratios measured beside an A/A figure have it as their noise: Détails load and block, journey, observer alone and acting', () => {
    const noiseIds = BUDGETS.flatMap((budget) => (budget.noiseId ? [budget.noiseId] : []));
    expect(noiseIds.sort()).toEqual([
      'observer.cpu.noise',
      'observer.cpu.noise',
      'overhead.details.noise',
      'overhead.details.noise',
      'overhead.journey.noise',
    ]);
  });

  it('fails a ratio budget whose ratio could not be computed', () => {
    const [verdict] = checkBudgets([fig('b.load', 10, { baseline: 0, ratio: null })], budgets);
    expect(verdict).toMatchObject({ ok: false, measured: null });
  });

  it('skips budgets whose figure was not measured in this run', () => {
    expect(checkBudgets([fig('a.p95', 1)], budgets)).toHaveLength(1);
  });

  it('covers every budget of issues 6 and 16 with distinct figure ids', () => {
    const ids = BUDGETS.map((budget) => budget.figureId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'annotate.8.p95',
        'annotate.200.p95',
        'observer.cpu',
        'observer.cpu.acting',
        'size.content.gzip',
        'size.details.gzip',
      ]),
    );
    expect(BUDGETS.find((b) => b.figureId === 'observer.cpu.acting')).toMatchObject({
      max: 1.2,
      on: 'ratio',
    });
    expect(BUDGETS.find((b) => b.figureId === 'size.details.gzip')?.max).toBe(12);
    expect(BUDGETS.find((b) => b.figureId === 'annotate.8.p95')?.max).toBe(16);
    expect(BUDGETS.find((b) => b.figureId === 'annotate.200.p95')?.max).toBe(50);
    expect(BUDGETS.find((b) => b.figureId === 'size.content.gzip')?.max).toBe(4);
    // Issue 16: the block itself arrives when it would without us.
    expect(BUDGETS.find((b) => b.figureId === 'overhead.details.block')).toMatchObject({
      max: 1.02,
      on: 'ratio',
    });
  });
});

describe('describeExceeded', () => {
  it('names each exceeded budget with its figure, measure and budget, and nothing else', () => {
    const verdicts = checkBudgets(
      [fig('a.p95', 20), fig('b.load', 1, { ratio: 1.2, baseline: 1 }), fig('c.absent', 0.5)],
      budgets,
    );
    const lines = describeExceeded(verdicts);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('a.p95');
    expect(lines[0]).toContain('20.0 ms');
    expect(lines[0]).toContain('p95 ≤ 16 ms');
    expect(lines[1]).toContain('b.load');
    expect(lines[1]).toContain('1.200');
  });

  it('says when a ratio was not measurable', () => {
    const lines = describeExceeded(checkBudgets([fig('b.load', 1, { ratio: null })], budgets));
    expect(lines[0]).toContain('non mesurable');
  });
});

describe('formatNumber', () => {
  it('formats each unit', () => {
    expect(formatNumber(3.1249, 'ms')).toBe('3.12 ms');
    expect(formatNumber(31.4159, 'ms')).toBe('31.4 ms');
    expect(formatNumber(1.04321, 'ratio')).toBe('1.043');
    expect(formatNumber(4.5, 'KB')).toBe('4.50 KB');
    expect(formatNumber(61.27, 's')).toBe('61.3 s');
    expect(formatNumber(2.6, 'count')).toBe('3');
  });
});

describe('audit budgets (issue 14)', () => {
  it('CPU per service ≤ 3 ms median, and wall time with latency ≤ 1.15 × ideal', () => {
    const figures = [
      { id: 'audit.cpu.median', label: 'cpu', value: 3.2, unit: 'ms' as const },
      { id: 'audit.latency.ratio', label: 'latence', value: 1.1, unit: 'ratio' as const },
      { id: 'audit.full.time', label: 'complet', value: 20, unit: 's' as const },
    ];
    const verdicts = checkBudgets(figures);
    expect(verdicts.map((verdict) => [verdict.figure.id, verdict.ok])).toEqual([
      ['audit.cpu.median', false],
      ['audit.latency.ratio', true],
    ]);
  });
});
