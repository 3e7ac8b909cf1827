import { type BudgetVerdict, formatNumber } from './budgets';
import type { Figure } from './figures';

const HEADERS = ['Mesure', 'Valeur', 'Référence', 'Ratio', 'Budget', 'OK'] as const;

/** The budget as written, and the allowance this run's A/A noise gives a ratio when it has one. */
function budgetCell({ budget, allowed }: BudgetVerdict): string {
  return allowed > budget.max
    ? `${budget.text} (+ bruit A/A : ≤ ${formatNumber(allowed, 'ratio')})`
    : budget.text;
}

/** The table's cells, one row per figure, before any padding (kept separate so it can be tested). */
export function tableRows(figures: readonly Figure[], verdicts: readonly BudgetVerdict[]): string[][] {
  const verdictOf = new Map(verdicts.map((verdict) => [verdict.figure.id, verdict]));
  return figures.map((figure) => {
    const verdict = verdictOf.get(figure.id);
    return [
      figure.label,
      formatNumber(figure.value, figure.unit),
      figure.baseline === undefined ? '' : formatNumber(figure.baseline, figure.unit),
      figure.ratio === undefined ? '' : figure.ratio === null ? 'n/a' : formatNumber(figure.ratio, 'ratio'),
      verdict ? budgetCell(verdict) : '',
      verdict ? (verdict.ok ? 'oui' : 'NON') : '',
    ];
  });
}

/** A plain-text table with aligned columns (numbers right-aligned), for a terminal or a log. */
export function formatTable(figures: readonly Figure[], verdicts: readonly BudgetVerdict[]): string {
  const rows = [[...HEADERS], ...tableRows(figures, verdicts)];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  const pad = (text: string, column: number) => {
    const gap = ' '.repeat(widths[column]! - [...text].length);
    return column === 0 || column === 4 ? text + gap : gap + text;
  };
  const line = (row: string[]) => row.map(pad).join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

/** A Markdown table of the same figures (for the README's Performance section). */
export function formatMarkdown(figures: readonly Figure[], verdicts: readonly BudgetVerdict[]): string {
  const escapePipes = (text: string) => text.replaceAll('|', '\\|');
  const rows = tableRows(figures, verdicts);
  return [
    `| ${HEADERS.join(' | ')} |`,
    `|${HEADERS.map((_, i) => (i === 0 || i === 4 ? '---' : '---:')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(escapePipes).join(' | ')} |`),
  ].join('\n');
}
