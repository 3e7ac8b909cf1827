/**
 * Annotating a block: our own main-thread time, and the wall time from the block's insertion to every
 * annotation present. The page itself (not the test process) inserts the block and watches with a
 * MutationObserver for the `mla-licence` count to reach the row count, so no protocol round trip is in
 * the figure. Our time: the test build's content script ends each task of ours with a
 * `performance.measure('mla-task')` whose detail is our work in it (lib/runtime/work-meter.ts); a
 * run's figure is the sum of those from the insertion until our work for it is over (no new task of
 * ours for 50 ms), and each one is a task of ours (the longest is budgeted).
 */
import type { BrowserContext } from '@playwright/test';
import type { BenchPageServer } from './bench-pages';
import type { Figure } from './figures';
import { summarise } from './stats';

export interface AnnotateRuns {
  /** Wall time, insertion → every row annotated (yields to the page included). */
  times: number[];
  /** Our main-thread time per run (sum of our tasks' work). */
  ours: number[];
  /** Our work in each of our tasks, over every run. */
  ourTasks: number[];
  timeouts: number;
  /** Long tasks (ms) that overlapped a measured window (insertion → every row annotated). */
  longTasks: number[];
}

interface InPageArgs {
  rows: number;
  runs: number;
  warmup: number;
  timeoutMs: number;
}

/** Runs in the page: insert, wait for `rows` annotations, clear, let the extension settle; repeat. */
async function measureInPage({ rows, runs, warmup, timeoutMs }: InPageArgs): Promise<AnnotateRuns> {
  const host = document.getElementById('bench-host')!;
  const template = document.getElementById('bench-block') as HTMLTemplateElement;
  const entries: { start: number; duration: number }[] = [];
  const longTaskObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) entries.push({ start: entry.startTime, duration: entry.duration });
  });
  try {
    longTaskObserver.observe({ type: 'longtask' });
  } catch {
    // No Long Tasks API in this browser: the figure says 0 seen, the note says why.
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
  const ourEntries = () => performance.getEntriesByName('mla-task') as PerformanceMeasure[];
  /** Until no task of ours started for 50 ms (the last slices may come after the last annotation). */
  const ourWorkOver = async () => {
    for (let tries = 0; tries < 40; tries++) {
      const before = ourEntries().length;
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (ourEntries().length === before) return;
    }
  };
  const times: number[] = [];
  const ours: number[] = [];
  const ourTasks: number[] = [];
  const windows: [number, number][] = [];
  let timeouts = 0;
  for (let run = 0; run < warmup + runs; run++) {
    let start = 0;
    const done = new Promise<number | null>((resolve) => {
      const count = () => document.querySelectorAll('mla-licence').length;
      const observer = new MutationObserver(() => {
        if (count() >= rows) {
          observer.disconnect();
          resolve(performance.now() - start);
        }
      });
      observer.observe(document, { childList: true, subtree: true });
      setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, timeoutMs);
    });
    start = performance.now();
    host.append(template.content.cloneNode(true));
    const elapsed = await done;
    if (rows > 0) await ourWorkOver();
    if (run >= warmup) {
      if (elapsed === null) timeouts++;
      else times.push(elapsed);
      windows.push([start, elapsed === null ? performance.now() : start + elapsed]);
      const tasks = ourEntries()
        .filter((entry) => entry.startTime >= start)
        .map((entry) => Number(entry.detail));
      ours.push(tasks.reduce((sum, work) => sum + work, 0));
      ourTasks.push(...tasks);
    }
    performance.clearMeasures('mla-task');
    host.replaceChildren();
    await settle();
  }
  await settle();
  longTaskObserver.disconnect();
  const longTasks = entries
    .filter((task) => windows.some(([from, to]) => task.start < to && task.start + task.duration > from))
    .map((task) => task.duration);
  return { times, ours, ourTasks, timeouts, longTasks };
}

