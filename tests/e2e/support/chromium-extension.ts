import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';
import { findBrowser } from './find-browser';

/** Flags this closed network needs (toolchain notes): no sandbox, GPU, background or update traffic. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];

export interface ChromiumLaunchOptions {
  /** The unpacked extension (e.g. `.output/test/chrome-mv3`); `null` launches without it (baseline). */
  extensionDir: string | null;
  headless?: boolean;
  /** A profile folder to keep; a fresh temporary one (removed on close) otherwise. */
  userDataDir?: string;
  recordVideo?: { dir: string; size?: { width: number; height: number } };
  /** Extra browser arguments (e.g. host resolver rules). */
  args?: string[];
  /** `block` for live mode: no page may register a service worker (the extension's own still runs). */
  serviceWorkers?: 'allow' | 'block';
}

export interface LaunchedChromium {
  context: BrowserContext;
  /** `null` when launched without the extension. */
  extensionId: string | null;
  close(): Promise<void>;
}

const EXTENSION_WORKER = /^chrome-extension:\/\/([a-p]{32})\//;

/** The extension's id, from its background service worker (a page's MSW worker is one too: filter). */
async function extensionIdOf(context: BrowserContext, timeoutMs = 10_000): Promise<string> {
  const idOf = (worker: Worker) => EXTENSION_WORKER.exec(worker.url())?.[1] ?? null;
  for (const worker of context.serviceWorkers()) {
    const id = idOf(worker);
    if (id) return id;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const worker = await context
      .waitForEvent('serviceworker', { timeout: Math.max(1, deadline - Date.now()) })
      .catch(() => null);
    const id = worker && idOf(worker);
    if (id) return id;
  }
  throw new Error(
    `The extension's service worker did not start within ${timeoutMs} ms: is the build valid ` +
      '(run `npm run build:test`) and does its manifest declare a background service worker?',
  );
}

/** Chromium with the unpacked extension loaded, in a persistent context (the only way to load one). */
export async function launchChromiumWithExtension(options: ChromiumLaunchOptions): Promise<LaunchedChromium> {
  const ownProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'mla-chromium-')));
  const extensionArgs = options.extensionDir
    ? [`--disable-extensions-except=${options.extensionDir}`, `--load-extension=${options.extensionDir}`]
    : ['--disable-extensions'];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: findBrowser('chromium'),
      headless: options.headless ?? true,
      args: [...CHROMIUM_FLAGS, ...extensionArgs, ...(options.args ?? [])],
      locale: 'fr-FR',
      serviceWorkers: options.serviceWorkers ?? 'allow',
      ...(options.recordVideo ? { recordVideo: options.recordVideo } : {}),
    });
  } catch (error) {
    if (ownProfile) await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const close = async () => {
    await context.close().catch(() => {});
    if (ownProfile) await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  };
  try {
    const extensionId = options.extensionDir ? await extensionIdOf(context) : null;
    return { context, extensionId, close };
  } catch (error) {
    await close();
    throw error;
  }
}
