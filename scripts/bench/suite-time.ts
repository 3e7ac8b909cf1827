/**
 * Suite time: the e2e suite's wall time per browser. Either measured now (`--run-suite`: one
 * `npx playwright test --project X` per browser, timed), or read from a fresh `reports/e2e.json`
 * (Playwright's JSON report of the last `npm run test:e2e`): the span of each project's results.
 * The figure's note says which.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { newestMtime } from '../test-build';
import type { Figure } from './figures';

export const E2E_REPORT = 'reports/e2e.json';
/** What the e2e results depend on: a change here makes an older report stale. */
const E2E_SOURCES = ['tests/e2e', 'lib', 'entrypoints', 'mocks', 'playwright.config.ts'];
const MAX_REPORT_AGE_MS = 24 * 3600 * 1000;

interface JsonResult {
  startTime?: string;
  duration?: number;
  status?: string;
}
interface JsonTest {
  projectName?: string;
  results?: JsonResult[];
}
interface JsonSuite {
  specs?: { tests?: JsonTest[] }[];
  suites?: JsonSuite[];
}
export interface JsonReport {
  suites?: JsonSuite[];
  stats?: { startTime?: string; duration?: number };
}

export interface ProjectSpan {
  project: string;
  /** From the first result's start to the last result's end. */
  wallMs: number;
  tests: number;
}

function* testsOf(suites: readonly JsonSuite[] | undefined): Generator<JsonTest> {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) yield* spec.tests ?? [];
    yield* testsOf(suite.suites);
  }
}

/** Per project, the span of its results in a Playwright JSON report (pure: testable on a fixture). */
export function projectSpans(report: JsonReport): ProjectSpan[] {
  const spans = new Map<string, { start: number; end: number; tests: number }>();
  for (const test of testsOf(report.suites)) {
    const project = test.projectName ?? '(sans projet)';
    for (const result of test.results ?? []) {
      if (!result.startTime || result.duration === undefined) continue;
      const start = Date.parse(result.startTime);
      if (Number.isNaN(start)) continue;
      const span = spans.get(project) ?? { start, end: start, tests: 0 };
      span.start = Math.min(span.start, start);
      span.end = Math.max(span.end, start + result.duration);
      span.tests++;
      spans.set(project, span);
    }
  }
  return [...spans.entries()]
    .map(([project, span]) => ({ project, wallMs: span.end - span.start, tests: span.tests }))
    .sort((a, b) => a.project.localeCompare(b.project));
}

/** A report is fresh when it is newer than every e2e source and less than a day old. */
export function reportIsFresh(root: string, now = Date.now()): boolean {
  const path = join(root, E2E_REPORT);
  if (!existsSync(path)) return false;
  const written = statSync(path).mtimeMs;
  if (now - written > MAX_REPORT_AGE_MS) return false;
  return E2E_SOURCES.every((source) => newestMtime(join(root, source)) <= written);
}

async function runProject(root: string, project: string): Promise<ProjectSpan & { passed: boolean }> {
  const dir = await mkdtemp(join(tmpdir(), 'mla-suite-'));
  const output = join(dir, 'e2e.json');
  try {
    const start = performance.now();
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('npx', ['playwright', 'test', '--project', project, '--reporter=json'], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: output },
      });
      child.on('error', reject);
      child.on('exit', resolve);
    });
    const wallMs = performance.now() - start;
    const report = existsSync(output) ? (JSON.parse(await readFile(output, 'utf8')) as JsonReport) : {};
    const tests = projectSpans(report).reduce((sum, span) => sum + span.tests, 0);
    return { project, wallMs, tests, passed: code === 0 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchSuite(root: string, options: { runSuite: boolean }): Promise<Figure[]> {
  if (options.runSuite) {
    const figures: Figure[] = [];
    for (const project of ['chromium', 'firefox']) {
      const run = await runProject(root, project);
      figures.push({
        id: `suite.${project}`,
        label: `Suite e2e ${project} (durée réelle)`,
        value: run.wallMs / 1000,
        unit: 's',
        note: `mesurée maintenant : npx playwright test --project ${project}, ${run.tests} tests${run.passed ? '' : ', EN ÉCHEC'}`,
      });
    }
    return figures;
  }
  if (!reportIsFresh(root)) {
    throw new Error(
      `pas de ${E2E_REPORT} récent (plus jeune que les sources e2e et que 24 h) : lancez \`npm run test:e2e\` ` +
        'avant le banc, ou `npm run bench -- --run-suite` pour la mesurer maintenant',
    );
  }
  const report = JSON.parse(await readFile(join(root, E2E_REPORT), 'utf8')) as JsonReport;
  const written = new Date(statSync(join(root, E2E_REPORT)).mtimeMs).toISOString();
  return projectSpans(report).map((span) => ({
    id: `suite.${span.project}`,
    label: `Suite e2e ${span.project} (rapport)`,
    value: span.wallMs / 1000,
    unit: 's' as const,
    note: `lue dans ${E2E_REPORT} (${written}) : du premier test au dernier, ${span.tests} résultats`,
  }));
}
