import type { Locator } from '@playwright/test';

/** A page, or a frame inside one (`page.frameLocator(…)`): the contract reads either alike. */
export interface Scope {
  locator(selector: string): Locator;
}

/** The extension's QA contract (docs/architecture.md): stable elements and data attributes only. */
export class ExtensionContract {
  constructor(private readonly page: Scope) {}

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
