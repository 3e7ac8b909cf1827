/**
 * The kit's fixtures (Playwright's fixture style): a browser per worker with or without the extension,
 * a clean context and page per test, a FRESH mocked portal per test routed into that context, page
 * objects, traces kept on failure, and a guard that fails any test on an uncaught page error or an
 * error logged by the extension.
 */
import {
  type BrowserContext,
  test as base,
  type ConsoleMessage,
  expect,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { createPortal, DEMO_CREDENTIALS, type Portal, type ScenarioName } from '../../mocks/portal';
import { startPortalServer } from '../../mocks/server/http-server';
import { routeContextThroughPortal } from '../../mocks/server/playwright-route';
import { ExtensionContract } from './pages/extension-contract';
import { LoginPage, ServicePage, ServicesPage } from './pages/portal';
import { type ExtensionBrowser, launchExtensionBrowser } from './support/extension-browser';
import type { BrowserName } from './support/find-browser';

/** Where the mocked portal answers: the test build's `http://localhost/*` match covers every port. */
export const PORTAL_ORIGIN = 'http://localhost:4173';
export const LOG_PREFIX = '[MetaCentrex Licence Assistant]';
export const SETTINGS_KEY = 'mla.settings';

export interface ExtensionSettings {
  features: { annotations: boolean; sdaFlags: boolean; summary: boolean; guard: boolean };
  language: 'auto' | 'fr' | 'en';
}

export const DEFAULT_SETTINGS: ExtensionSettings = {
  features: { annotations: true, sdaFlags: true, summary: true, guard: true },
  language: 'auto',
};

export interface ExtensionHandle {
  origin: string;
  /** Opens `popup.html` / `options.html` (with an optional query) in a new page of the test's context. */
  openPage(pathAndQuery: string): Promise<Page>;
  /** Writes the options straight into the extension's storage (as the options page does). */
  setSettings(settings: ExtensionSettings): Promise<void>;
  /** The browser's tab id of the page showing `url` (for `popup.html?tabId=N`), `null` when none. */
  tabIdOf(url: string): Promise<number | null>;
  /** Closes an extension page safely (Firefox hangs when one is closed while showing it). */
  closePage(page: Page): Promise<void>;
}

interface WorkerFixtures {
  /** `false` runs the baseline: the same browser without the extension. */
  withExtension: boolean;
  extensionBrowser: ExtensionBrowser;
}

interface TestFixtures {
  scenario: ScenarioName;
  /** Extension console errors a test expects (matched on the text); any other one fails the test. */
  allowedExtensionErrors: RegExp[];
  portalServed: { portal: Portal; origin: string };
  portal: Portal;
  /** Where the portal answers: PORTAL_ORIGIN (Chromium), `http://localhost:<port>` (Firefox). */
  portalOrigin: string;
  credentials: { login: string; password: string };
  extension: ExtensionHandle;
  qa: ExtensionContract;
  loginPage: LoginPage;
  servicesPage: ServicesPage;
  servicePage: ServicePage;
  failOnErrors: undefined;
}

function browserOf(testInfo: { project: { name: string; use: { browserName?: string } } }): BrowserName {
  const name = testInfo.project.use.browserName ?? testInfo.project.name;
  return /firefox/i.test(name) ? 'firefox' : 'chromium';
}

async function keepOnFailure(
  context: BrowserContext,
  testInfo: TestInfo,
  stop: (path?: string) => Promise<void>,
) {
  const failed = testInfo.status !== testInfo.expectedStatus;
  if (!failed) {
    await stop().catch(() => {});
    return;
  }
  const tracePath = testInfo.outputPath('trace.zip');
  await stop(tracePath).catch(() => {});
  await testInfo.attach('trace', { path: tracePath, contentType: 'application/zip' }).catch(() => {});
  for (const [index, page] of context.pages().entries()) {
    if (page.isClosed() || page.url().startsWith('about:')) continue;
    const shot = await page.screenshot({ fullPage: true, timeout: 5_000 }).catch(() => null);
    if (shot) await testInfo.attach(`screenshot-${index + 1}`, { body: shot, contentType: 'image/png' });
  }
}

/** Chromium's shared context keeps one trace recording going; each test is a chunk of it. */
const tracingStarted = new WeakSet<BrowserContext>();

export const test = base.extend<TestFixtures, WorkerFixtures>({
  withExtension: [true, { option: true, scope: 'worker' }],

  extensionBrowser: [
    async ({ withExtension }, use, workerInfo) => {
      const browser = await launchExtensionBrowser(browserOf(workerInfo), withExtension);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],

  scenario: ['carte', { option: true }],
  allowedExtensionErrors: [[], { option: true }],

  context: async ({ extensionBrowser }, use, testInfo) => {
    const context = await extensionBrowser.acquireContext();
    // A hand-made context ignores `use.trace`: record ourselves, keep the trace only on failure.
    let stop: (path?: string) => Promise<void>;
    if (extensionBrowser.name === 'chromium') {
      if (!tracingStarted.has(context)) {
        await context.tracing.start({ screenshots: false, snapshots: true, sources: false });
        tracingStarted.add(context);
      }
      await context.tracing.startChunk({ title: testInfo.title });
      stop = (path) => context.tracing.stopChunk(path ? { path } : {});
    } else {
      await context.tracing.start({ screenshots: false, snapshots: true, title: testInfo.title });
      stop = (path) => context.tracing.stop(path ? { path } : {});
    }
    await use(context);
    await keepOnFailure(context, testInfo, stop);
    await extensionBrowser.releaseContext(context);
  },

  page: async ({ context }, use) => {
    const page =
      context.pages().find((candidate) => candidate.url() === 'about:blank') ?? (await context.newPage());
    await use(page);
  },

  /**
   * A fresh portal per test. Chromium: routed into the context on PORTAL_ORIGIN. Firefox: served by a
   * Node HTTP server on a free port, because Playwright's BiDi driver never passes request bodies to
   * routes (`postDataBuffer` is always null there), so a routed login or termination would arrive empty.
   * Either way the test holds the same `Portal`, so `portal.use(...)` and the faults work alike.
   */
  portalServed: [
    async ({ context, scenario, extensionBrowser }, use) => {
      const portal = createPortal({ scenario });
      if (extensionBrowser.name === 'chromium') {
        const unroute = await routeContextThroughPortal(context, portal, { origins: [PORTAL_ORIGIN] });
        await use({ portal, origin: PORTAL_ORIGIN });
        await unroute();
        return;
      }
      const server = await startPortalServer({ port: 0, portal });
      await use({ portal, origin: server.origin });
      await server.close();
    },
    { scope: 'test' },
  ],

  portal: async ({ portalServed }, use) => {
    await use(portalServed.portal);
  },

  portalOrigin: async ({ portalServed }, use) => {
    await use(portalServed.origin);
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  credentials: async ({}, use) => {
    await use({ ...DEMO_CREDENTIALS });
  },

  extension: async ({ extensionBrowser, context }, use) => {
    const origin = extensionBrowser.extensionOrigin;
    const closePage = async (page: Page) => {
      if (page.isClosed()) return;
      if (extensionBrowser.name === 'firefox') await page.goto('about:blank').catch(() => {});
      await page.close().catch(() => {});
    };
    // One extension page per test does every storage write and tab lookup: opening one costs
    // seconds in Firefox under load.
    let helperPage: Page | null = null;
    let touchedSettings = false;
    const helper = async () => {
      if (!helperPage || helperPage.isClosed()) {
        helperPage = await extensionBrowser.openExtensionPage(context, 'options.html');
      }
      return helperPage;
    };
    const writeSettings = async (settings: ExtensionSettings | null) => {
      const page = await helper();
      await page.evaluate(
        async ({ key, value }) => {
          type Area = { set(items: object): Promise<void>; remove(key: string): Promise<void> };
          const api = (globalThis as unknown as { chrome: { storage: { sync: Area; local: Area } } }).chrome;
          for (const area of [api.storage.sync, api.storage.local]) {
            try {
              if (value === null) await area.remove(key);
              else await area.set({ [key]: value });
            } catch {
              // storage.sync may be unavailable; local then holds the settings.
            }
          }
        },
        { key: SETTINGS_KEY, value: settings },
      );
    };
    await use({
      get origin() {
        if (!origin) throw new Error('the extension is not loaded (withExtension: false)');
        return origin;
      },
      async openPage(pathAndQuery) {
        touchedSettings = true; // the options page may change them
        return extensionBrowser.openExtensionPage(context, pathAndQuery);
      },
      async setSettings(settings) {
        touchedSettings = true;
        await writeSettings(settings);
      },
      async tabIdOf(url) {
        const page = await helper();
        return page.evaluate(async (address) => {
          type Tabs = { query(query: object): Promise<{ id?: number; url?: string }[]> };
          const tabs = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({});
          return tabs.find((tab) => tab.url === address)?.id ?? null;
        }, url);
      },
      closePage,
    });
    // Settings live in the extension, which outlives the test's context: put the defaults back.
    if (touchedSettings) await writeSettings(null);
    if (helperPage) await closePage(helperPage);
  },

  qa: async ({ page }, use) => {
    await use(new ExtensionContract(page));
  },
  loginPage: async ({ page }, use) => {
    await use(new LoginPage(page));
  },
  servicesPage: async ({ page }, use) => {
    await use(new ServicesPage(page));
  },
  servicePage: async ({ page }, use) => {
    await use(new ServicePage(page));
  },

  failOnErrors: [
    async ({ context, allowedExtensionErrors }, use) => {
      const problems: string[] = [];
      const detach: (() => void)[] = [];
      const watch = (page: Page) => {
        const onPageError = (error: Error) =>
          problems.push(`uncaught error on ${page.url()}: ${error.message}`);
        const onConsole = (message: ConsoleMessage) => {
          const text = message.text();
          if (message.type() !== 'error' || !text.includes(LOG_PREFIX)) return;
          if (allowedExtensionErrors.some((allowed) => allowed.test(text))) return;
          problems.push(`extension error on ${page.url()}: ${text}`);
        };
        page.on('pageerror', onPageError);
        page.on('console', onConsole);
        detach.push(() => page.off('pageerror', onPageError).off('console', onConsole));
      };
      for (const page of context.pages()) watch(page);
      context.on('page', watch);
      await use(undefined);
      context.off('page', watch);
      for (const off of detach) off();
      expect(problems, 'no uncaught page error, no error logged by the extension').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
