import { existsSync } from 'node:fs';
import { chromium, firefox } from '@playwright/test';

export type BrowserName = 'chromium' | 'firefox';

const ENV_OVERRIDE: Record<BrowserName, string> = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH' };

const SYSTEM_PATHS: Record<BrowserName, string[]> = {
  chromium: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
  firefox: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
};

/** Playwright's own download, when `npx playwright install` could run (it cannot on a closed network). */
function playwrightInstalled(name: BrowserName): string | null {
  try {
    const path = (name === 'chromium' ? chromium : firefox).executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * The browser executable to drive, in this order: the env override, a Playwright-installed browser,
 * the system's. Firefox must be a stock build (driven over WebDriver BiDi), which Playwright's own
 * patched Firefox is not, so for Firefox the Playwright download is skipped.
 */
export function findBrowser(name: BrowserName): string {
  const override = process.env[ENV_OVERRIDE[name]];
  if (override) {
    if (!existsSync(override)) {
      throw new Error(`${ENV_OVERRIDE[name]}=${override} does not exist: fix or unset it.`);
    }
    return override;
  }
  const candidates = [...(name === 'chromium' ? [playwrightInstalled(name)] : []), ...SYSTEM_PATHS[name]];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (found) return found;
  throw new Error(
    `No ${name} found (looked at ${SYSTEM_PATHS[name].join(', ')}). Install one with ` +
      '`sudo apt-get install -y chromium firefox-esr`, or point ' +
      `${ENV_OVERRIDE[name]} at an executable.`,
  );
}
