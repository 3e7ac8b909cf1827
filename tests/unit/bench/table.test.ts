import { describe, expect, it } from 'vitest';
import { checkBudgets } from '../../../scripts/bench/budgets';
import type { Budget, Figure } from '../../../scripts/bench/figures';
import { formatMarkdown, formatTable, tableRows } from '../../../scripts/bench/table';

const budgets: Budget[] = [{ figureId: 'x', max: 1.05, on: 'ratio', text: 'ratio ≤ 1.05' }];
const figures: Figure[] = [
  { id: 'x', label: 'Chargement Détails', value: 120, unit: 'ms', baseline: 100, ratio: 1.2 },
  { id: 'y', label: 'Démarrage du portail simulé', value: 35.5, unit: 'ms' },
  { id: 'z', label: 'Sans référence | pipe', value: 2, unit: 'ms', baseline: 0, ratio: null },
];

describe('tableRows', () => {
  it('shows value, baseline, ratio, budget and verdict, leaving cells empty where nothing applies', () => {
    const rows = tableRows(figures, checkBudgets(figures, budgets));
    expect(rows[0]).toEqual(['Chargement Détails', '120.0 ms', '100.0 ms', '1.200', 'ratio ≤ 1.05', 'NON']);
    expect(rows[1]).toEqual(['Démarrage du portail simulé', '35.5 ms', '', '', '', '']);
    expect(rows[2]?.[3]).toBe('n/a');
  });
});

describe('formatTable', () => {
  it('aligns every column: all lines of equal width once trailing blanks are ignored', () => {
    const text = formatTable(figures, checkBudgets(figures, budgets));
    const lines = text.split('\n');
    expect(lines).toHaveLength(2 + figures.length);
    expect(lines[0]).toMatch(/^Mesure\s+Valeur\s+Référence\s+Ratio\s+Budget\s+OK$/);
    expect(lines[1]).toMatch(/^-+( {2}-+){5}$/);
    // Right-aligned numbers end at the same column as their header.
    const valueEnd = lines[0]!.indexOf('Valeur') + 'Valeur'.length;
    const width = lines[1]!.split('  ')[0]!.length + 2 + lines[1]!.split('  ')[1]!.length;
    expect(width).toBeGreaterThanOrEqual(valueEnd);
    expect([...lines[2]!].slice(0, width).join('').endsWith('120.0 ms')).toBe(true);
    expect([...lines[3]!].slice(0, width).join('').endsWith('35.5 ms')).toBe(true);
  });
});

describe('formatMarkdown', () => {
  it('writes a Markdown table with escaped pipes', () => {
    const text = formatMarkdown(figures, checkBudgets(figures, budgets));
    const lines = text.split('\n');
    expect(lines[0]).toBe('| Mesure | Valeur | Référence | Ratio | Budget | OK |');
    expect(lines[1]).toBe('|---|---:|---:|---:|---|---:|');
    expect(lines[4]).toContain('Sans référence \\| pipe');
  });
});
