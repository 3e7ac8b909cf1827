import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoBrowser } from './demo/args';

/** What the test build is made from: a change to any of these makes it stale. */
export const BUILD_SOURCES = [
  'entrypoints',
  'lib',
  'public',
  'wxt.config.ts',
  'package.json',
  'tsconfig.json',
];

export const TEST_BUILD_DIRS: Record<DemoBrowser, string> = {
  chromium: '.output/test/chrome-mv3',
  firefox: '.output/test/firefox-mv3',
};

/** The latest modification time under a file or folder (0 when it does not exist). */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Fresh = both browsers' test builds exist and are newer than every source they are built from. */
export function isTestBuildFresh(root: string, sources: readonly string[] = BUILD_SOURCES): boolean {
  const builtAt = Object.values(TEST_BUILD_DIRS).map((dir) => {
    const manifest = join(root, dir, 'manifest.json');
    return existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  });
  const oldestBuild = Math.min(...builtAt);
  if (oldestBuild === 0) return false;
  return sources.every((source) => newestMtime(join(root, source)) <= oldestBuild);
}

/** `npm run build:test`, its output passed through; rejects with the exit code on failure. */
export function runTestBuild(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build:test'], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run build:test a échoué (code ${code}).`)),
    );
  });
}
