import type { Locator, Page } from '@playwright/test';

/** The extension's QA contract (docs/architecture.md): stable elements and data attributes only. */
export class ExtensionContract {
  constructor(private readonly page: Page) {}

  /** Every `<mla-licence>` on the page. */
  readonly annotations = (): Locator => this.page.locator('mla-licence');

  annotation(licence: string): Locator {
    return this.page.locator(`mla-licence[data-licence="${licence}"]`);
  }

  sdaFlag(licence: string): Locator {
    return this.page.locator(`mla-sda-flag[data-licence="${licence}"]`);
  }

  readonly sdaFlags = (): Locator => this.page.locator('mla-sda-flag');
  readonly summary = (): Locator => this.page.locator('mla-summary');
  readonly guard = (): Locator => this.page.locator('mla-termination-guard');

  /** Any element of the extension at all (for the baseline). */
  readonly anything = (): Locator =>
    this.page.locator('mla-licence, mla-sda-flag, mla-summary, mla-termination-guard');
}
