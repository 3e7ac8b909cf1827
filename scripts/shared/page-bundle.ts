import { build } from 'esbuild';

/**
 * `entry` and what it imports as one script for `page.addScriptTag` / `evaluate` in a plain page (no
 * extension): how the bench runs the audit and the e2e suite runs the readers in a real browser.
 */
export async function bundleForPage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
