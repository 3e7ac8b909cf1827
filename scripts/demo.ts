/**
 * `npm run demo`: checks what can be checked without any dependency first (Node's version, the
 * dependencies' presence), so a fresh clone gets one clear line instead of a stack trace, then
 * loads the demo itself.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const major = Number(process.versions.node.split('.')[0]);
const root = join(import.meta.dirname, '..');
const installed = ['@playwright/test', 'msw', 'wxt'].every((name) =>
  existsSync(join(root, 'node_modules', name, 'package.json')),
);
if (major < 22 || !installed) {
  const problems = [
    ...(major < 22
      ? [`Node ${process.version} trop ancien (≥ 22 requis) : lancez \`npm run demo\`, qui apporte Node 22`]
      : []),
    ...(installed ? [] : ['dépendances absentes : lancez `npm ci`']),
  ];
  console.error(`[demo] Prérequis manquants — ${problems.join(' ; ')}.`);
  process.exit(1);
}
if (process.argv.includes('--tour')) {
  // Must run before Playwright is loaded (it reads PLAYWRIGHT_BROWSERS_PATH once, at load).
  const { ENCODER_ENV, prepareVideoEncoder } = await import('./demo/video-encoder');
  process.env[ENCODER_ENV] = prepareVideoEncoder(root);
}
await import('./demo/main');
