import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTestBuildFresh, TEST_BUILD_DIRS } from '../../../scripts/test-build';

let root: string;
const past = new Date(Date.now() - 3_600_000);

async function touch(path: string, when: Date) {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), '');
  await utimes(join(root, path), when, when);
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mla-build-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('isTestBuildFresh', () => {
  it('is stale without a build, fresh after one, stale again when a source changes', async () => {
    await touch('lib/a.ts', past);
    await utimes(join(root, 'lib'), past, past);
    expect(isTestBuildFresh(root, ['lib'])).toBe(false);
    for (const dir of Object.values(TEST_BUILD_DIRS)) await touch(`${dir}/manifest.json`, new Date());
    expect(isTestBuildFresh(root, ['lib'])).toBe(true);
    await touch('lib/deep/b.ts', new Date(Date.now() + 60_000));
    expect(isTestBuildFresh(root, ['lib'])).toBe(false);
  });

  it('needs both browsers’ builds', async () => {
    await touch(`${TEST_BUILD_DIRS.chromium}/manifest.json`, new Date());
    expect(isTestBuildFresh(root, [])).toBe(false);
  });
});
