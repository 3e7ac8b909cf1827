import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** What fails a scan: the two worst impacts axe reports. Minor and moderate ones are listed, not fatal. */
const FATAL_IMPACTS = new Set(['serious', 'critical']);

export interface ScanReport {
  /** One line per serious or critical violation: rule, impact, the nodes' targets. */
  fatal: string[];
  /** How many nodes axe checked and passed (a scan that saw nothing would prove nothing). */
  passedNodes: number;
}

/**
 * Runs axe (WCAG 2.x A/AA rules and best practices) on `page`, limited to `include` when given:
 * the extension's elements on a portal page (the mock's own markup is not ours to judge), the whole
 * document on the extension's own pages. axe enters open shadow roots by itself.
 * axe's default run (partial results per frame, finished in a blank page of the same context) works
 * as it is in both browsers, Firefox included through the kit's BiDi bridge.
 */
export async function scanAccessibility(page: Page, include: readonly string[] = []): Promise<ScanReport> {
  let builder = new AxeBuilder({ page });
  for (const selector of include) builder = builder.include(selector);
  const results = await builder.analyze();
  const fatal = results.violations
    .filter((violation) => FATAL_IMPACTS.has(violation.impact ?? ''))
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => JSON.stringify(node.target))
          .join(', ')}`,
    );
  const passedNodes = results.passes.reduce((count, rule) => count + rule.nodes.length, 0);
  return { fatal, passedNodes };
}
