/**
 * `npm run size`: the content script's gzipped size against its budget (issue 6: ≤ 12 KB, Preact
 * included). Run by `npm test` right after the e2e step, which has just built the extension.
 */
import { resolve } from 'node:path';
import { freshestBuild, kilobytes, measureBuild } from './bench/size';

export const CONTENT_BUDGET_KB = 12;

async function main(): Promise<number> {
  const root = resolve(import.meta.dirname, '..');
  const dir = freshestBuild(root);
  if (!dir) {
    console.error(
      'check-size: aucune extension construite (.output/…/chrome-mv3) — lancez `npm run build:test`.',
    );
    return 1;
  }
  const parts = await measureBuild(dir);
  for (const part of parts) {
    console.log(
      `${part.part.padEnd(8)} ${kilobytes(part.gzipBytes).toFixed(2).padStart(7)} KB gzip ` +
        `(${kilobytes(part.rawBytes).toFixed(2)} KB brut) — ${part.files.join(', ')}`,
    );
  }
  const content = parts.find((part) => part.part === 'content')!;
  if (content.files.length === 0) {
    console.error(`check-size: le manifeste de ${dir} ne déclare aucun content script.`);
    return 1;
  }
  const gzipKb = kilobytes(content.gzipBytes);
  if (gzipKb > CONTENT_BUDGET_KB) {
    console.error(
      `check-size: budget dépassé — content script ${gzipKb.toFixed(2)} KB gzip > ${CONTENT_BUDGET_KB} KB (${dir}).`,
    );
    return 1;
  }
  console.log(`check-size: content script ${gzipKb.toFixed(2)} KB gzip ≤ ${CONTENT_BUDGET_KB} KB (${dir}).`);
  return 0;
}

process.exitCode = await main();