export async function annotateRuns(
  context: BrowserContext,
  url: string,
  rows: number,
  runs: number,
): Promise<AnnotateRuns> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    // Give the content script time to start (it is injected at document_idle).
    await page.waitForTimeout(300);
    return await page.evaluate(measureInPage, { rows, runs, warmup: 5, timeoutMs: 2_000 });
  } finally {
    await page.close();
  }
}

export async function benchAnnotate(
  contexts: { withExtension: BrowserContext; baseline: BrowserContext },
  pages: BenchPageServer,
  options: { quick: boolean },
): Promise<{ figures: Figure[]; longTasks: number[]; baselineLongTasks: number[] }> {
  const figures: Figure[] = [];
  const longTasks: number[] = [];
  const baselineLongTasks: number[] = [];
  const { withExtension, baseline } = contexts;
  for (const [path, id] of [
    ['/annotate/card', '8'],
    ['/annotate/stress', '200'],
  ] as const) {
    const rows = pages.pages[path]!;
    // 200-row runs can take hundreds of ms each with a slow extension: 50 (the minimum asked) keeps
    // the whole bench under 5 minutes on a busy 2-core machine.
    const runs = options.quick || id === '200' ? 50 : 100;
    const result = await annotateRuns(withExtension, `${pages.origin}${path}`, rows, runs);
    longTasks.push(...result.longTasks);
    // The same insertions without the extension (0 rows to wait for: the window is the insertion's task).
    const alone = await annotateRuns(baseline, `${pages.origin}${path}`, 0, Math.ceil(runs / 2));
    baselineLongTasks.push(...alone.longTasks);
    if (result.times.length < Math.ceil(runs * 0.9)) {
      throw new Error(
        `annotation: ${result.timeouts}/${runs} runs on ${rows} rows never reached ${rows} mla-licence ` +
          'within 2 s (is the test build loaded and the feature wired?)',
      );
    }
    const wall = summarise(result.times);
    const wallNote = `${wall.runs} runs${result.timeouts ? `, ${result.timeouts} hors délai` : ''}, min ${wall.min.toFixed(2)} ms, max ${wall.max.toFixed(2)} ms`;
    if (result.ours.length === 0 || result.ourTasks.length === 0) {
      throw new Error(
        'annotation: no `mla-task` measure from the content script (is it the test build, with its meter?)',
      );
    }
    const ours = summarise(result.ours);
    const note = `notre temps sur le fil principal (somme de nos tâches, mla-task) ; ${ours.runs} runs, min ${ours.min.toFixed(2)} ms, max ${ours.max.toFixed(2)} ms`;
    const tasks = summarise(result.ourTasks);
    figures.push(
      {
        id: `annotate.${id}.p50`,
        label: `Annotation ${rows} lignes p50 (notre temps)`,
        value: ours.p50,
        unit: 'ms',
        note,
      },
      {
        id: `annotate.${id}.p95`,
        label: `Annotation ${rows} lignes p95 (notre temps)`,
        value: ours.p95,
        unit: 'ms',
        note,
      },
      {
        id: `annotate.${id}.task.max`,
        label: `Annotation ${rows} lignes : notre plus longue tâche`,
        value: tasks.max,
        unit: 'ms',
        note: `${result.ourTasks.length} tâches de notre code, p50 ${tasks.p50.toFixed(2)} ms, p95 ${tasks.p95.toFixed(2)} ms`,
      },
      {
        id: `annotate.${id}.wall.p50`,
        label: `Annotation ${rows} lignes p50 (temps mur, pauses comprises)`,
        value: wall.p50,
        unit: 'ms',
        note: wallNote,
      },
      {
        id: `annotate.${id}.wall.p95`,
        label: `Annotation ${rows} lignes p95 (temps mur, pauses comprises)`,
        value: wall.p95,
        unit: 'ms',
        note: wallNote,
      },
    );
  }
  return { figures, longTasks, baselineLongTasks };
}
