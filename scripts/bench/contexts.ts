import type { BrowserContext } from '@playwright/test';
import {
  type LaunchedChromium,
  launchChromiumWithExtension,
} from '../../tests/e2e/support/chromium-extension';

/**
 * tsx (esbuild `keepNames`) wraps named inner functions in `__name(…)`; functions this process sends
 * to a page for evaluation would then throw there. The page gets a do-nothing `__name` first.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name ??= (target) => target;';

export interface ContextPair {
  withExtension: BrowserContext;
  baseline: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium twice: with the test extension, and the same browser without it (the baseline). */
export async function launchPair(extensionDir: string): Promise<ContextPair> {
  const launched: LaunchedChromium[] = [];
  try {
    launched.push(await launchChromiumWithExtension({ extensionDir }));
    launched.push(await launchChromiumWithExtension({ extensionDir: null }));
  } catch (error) {
    await Promise.all(launched.map((browser) => browser.close()));
    throw error;
  }
  for (const { context } of launched) await context.addInitScript({ content: KEEP_NAMES_SHIM });
  return {
    withExtension: launched[0]!.context,
    baseline: launched[1]!.context,
    close: async () => {
      await Promise.all(launched.map((browser) => browser.close()));
    },
  };
}
