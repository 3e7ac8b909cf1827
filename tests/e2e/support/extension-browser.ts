import type { BrowserContext, Page } from '@playwright/test';
import { launchChromiumWithExtension } from './chromium-extension';
import { TEST_EXTENSION_DIRS } from './extension-build';
import type { BrowserName } from './find-browser';
import {
  launchFirefoxWithExtension,
  leaveFirefoxExtensionPages,
  openFirefoxExtensionPage,
} from './firefox-extension';

/**
 * One browser per test worker, with or without the extension, behind one interface:
 * Chromium can load an extension only in a persistent context, so its tests share that one context
 * (cleaned between tests); Firefox gets the extension once per browser and a fresh context per test.
 */
export interface ExtensionBrowser {
  name: BrowserName;
  withExtension: boolean;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`; `null` without the extension. */
  extensionOrigin: string | null;
  /** A clean context for one test. */
  acquireContext(): Promise<BrowserContext>;
  /** Gives the context back: closed (Firefox) or emptied for the next test (Chromium). */
  releaseContext(context: BrowserContext): Promise<void>;
  /** Opens one of the extension's pages (`popup.html`, `options.html`) in a new page of `context`. */
  openExtensionPage(context: BrowserContext, path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchExtensionBrowser(
  name: BrowserName,
  withExtension: boolean,
): Promise<ExtensionBrowser> {
  const extensionDir = withExtension ? TEST_EXTENSION_DIRS[name] : null;
  if (name === 'chromium') {
    // --lang: the extension speaks the browser's UI language; the suite runs a French browser.
    const launched = await launchChromiumWithExtension({ extensionDir, args: ['--lang=fr'] });
    const context = launched.context;
    const origin = launched.extensionId ? `chrome-extension://${launched.extensionId}` : null;
    return {
      name,
      withExtension,
      extensionOrigin: origin,
      acquireContext: async () => context,
      async releaseContext(shared) {
        // A page first, so the persistent context never runs out of pages while the others close.
        const keep = await shared.newPage();
        for (const page of shared.pages()) if (page !== keep) await page.close().catch(() => {});
        await shared.clearCookies();
        await shared.unrouteAll({ behavior: 'ignoreErrors' });
        await shared.clearPermissions();
      },
      async openExtensionPage(target, path) {
        if (!origin) throw new Error('the extension is not loaded in this worker (withExtension: false)');
        const page = await target.newPage();
        await page.goto(`${origin}/${path}`);
        return page;
      },
      close: launched.close,
    };
  }
  const launched = await launchFirefoxWithExtension({ extensionDir, extensionPages: withExtension });
  const origin = launched.extensionUuid ? `moz-extension://${launched.extensionUuid}` : null;
  return {
    name,
    withExtension,
    extensionOrigin: origin,
    acquireContext: () => launched.browser.newContext({ locale: 'fr-FR' }),
    async releaseContext(context) {
      await leaveFirefoxExtensionPages(context);
      await context.close().catch(() => {});
    },
    async openExtensionPage(target, path) {
      if (!origin) throw new Error('the extension is not loaded in this worker (withExtension: false)');
      const page = await target.newPage();
      await openFirefoxExtensionPage(page, `${origin}/${path}`);
      return page;
    },
    close: launched.close,
  };
}
