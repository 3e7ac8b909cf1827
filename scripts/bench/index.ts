/**
 * `npm run bench [-- --check] [--quick] [--only …] [--run-suite]`: measures the extension and the mocked
 * portal (issue 6), prints a table, writes bench/results.json; `--check` exits non-zero naming each
 * exceeded budget (and each section that could not be measured).
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPortalServer } from '../../mocks/server/http-server';
import { findBrowser } from '../../tests/e2e/support/find-browser';
import { isTestBuildFresh, runTestBuild } from '../test-build';
import { benchAnnotate } from './annotate';
import { benchAudit } from './audit';
import { startBenchPageServer } from './bench-pages';
import { checkBudgets, describeExceeded } from './budgets';
import { launchPair } from './contexts';
import type { Figure } from './figures';
import { browserVersion, describeMachine, machineInfo } from './machine';
import { benchObserver } from './observer-overhead';
import { type BenchOptions, parseBenchArgs, type Section, UsageError } from './options';
import { benchPageOverhead } from './page-overhead';
import { benchPortal } from './portal-latency';
import { freshestBuild, kilobytes, measureBuild, type PartSize } from './size';
import { benchSuite } from './suite-time';
import { formatTable } from './table';

const ROOT = resolve(import.meta.dirname, '../..');

const SIZE_LABELS: Record<PartSize['part'], string> = {
  content: 'du content script, sur toute page du portail (le détecteur)',
  details: 'sur l’onglet Détails, tout compris (détecteur + assistant)',
  list: 'sur la liste des services, tout compris (détecteur + bouton d’audit)',
  popup: 'de la popup',
  options: 'des options',
};

async function sizeFigures(): Promise<Figure[]> {
  const dir = freshestBuild(ROOT);
  if (!dir) throw new Error('aucune extension construite : lancez `npm run build:test`');
  return (await measureBuild(dir)).map((part) => ({
    id: `size.${part.part}.gzip`,
    label: `Taille ${SIZE_LABELS[part.part]} (gzip)`,
    value: kilobytes(part.gzipBytes),
    unit: 'KB' as const,
    note: `${kilobytes(part.rawBytes).toFixed(2)} KB minifié, ${part.files.join(', ')} (${dir.slice(ROOT.length + 1)})`,
  }));
}

/**
 * Long tasks caused by the extension: those overlapping an annotation window (block inserted → every
 * row annotated) on the bench page, which does nothing else; the same insertions without the extension
 * are the baseline. (Chromium cannot attribute a task to a content script: the Long Animation Frames
 * API credits the page's callback that made the mutation.) Tasks during Détails loads are counted in
 * the note, with and without the extension, for context.
 */
function longTaskFigure(
  annotate: { with: number[]; without: number[] },
  details: { with: number[]; without: number[] },
): Figure {
  const max = (values: number[]) => (values.length ? Math.max(...values) : 0);
  return {
    id: 'overhead.longtasks.max',
    label: 'Tâche longue due à l’extension (max)',
    value: max(annotate.with),
    unit: 'ms',
    baseline: max(annotate.without),
    note:
      `${annotate.with.length} tâche(s) > 50 ms pendant les annotations, ${annotate.without.length} pour les mêmes insertions sans extension ; ` +
      `chargements Détails : ${details.with.length} avec, ${details.without.length} sans (0 = aucune)`,
  };
}

