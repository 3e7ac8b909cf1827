/**
 * `npm run size`: the content script's gzipped size. Issue 6 sets a budget of 12 KB (Preact
 * included) that the extension does not meet (17.0 KB: Preact 4.45, portal readers ~6, features and
 * UI ~5.5; the messages are no longer shipped — see the README's Performance section). `npm test`
 * fails on a regression ceiling just above today's size, so the gap can only shrink, and says how
 * far the budget is. `npm run bench -- --check` still fails on the 12 KB budget itself.
 */
import { resolve } from 'node:path';
import { freshestBuild, kilobytes, measureBuild } from './bench/size';

export const CONTENT_BUDGET_KB = 12;
/**
 * Today's size plus a small margin: the gate `npm test` enforces until the budget is met. Raised from
 * 17.5 by the account-wide audit's two pieces that must run in the portal's tab (its GET relay, which
 * carries the user's session, and the "Auditer les licences" button: +0.41 KB gzip, docs/audit.md);
 * the audit itself is in its own page's bundle. The anonymised capture's loader and buttons (issue 17)
 * add 0.21–0.26 KB more (docs/qa.md); the rest of the capture loads only when a user asks (capture.js).
 * Ceiling to be set by whoever merges both: it was 17.9 with the audit alone.
 */
export const CONTENT_CEILING_KB = 18.2;

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
  if (gzipKb > CONTENT_CEILING_KB) {
    console.error(
      `check-size: régression — content script ${gzipKb.toFixed(2)} KB gzip > plafond ${CONTENT_CEILING_KB} KB (${dir}).`,
    );
    return 1;
  }
  if (gzipKb > CONTENT_BUDGET_KB) {
    console.log(
      `check-size: content script ${gzipKb.toFixed(2)} KB gzip ≤ plafond ${CONTENT_CEILING_KB} KB, mais budget de ${CONTENT_BUDGET_KB} KB non tenu (voir README, Performance).`,
    );
    return 0;
  }
  console.log(`check-size: content script ${gzipKb.toFixed(2)} KB gzip ≤ ${CONTENT_BUDGET_KB} KB (${dir}).`);
  return 0;
}

process.exitCode = await main();
