import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** The test builds (`npm run build:test`): they also run on the mocked portal served on localhost. */
export const TEST_EXTENSION_DIRS = {
  chromium: join(ROOT, '.output/test/chrome-mv3'),
  firefox: join(ROOT, '.output/test/firefox-mv3'),
} as const;

/** What the build is made from: a change in any of these makes the build stale. */
const SOURCES = ['lib', 'entrypoints', 'public', 'wxt.config.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function oldestManifest(dirs: string[]): number {
  let oldest = Number.POSITIVE_INFINITY;
  for (const dir of dirs) {
    const manifest = join(dir, 'manifest.json');
    if (!existsSync(manifest)) return 0;
    oldest = Math.min(oldest, statSync(manifest).mtimeMs);
  }
  return oldest;
}

/** Why the test builds must be rebuilt, or `null` when they are newer than every source file. */
export function staleBuildReason(): string | null {
  const dirs = Object.values(TEST_EXTENSION_DIRS);
  const built = oldestManifest(dirs);
  if (built === 0) return `the test build is missing (${dirs.join(', ')})`;
  const newestSource = Math.max(...SOURCES.map((source) => newestMtime(join(ROOT, source))));
  if (newestSource > built)
    return 'a file in lib/, entrypoints/, public/ or wxt.config.ts is newer than the test build';
  return null;
}
