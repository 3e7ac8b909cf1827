// Types of browsers.cjs for the TypeScript side (tests/e2e/support/find-browser.ts, the demo).
type Needable = 'chromium' | 'firefox' | 'xvfb';
type BrowserName = 'chromium' | 'firefox';

declare const browsers: {
  ENV_OVERRIDE: Record<BrowserName, string>;
  APT_PACKAGE: Record<Needable, string>;
  browserCandidates(name: BrowserName, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string[];
  locateBrowser(
    name: BrowserName,
    env?: NodeJS.ProcessEnv,
    platform?: NodeJS.Platform,
    exists?: (path: string) => boolean,
  ): { path: string; problem?: undefined } | { path?: undefined; problem: string };
  installHint(names: readonly Needable[], platform?: NodeJS.Platform, distribution?: string): string;
  ensureBrowsers(names: readonly Needable[], say?: (line: string) => void): string | null;
};
export = browsers;
