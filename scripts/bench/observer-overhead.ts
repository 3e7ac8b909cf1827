/**
 * Observer overhead: main-thread CPU time while the annotated Détails page makes 10,000 mutations
 * that have nothing to do with licences, with and without the extension. CPU time is Chromium's own
 * account (CDP `Performance.getMetrics`: TaskDuration, ScriptDuration), taken around the mutation
 * loop plus a settle period for any debounced work; repeated, alternated, and reduced to medians.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import type { Figure } from './figures';
import { logIn } from './page-overhead';
import { median, ratio } from './stats';

export const MUTATIONS = 10_000;
const PER_TASK = 100;
const SETTLE_MS = 300;

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

async function cpuOf(page: Page): Promise<{ task: number; script: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const read = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
      return { task: get('TaskDuration'), script: get('ScriptDuration') };
    };
    const before = await read();
    await page.evaluate(mutate, { total: MUTATIONS, perTask: PER_TASK, settleMs: SETTLE_MS });
    const after = await read();
    return { task: after.task - before.task, script: after.script - before.script };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export async function benchObserver(
  contexts: { withExtension: BrowserContext; baseline: BrowserContext },
  origin: string,
  options: { quick: boolean },
): Promise<Figure[]> {
  const url = `${origin}/services/${encodeURIComponent(CARD_SERVICE.ref)}?tab=details`;
  const modes = [
    { name: 'with', context: contexts.withExtension, annotations: 8 },
    { name: 'without', context: contexts.baseline, annotations: 0 },
  ] as const;
  const pages = new Map<string, Page>();
  for (const mode of modes) {
    await logIn(mode.context, origin);
    const page = await mode.context.newPage();
    await page.goto(url);
    await page.getByText('Nombre de licences').first().waitFor();
    if (mode.annotations)
      await page
        .locator('mla-licence')
        .nth(mode.annotations - 1)
        .waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    pages.set(mode.name, page);
  }
  const runs = options.quick ? 5 : 9;
  const task: Record<'with' | 'without', number[]> = { with: [], without: [] };
  const script: Record<'with' | 'without', number[]> = { with: [], without: [] };
  for (let i = 0; i < 1 + runs; i++) {
    for (const mode of i % 2 ? [...modes].reverse() : modes) {
      const cpu = await cpuOf(pages.get(mode.name)!);
      if (i === 0) continue; // warm-up
      task[mode.name].push(cpu.task);
      script[mode.name].push(cpu.script);
    }
  }
  for (const page of pages.values()) await page.close();
  const value = median(task.with);
  const baseline = median(task.without);
  const scriptWith = median(script.with);
  const scriptWithout = median(script.without);
  return [
    {
      id: 'observer.cpu',
      label: `CPU pendant ${MUTATIONS.toLocaleString('fr-FR')} mutations sans rapport`,
      value,
      unit: 'ms',
      baseline,
      ratio: ratio(value, baseline),
      note: `TaskDuration CDP, médianes de ${runs} séries alternées (+${SETTLE_MS} ms de repos)`,
    },
    {
      id: 'observer.script',
      label: 'dont scripts (ScriptDuration)',
      value: scriptWith,
      unit: 'ms',
      baseline: scriptWithout,
      ratio: ratio(scriptWith, scriptWithout),
      note: `médianes de ${runs} séries alternées`,
    },
  ];
}
