import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The anonymised capture's panel: over the portal page (`<mla-capture>`, open shadow root), or in the
 * popup (then the page given is the popup's).
 */
export class CapturePanel {
  readonly root: Locator;
  readonly status: Locator;
  readonly preview: Locator;
  readonly save: Locator;
  readonly close: Locator;

  constructor(
    private readonly page: Page,
    root: Locator = page.locator('mla-capture'),
  ) {
    this.root = root;
    this.status = this.root.getByRole('status');
    this.preview = this.root.locator('pre');
    this.save = this.root.getByRole('link', { name: 'Enregistrer le fichier' });
    this.close = this.root.getByRole('button', { name: 'Fermer' });
  }

  /** Clicks "Enregistrer une capture anonymisée" inside `from` (a badge, the guard) and waits for the panel. */
  async openFrom(from: Locator): Promise<void> {
    await from.getByRole('button', { name: 'Enregistrer une capture anonymisée' }).click();
    await expect(this.status).toContainText(/\d+ textes masqués/);
  }

  /** Saves the file as the user would (their click on the link) to `path`. */
  async saveTo(path: string): Promise<void> {
    const download = this.page.waitForEvent('download');
    await this.save.click();
    await (await download).saveAs(path);
  }
}
