/**
 * Observer overhead: main-thread CPU time while the annotated Détails page makes 10,000 mutations
 * that have nothing to do with licences, with and without the extension. CPU time is Chromium's own
 * account (CDP `Performance.getMetrics`: TaskDuration, ScriptDuration), taken around the mutation
 * loop plus a settle period for any debounced work; repeated, alternated, and reduced to medians.
 *
 * Two situations: the page left alone (the budgeted figure: a portal tab mostly sits open while its
 * clocks and pollers run; the extension then watches only the licence block, see
 * lib/runtime/page-observer.ts), and the same mutations within seconds of an operator's key
 * press, while the extension watches what the action may change: the block, dialogs and where they
 * appear, the block's path (budget: ≤ 1.2 × the page's own).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { QUIET_MS } from '../../lib/runtime/page-observer';
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import { baselineOrigin } from './baseline-hosts';
import type { Figure } from './figures';
import { expectNoExtension, logInThroughPage, rotated } from './page-overhead';
import { median, pairedRatio } from './stats';

export const MUTATIONS = 10_000;
const PER_TASK = 100;
const SETTLE_MS = 300;
const FRONT_SETTLE_MS = 150;

/** In the page: 100 tasks of 100 mutations each (add, text, attribute, remove) in a box of its own. */
async function mutate({ total, perTask, settleMs }: { total: number; perTask: number; settleMs: number }) {
  const box = document.createElement('div');
  box.id = 'bench-unrelated-mutations';
  document.body.append(box);
  let done = 0;
  while (done < total) {
    for (let i = 0; i < perTask && done < total; i++, done++) {
      switch (done % 4) {
        case 0:
          box.append(document.createElement('span'));
          break;
        case 1:
          box.lastElementChild?.replaceChildren(document.createTextNode(String(done)));
          break;
        case 2:
          box.setAttribute('data-n', String(done));
          break;
        default:
          box.firstElementChild?.remove();
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  box.remove();
}

async function cpuOf(page: Page, afterAction: boolean): Promise<{ task: number; script: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const read = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
      return { task: get('TaskDuration'), script: get('ScriptDuration') };
    };
    // A key press with no effect on the page: the operator acting, as far as the extension can tell.
    if (afterAction) await page.keyboard.press('Shift');
    const before = await read();
    await page.evaluate(mutate, { total: MUTATIONS, perTask: PER_TASK, settleMs: SETTLE_MS });
    const after = await read();
    return { task: after.task - before.task, script: after.script - before.script };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Like the page overhead, within one browser: the portal under its own origin (the extension runs)
 * and twice under the baseline host — the second tab gives the A/A ratio, the method's own noise.
 */
export async function benchObserver(
  context: BrowserContext,
  origin: string,
  options: { quick: boolean },
): Promise<Figure[]> {
  const path = `/services/${encodeURIComponent(CARD_SERVICE.ref)}?tab=details`;
  const modes = [
    { name: 'with', origin, annotations: 8 },
    { name: 'without', origin: baselineOrigin(origin), annotations: 0 },
    { name: 'again', origin: baselineOrigin(origin, 1), annotations: 0 },
  ] as const;
  type Mode = (typeof modes)[number]['name'];
  const pages = new Map<Mode, Page>();
  for (const mode of modes) {
    const page = await context.newPage();
    await logInThroughPage(page, mode.origin);
    await page.goto(`${mode.origin}${path}`);
    await page.getByText('Nombre de licences').first().waitFor();
    if (!mode.annotations) await expectNoExtension(page);
    if (mode.annotations)
      await page
        .locator('mla-licence')
        .nth(mode.annotations - 1)
        .waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    pages.set(mode.name, page);
  }
  // The budgeted figure sits close to 1: more runs than for the informative one.
  const aloneRuns = options.quick ? 9 : 15;
  const actingRuns = options.quick ? 5 : 7;
  type Series = Record<Mode, { task: number[]; script: number[] }>;
  const measure = async (
    afterAction: boolean,
    runs: number,
    measured: readonly (typeof modes)[number][] = modes,
  ): Promise<Series> => {
    const series: Series = {
      with: { task: [], script: [] },
      without: { task: [], script: [] },
      again: { task: [], script: [] },
    };
    for (let i = 0; i < 1 + runs; i++) {
      for (const mode of rotated(measured, i)) {
        const page = pages.get(mode.name)!;
        // The tabs share one window: only the one in front runs its timers at full speed. The work of
        // coming to the front (a first frame again) is let pass before the clock starts.
        await page.bringToFront();
        await page.waitForTimeout(FRONT_SETTLE_MS);
        const cpu = await cpuOf(page, afterAction);
        if (i === 0) continue; // warm-up
        series[mode.name].task.push(cpu.task);
        series[mode.name].script.push(cpu.script);
      }
    }
    return series;
  };
  // Left alone first: past the extension's quiet delay, as a tab the operator is not touching.
  await pages.get('with')!.waitForTimeout(QUIET_MS + 500);
  const alone = await measure(false, aloneRuns);
  // No A/A after a key press: that figure has no budget to judge.
  const acting = await measure(true, actingRuns, modes.slice(0, 2));
  for (const page of pages.values()) await page.close();
  const figure = (
    id: string,
    label: string,
    series: Series,
    metric: 'task' | 'script',
    note: string,
    measured: Mode = 'with',
  ) => {
    const value = median(series[measured][metric]);
    const baseline = median(series.without[metric]);
    const paired = pairedRatio(series[measured][metric], series.without[metric]);
    return { id, label, value, unit: 'ms' as const, baseline, ratio: paired, note };
  };
  const alternated = (runs: number) =>
    `médianes de ${runs} séries alternées, ratio = médiane des ratios par paire`;
  return [
    figure(
      'observer.cpu',
      `CPU pendant ${MUTATIONS.toLocaleString('fr-FR')} mutations sans rapport (page laissée seule)`,
      alone,
      'task',
      `TaskDuration CDP, ${alternated(aloneRuns)} (+${SETTLE_MS} ms de repos), après ${QUIET_MS / 1000} s sans action`,
    ),
    figure('observer.script', 'dont scripts (ScriptDuration)', alone, 'script', alternated(aloneRuns)),
    figure(
      'observer.cpu.noise',
      'Bruit de la mesure : mêmes mutations, deux onglets sans extension (A/A)',
      alone,
      'task',
      'un deuxième onglet sans extension (second hôte de référence), mesuré comme les autres : un écart à 1 de cet ordre est du bruit',
      'again',
    ),
    figure(
      'observer.cpu.acting',
      'les mêmes, juste après une touche (seuls le bloc, les dialogues et leurs emplacements observés)',
      acting,
      'task',
      `TaskDuration CDP, ${alternated(actingRuns)}, une touche sans effet avant chaque série ; budget ratio ≤ 1.2`,
    ),
  ];
}
