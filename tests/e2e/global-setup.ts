import { execSync } from 'node:child_process';
import { ROOT, staleBuildReason } from './support/extension-build';

/** No test may run against a stale extension: rebuild the test builds when any source is newer. */
export default function globalSetup(): void {
  const reason = staleBuildReason();
  if (!reason) return;
  console.log(`[e2e] ${reason}: running \`npm run build:test\` first…`);
  try {
    execSync('npm run build:test', { cwd: ROOT, stdio: 'inherit' });
  } catch {
    throw new Error(
      '[e2e] `npm run build:test` failed: fix the build (see its output above) before running the e2e suite.',
    );
  }
  const still = staleBuildReason();
  if (still)
    throw new Error(`[e2e] the test build is still not usable after \`npm run build:test\`: ${still}.`);
}
