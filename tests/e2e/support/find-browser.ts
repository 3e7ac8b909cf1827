import bootstrapBrowsers from '../../../scripts/bootstrap/browsers.cjs';

export type BrowserName = 'chromium' | 'firefox';

/**
 * The browser executable to drive: the env override (CHROMIUM_PATH, FIREFOX_PATH), else the first
 * install found where Playwright, Debian, macOS or Windows put one. The list of places is the
 * launcher's (scripts/bootstrap/browsers.cjs), which `npm test` and `npm run demo` go through first
 * and which installs a missing browser when it can: one list for both.
 */
export function findBrowser(name: BrowserName): string {
  const found = bootstrapBrowsers.locateBrowser(name);
  if (found.path) return found.path;
  throw new Error(
    `${found.problem}: install it with \`${bootstrapBrowsers.installHint([name])}\`, or point ` +
      `${bootstrapBrowsers.ENV_OVERRIDE[name]} at an executable.`,
  );
}
