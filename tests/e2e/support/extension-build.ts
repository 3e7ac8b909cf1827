import { join, resolve } from 'node:path';
import { isTestBuildFresh, TEST_BUILD_DIRS } from '../../../scripts/test-build';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** The test builds (`npm run build:test`): they also run on the mocked portal served on localhost. */
export const TEST_EXTENSION_DIRS = {
  chromium: join(ROOT, TEST_BUILD_DIRS.chromium),
  firefox: join(ROOT, TEST_BUILD_DIRS.firefox),
} as const;

/** Why the test builds must be rebuilt, or `null` when they are newer than every source file. */
export function staleBuildReason(): string | null {
  if (isTestBuildFresh(ROOT)) return null;
  return `the test build (${Object.values(TEST_EXTENSION_DIRS).join(', ')}) is missing or older than a file in lib/, entrypoints/, public/ or the build configuration`;
}
