// Prints the one closing line CI reads, "N passed, N failed[, N skipped]", from the JSON reports
// that Vitest (.vitest/results.json) and Playwright (reports/e2e.json) write during `npm test`.
// Plain .mjs so it runs even when the TypeScript toolchain is what broke.
import { existsSync, readFileSync } from 'node:fs';

const npmTestStatus = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;

function readJson(path) {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    console.log(`ci-summary: ${path} is not valid JSON`);
    return null;
  }
}

const vitest = readJson('.vitest/results.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  console.log(`unit (vitest): ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
}

const e2e = readJson('reports/e2e.json');
if (e2e?.stats) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped: s = 0 } = e2e.stats;
  passed += expected + flaky;
  failed += unexpected;
  skipped += s;
  console.log(`e2e (playwright): ${expected} passed, ${flaky} flaky, ${unexpected} failed, ${s} skipped`);
}

// A step with no test report (type-check, lint, build, extension lint) failed: count it as one failure
// so a red `npm test` can never close on "0 failed".
if (npmTestStatus !== 0 && failed === 0) {
  console.log(
    'ci-summary: npm test failed outside the test runners (type-check, lint, build or extension lint)',
  );
  failed = 1;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
