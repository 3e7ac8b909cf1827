import { expect, type Locator, type Page } from '@playwright/test';

/** The audit page (an extension page), by its QA contract and its French labels. */
export class AuditPage {
  constructor(readonly page: Page) {}

  /** `<mla-audit>`: data-state, data-done, data-total and the totals. */
  root(): Locator {
    return this.page.locator('mla-audit');
  }

  /** One element per audited service (`data-service-ref`, `data-status`…). */
  services(): Locator {
    return this.root().locator('[data-service-ref]');
  }

  service(ref: string): Locator {
    return this.root().locator(`[data-service-ref="${ref}"]`);
  }

  licence(ref: string, label: string): Locator {
    return this.service(ref).locator(`[data-licence="${label}"]`);
  }

  readonly startButton = () => this.page.getByRole('button', { name: 'Lancer l’audit' });
  readonly pauseButton = () => this.page.getByRole('button', { name: 'Pause' });
  readonly resumeButton = () => this.page.getByRole('button', { name: 'Reprendre' });
  readonly cancelButton = () => this.page.getByRole('button', { name: 'Annuler l’audit' });
  readonly exportButton = () => this.page.getByRole('button', { name: 'Exporter en CSV' });
  readonly confirmText = () => this.page.getByRole('status').filter({ hasText: 'Lancer l’audit ?' });

  async start(): Promise<void> {
    await expect(this.confirmText()).toBeVisible();
    await this.startButton().click();
  }

  async waitForState(state: 'ready' | 'running' | 'paused' | 'done' | 'cancelled', timeout = 60_000) {
    await expect(this.root()).toHaveAttribute('data-state', state, { timeout });
  }

  /** The results table as text cells, header first (what the CSV is compared with). */
  async tableCells(): Promise<string[][]> {
    return this.root()
      .locator('table.results tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.children, (cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
        ),
      );
  }
}
