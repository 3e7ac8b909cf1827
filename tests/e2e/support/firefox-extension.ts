import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  firefox,
  type Page,
} from '@playwright/test';
import { findBrowser } from './find-browser';
import {
  FirefoxBridgeError,
  installFirefoxBidiBridge,
  installWebExtension,
  openBidiSockets,
} from './firefox-bidi-bridge';

/**
 * A fixed internal UUID for the extension, so its pages have a known address
 * (`moz-extension://<uuid>/popup.html`). Firefox reads the id → uuid map from this pref when it
 * installs the add-on (a random uuid otherwise).
 */
export const FIREFOX_EXTENSION_UUID = '6d1c3a4e-2b7f-4c1a-9e5d-8f0a1b2c3d4e';

export interface FirefoxLaunchOptions {
  /** The unpacked extension (e.g. `.output/test/firefox-mv3`); `null` launches without it (baseline). */
  extensionDir: string | null;
  headless?: boolean;
  /** Options of the context created once the extension is installed. */
  contextOptions?: BrowserContextOptions;
  firefoxUserPrefs?: Record<string, string | number | boolean>;
  /**
   * Allow navigating to the extension's own pages (popup, options). Firefox's BiDi refuses any
   * `moz-extension://` navigation ("not allowed in this context") unless the remote agent runs with
   * `--remote-allow-system-access`, which also opens privileged access: only ask for it when needed.
   */
  extensionPages?: boolean;
}

export interface LaunchedFirefox {
  browser: Browser;
  context: BrowserContext;
  /** The add-on id Firefox answered to the install (the manifest's gecko id); `null` without extension. */
  extensionId: string | null;
  /** The internal UUID of its `moz-extension://` pages; `null` without extension. */
  extensionUuid: string | null;
  close(): Promise<void>;
}

/** The manifest's `browser_specific_settings.gecko.id` (needed before launch, for the uuid pref). */
export async function geckoIdOf(extensionDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * Stock Firefox driven over WebDriver BiDi (Playwright's `moz-firefox` channel), with the extension
 * installed as a temporary add-on through the bridge (see firefox-bidi-bridge.ts).
 */
export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions): Promise<LaunchedFirefox> {
  installFirefoxBidiBridge();
  const geckoId = options.extensionDir ? await geckoIdOf(options.extensionDir) : null;
  const socketsBefore = openBidiSockets();
  const browser = await firefox.launch({
    channel: 'moz-firefox',
    executablePath: findBrowser('firefox'),
    headless: options.headless ?? true,
    args: options.extensionPages ? ['--remote-allow-system-access'] : [],
    firefoxUserPrefs: {
      ...(geckoId
        ? { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }) }
        : {}),
      // Quiet, offline start: no first-run pages, telemetry or update checks on a closed network.
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
      'app.update.disabledForTesting': true,
      'extensions.update.enabled': false,
      ...options.firefoxUserPrefs,
    },
  });
  const close = async () => {
    for (const context of browser.contexts()) await leaveFirefoxExtensionPages(context);
    await browser.close().catch(() => {});
  };
  try {
    let extensionId: string | null = null;
    if (options.extensionDir) {
      const created = [...openBidiSockets()].filter((socket) => !socketsBefore.has(socket));
      if (created.length !== 1) {
        throw new FirefoxBridgeError(
          `expected the launch to open exactly one BiDi socket, saw ${created.length} ` +
            '(launches in one process must not overlap)',
        );
      }
      extensionId = await installWebExtension(created[0]!, options.extensionDir);
      if (extensionId !== geckoId) {
        throw new FirefoxBridgeError(
          `installed add-on id ${extensionId} differs from the manifest's ${geckoId}`,
        );
      }
    }
    const context = await browser.newContext({ locale: 'fr-FR', ...options.contextOptions });
    return {
      browser,
      context,
      extensionId,
      extensionUuid: extensionId ? FIREFOX_EXTENSION_UUID : null,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Opens one of the extension's own pages in Firefox (needs `extensionPages: true` at launch).
 * Waits for the commit only: the `load` event of extension pages never reaches Playwright over BiDi.
 * The page's script realm is repaired by the bridge (gap 3), so locators work right after.
 */
export async function openFirefoxExtensionPage(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.readyState === 'complete');
}

/**
 * Closing a page, or a context, that shows a `moz-extension://` page hangs for minutes with ESR 153
 * (Playwright waits for an event Firefox never sends). Navigating such pages away first avoids it.
 */
export async function leaveFirefoxExtensionPages(context: BrowserContext): Promise<void> {
  for (const page of context.pages()) {
    if (page.url().startsWith('moz-extension://')) await page.goto('about:blank').catch(() => {});
  }
}
