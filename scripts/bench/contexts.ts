import type { BrowserContext } from '@playwright/test';
import {
  type LaunchedChromium,
  launchChromiumWithExtension,
} from '../../tests/e2e/support/chromium-extension';
import { KEEP_NAMES_SHIM } from '../shared/keep-names-shim';

/**
 * Hosts that reach the mocked portal (see `BASELINE_HOST_RULE`) but that no match pattern of the
 * extension covers: the same pages, in the same browser, without our content script. Two, so the A/A
 * tab is a site of its own too (each site gets its own renderer process, as the tab with the
 * extension does).
 */
export const BASELINE_HOSTS = ['mla-baseline.test', 'mla-baseline-2.test'] as const;
/** For the browser that has the extension: the baseline hosts resolve to the portal's address. */
export const BASELINE_HOST_RULE = `--host-resolver-rules=${BASELINE_HOSTS.map((host) => `MAP ${host} 127.0.0.1`).join(',')}`;

/** `origin` with a baseline host (same scheme and port): the first, or the second for the A/A tab. */
export function baselineOrigin(origin: string, which: 0 | 1 = 0): string {
  const url = new URL(origin);
  url.hostname = BASELINE_HOSTS[which];
  return url.origin;
}

export interface ContextPair {
  withExtension: BrowserContext;
  baseline: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with an extension (`null`: none), ready to evaluate functions from this process. */
export async function launchBenchChromium(
  extensionDir: string | null,
  args: string[] = [],
): Promise<LaunchedChromium> {
  const launched = await launchChromiumWithExtension({ extensionDir, args });
  try {
    await launched.context.addInitScript({ content: KEEP_NAMES_SHIM });
  } catch (error) {
    await launched.close();
    throw error;
  }
  return launched;
}

/**
 * Headless Chromium twice: with the test extension, and the same browser without it (the baseline).
 * The first one also reaches the portal under `BASELINE_HOSTS`, where the extension does not run.
 */
export async function launchPair(extensionDir: string): Promise<ContextPair> {
  const launched: LaunchedChromium[] = [];
  try {
    launched.push(await launchBenchChromium(extensionDir, [BASELINE_HOST_RULE]));
    launched.push(await launchBenchChromium(null));
  } catch (error) {
    await Promise.all(launched.map((browser) => browser.close()));
    throw error;
  }
  return {
    withExtension: launched[0]!.context,
    baseline: launched[1]!.context,
    close: async () => {
      await Promise.all(launched.map((browser) => browser.close()));
    },
  };
}
