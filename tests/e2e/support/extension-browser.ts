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

export interface ExtensionBrowserOptions {
  /**
   * Live mode (tests/e2e/live): pages may not register service workers, and Firefox does not get
   * `--remote-allow-system-access` (the live journey never opens the extension's own pages, so
   * `openExtensionPage` then fails).
   */
  live?: boolean;
}

/** What the launch asks of each browser; a function of its own so that a unit test can read it. */
export function launchSettings(
  name: BrowserName,
  withExtension: boolean,
  options: ExtensionBrowserOptions = {},
) {
  const live = options.live === true;
  return {
    serviceWorkers: live ? ('block' as const) : ('allow' as const),
    /** Firefox only: navigating to `moz-extension://` pages needs the system-access flag. */
    extensionPages: name === 'firefox' && withExtension && !live,
  };
}

export async function launchExtensionBrowser(
  name: BrowserName,
  withExtension: boolean,
  options: ExtensionBrowserOptions = {},
): Promise<ExtensionBrowser> {
  const extensionDir = withExtension ? TEST_EXTENSION_DIRS[name] : null;
  const settings = launchSettings(name, withExtension, options);
  if (name === 'chromium') {
    // --lang: the extension speaks the browser's UI language; the suite runs a French browser.
    const launched = await launchChromiumWithExtension({
      extensionDir,
      args: ['--lang=fr'],
      serviceWorkers: settings.serviceWorkers,
    });
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
  const launched = await launchFirefoxWithExtension({
    extensionDir,
    extensionPages: settings.extensionPages,
    contextOptions: { serviceWorkers: settings.serviceWorkers },
  });
  const origin = launched.extensionUuid ? `moz-extension://${launched.extensionUuid}` : null;
  return {
    name,
    withExtension,
    extensionOrigin: origin,
    acquireContext: () =>
      launched.browser.newContext({ locale: 'fr-FR', serviceWorkers: settings.serviceWorkers }),
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
