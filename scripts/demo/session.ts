/**
 * The browser of the demo and the tour: Chromium or Firefox with the test extension, through the
 * regression kit's launchers (tests/e2e/support), plus the one thing they leave to callers: opening
 * the extension's popup as a page.
 */
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { launchChromiumWithExtension } from '../../tests/e2e/support/chromium-extension';
import {
  launchFirefoxWithExtension,
  leaveFirefoxExtensionPages,
  openFirefoxExtensionPage,
} from '../../tests/e2e/support/firefox-extension';
import { KEEP_NAMES_SHIM } from '../shared/keep-names-shim';
import type { DemoBrowser } from './args';

export interface DemoSession {
  browser: DemoBrowser;
  context: BrowserContext;
  page: Page;
  openPopup(): Promise<Page>;
  /** Closes the browser; with a video, saves it to `videoPath` first and answers where it is. */
  close(): Promise<string | null>;
}

export interface SessionOptions {
  browser: DemoBrowser;
  extensionDir: string;
  headless: boolean;
  /** Records the tour: the folder for Playwright's raw file, and where the finished video goes. */
  video?: { dir: string; path: string };
}

export const VIEWPORT = { width: 1280, height: 800 };

async function popupPathOf(extensionDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
    action?: { default_popup?: string };
  };
  const popup = manifest.action?.default_popup;
  if (!popup) throw new Error(`l’extension (${extensionDir}) ne déclare pas de popup (action.default_popup)`);
  return popup;
}

export async function openSession(options: SessionOptions): Promise<DemoSession> {
  const video = options.video;
  const recordVideo = video ? { dir: video.dir, size: VIEWPORT } : undefined;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let popupUrl: () => Promise<string>;
  let openExtensionPage: (page: Page, url: string) => Promise<void>;
  if (options.browser === 'chromium') {
    const launched = await launchChromiumWithExtension({
      extensionDir: options.extensionDir,
      headless: options.headless,
      ...(recordVideo ? { recordVideo } : {}),
      // --lang: the extension speaks the browser's UI language; the demo is French first.
      args: ['--lang=fr', `--window-size=${VIEWPORT.width},${VIEWPORT.height + 100}`],
    });
    context = launched.context;
    closeBrowser = launched.close;
    popupUrl = async () =>
      `chrome-extension://${launched.extensionId}/${await popupPathOf(options.extensionDir)}`;
    openExtensionPage = async (page, url) => {
      await page.goto(url);
    };
  } else {
    const launched = await launchFirefoxWithExtension({
      extensionDir: options.extensionDir,
      headless: options.headless,
      extensionPages: true,
      contextOptions: { viewport: VIEWPORT, ...(recordVideo ? { recordVideo } : {}) },
    });
    context = launched.context;
    closeBrowser = launched.close;
    popupUrl = async () =>
      `moz-extension://${launched.extensionUuid}/${await popupPathOf(options.extensionDir)}`;
    openExtensionPage = (page, url) => openFirefoxExtensionPage(page, url);
  }
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize(VIEWPORT).catch(() => {});

  return {
    browser: options.browser,
    context,
    page,
    async openPopup() {
      const popup = await context.newPage();
      // The size of a toolbar popup, so the README's shot looks like one.
      await popup.setViewportSize({ width: 420, height: 600 }).catch(() => {});
      const url = await popupUrl();
      await openExtensionPage(popup, url);
      // Opened in a tab, the popup's "active tab" would be itself: point it at the portal's tab
      // (`popup.html?tabId=N`, the popup's own test hook), found by the portal page's address.
      const portalPage = page.url();
      const tabId = await popup.evaluate(async (address) => {
        const tabs = await (
          globalThis as unknown as {
            chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
          }
        ).chrome.tabs.query({});
        return tabs.find((tab) => tab.url === address)?.id ?? null;
      }, portalPage);
      if (tabId === null) throw new Error(`onglet du portail (${portalPage}) introuvable depuis la popup`);
      await openExtensionPage(popup, `${url}?tabId=${tabId}`);
      return popup;
    },
    async close() {
      const recording = video ? page.video() : null;
      // Firefox hangs for minutes closing a context that shows a moz-extension:// page (the popup).
      if (options.browser === 'firefox') await leaveFirefoxExtensionPages(context);
      await context.close().catch(() => {});
      let saved: string | null = null;
      if (recording && video) {
        try {
          await rename(await recording.path(), video.path);
          saved = video.path;
        } catch {
          saved = null;
        }
      }
      await closeBrowser();
      if (video) await rm(video.dir, { recursive: true, force: true }).catch(() => {});
      return saved;
    },
  };
}
