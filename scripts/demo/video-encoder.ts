/**
 * Playwright records video by piping MJPEG frames (in Matroska) into its own ffmpeg build, which
 * `npx playwright install ffmpeg` downloads — impossible on this closed network. Before Playwright is
 * loaded, the tour points PLAYWRIGHT_BROWSERS_PATH at a folder holding, under the name Playwright looks
 * for, either the system's ffmpeg (real VP9 WebM) or, with no ffmpeg at all, a two-line script that
 * keeps the MJPEG stream as it comes (a valid Matroska file: VLC, mpv and ffplay play it).
 * Loaded by scripts/demo.ts without any dependency: node: modules only.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export type VideoEncoder = 'playwright' | 'system-ffmpeg' | 'mjpeg';

export const ENCODER_ENV = 'MLA_DEMO_VIDEO_ENCODER';

function ffmpegRevision(root: string): string | null {
  try {
    const browsers = JSON.parse(
      readFileSync(join(root, 'node_modules/playwright-core/browsers.json'), 'utf8'),
    ) as {
      browsers: { name: string; revision: string }[];
    };
    return browsers.browsers.find((browser) => browser.name === 'ffmpeg')?.revision ?? null;
  } catch {
    return null;
  }
}

function systemFfmpeg(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'ffmpeg'))) return join(dir, 'ffmpeg');
  }
  return null;
}

/** Sets PLAYWRIGHT_BROWSERS_PATH when needed; answers which encoder the video will get. */
export function prepareVideoEncoder(root: string): VideoEncoder {
  const revision = ffmpegRevision(root);
  if (!revision) return 'playwright'; // unknown layout: let Playwright say what it needs
  const registry = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache/ms-playwright');
  if (existsSync(join(registry, `ffmpeg-${revision}`, 'ffmpeg-linux'))) return 'playwright';
  if (process.env.PLAYWRIGHT_BROWSERS_PATH) return 'playwright'; // the user's own choice: leave it
  const dir = join(tmpdir(), 'mla-demo-playwright', `ffmpeg-${revision}`);
  const executable = join(dir, 'ffmpeg-linux');
  mkdirSync(dir, { recursive: true });
  rmSync(executable, { force: true });
  const ffmpeg = systemFfmpeg();
  if (ffmpeg) {
    symlinkSync(ffmpeg, executable);
  } else {
    // Playwright's last argument is the output file; stdin is the MJPEG-in-Matroska stream.
    writeFileSync(executable, '#!/bin/sh\nfor last; do :; done\nexec cat > "$last"\n');
    chmodSync(executable, 0o755);
  }
  process.env.PLAYWRIGHT_BROWSERS_PATH = join(tmpdir(), 'mla-demo-playwright');
  return ffmpeg ? 'system-ffmpeg' : 'mjpeg';
}