async function browserSections(options: BenchOptions, wanted: Set<Section>): Promise<Figure[]> {
  const extensionDir = resolve(ROOT, process.env.MLA_BENCH_EXTENSION_DIR ?? '.output/test/chrome-mv3');
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
    throw new Error(`extension de test absente (${extensionDir}) : lancez \`npm run build:test\``);
  }
  const figures: Figure[] = [];
  const portal = await startPortalServer({ port: 0, host: '127.0.0.1', scenario: 'carte' });
  const pages = await startBenchPageServer(200);
  const pair = await launchPair(extensionDir);
  const annotateTasks = { with: [] as number[], without: [] as number[] };
  const detailsTasks = { with: [] as number[], without: [] as number[] };
  try {
    if (wanted.has('annotate')) {
      const result = await benchAnnotate(pair, pages, options);
      figures.push(...result.figures);
      annotateTasks.with.push(...result.longTasks);
      annotateTasks.without.push(...result.baselineLongTasks);
    }
    if (wanted.has('overhead')) {
      const result = await benchPageOverhead(pair.withExtension, portal.origin, options);
      figures.push(...result.figures);
      detailsTasks.with.push(...result.longTasksWith);
      detailsTasks.without.push(...result.longTasksWithout);
    }
    if (wanted.has('annotate')) figures.push(longTaskFigure(annotateTasks, detailsTasks));
    if (wanted.has('observer'))
      figures.push(...(await benchObserver(pair.withExtension, portal.origin, options)));
  } finally {
    await pair.close();
    await pages.close();
    await portal.close();
  }
  return figures;
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const started = performance.now();
  const wanted = new Set(options.sections);
  const browsers: Record<string, string> = {};
  for (const name of ['chromium', 'firefox'] as const) {
    try {
      browsers[name] = browserVersion(findBrowser(name));
    } catch (error) {
      browsers[name] = `introuvable (${(error as Error).message.split('.')[0]})`;
    }
  }
  const machine = machineInfo(browsers);
  console.log(`Banc de mesure${options.quick ? ' (rapide)' : ''} — ${describeMachine(machine)}`);

  const figures: Figure[] = [];
  const errors: { section: string; message: string }[] = [];
  // A fresh clone has no build, and an old one would measure old code: build first, as the demo does.
  const needsBuild = ['size', 'annotate', 'overhead', 'observer'].some((section) =>
    wanted.has(section as Section),
  );
  if (needsBuild && !process.env.MLA_BENCH_EXTENSION_DIR && !isTestBuildFresh(ROOT)) {
    console.log('  extension de test absente ou plus ancienne que ses sources : npm run build:test…');
    await runTestBuild(ROOT).catch((error: unknown) => {
      errors.push({
        section: 'construction',
        message: error instanceof Error ? error.message : String(error),
      });
    });
  }
  const run = async (section: string, measure: () => Promise<Figure[]>) => {
    const t0 = performance.now();
    process.stdout.write(`  ${section}… `);
    try {
      const measured = await measure();
      figures.push(...measured);
      console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push({ section, message });
      console.log(`ÉCHEC : ${message}`);
    }
  };
  if (wanted.has('size')) await run('taille', sizeFigures);
  if (wanted.has('portal')) await run('portail simulé', () => benchPortal(options));
  if (wanted.has('annotate') || wanted.has('overhead') || wanted.has('observer')) {
    await run('navigateur (annotation, surcoût, observateur)', () => browserSections(options, wanted));
  }
  if (wanted.has('audit')) await run('audit des licences', () => benchAudit(options));
  if (wanted.has('suite')) await run('suite e2e', () => benchSuite(ROOT, options));

  const verdicts = checkBudgets(figures);
  console.log(`\n${formatTable(figures, verdicts)}\n`);

  const durationSeconds = (performance.now() - started) / 1000;
  const output = resolve(ROOT, options.output);
  await mkdir(dirname(output), { recursive: true });
  await writeFile(
    output,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        options: { quick: options.quick, sections: options.sections, runSuite: options.runSuite },
        durationSeconds,
        figures,
        budgets: verdicts.map(({ budget, figure, measured, ok }) => ({
          figure: figure.id,
          budget: budget.text,
          max: budget.max,
          on: budget.on,
          measured,
          ok,
        })),
        errors,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Résultats : ${options.output} (${durationSeconds.toFixed(0)} s)`);

  const exceeded = describeExceeded(verdicts);
  for (const { section, message } of errors) console.error(`Non mesuré (${section}) : ${message}`);
  for (const line of exceeded) console.error(line);
  if (options.check && (exceeded.length > 0 || errors.length > 0)) return 1;
  return 0;
}

process.exitCode = await main();
