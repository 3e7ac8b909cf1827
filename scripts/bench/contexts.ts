import type { BrowserContext } from '@playwright/test';
import {
  type LaunchedChromium,
  launchChromiumWithExtension,
} from '../../tests/e2e/support/chromium-extension';
import { KEEP_NAMES_SHIM } from '../shared/keep-names-shim';
import { BASELINE_HOST_RULE } from './baseline-hosts';

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
