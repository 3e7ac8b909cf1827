/**
 * The page-overhead baseline's host names, alone in a module without Playwright: the unit test that
 * checks them imports this and nothing that would start a browser library in the test environment.
 */
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
