/**
 * Page overhead: the Détails tab's load and the whole card journey, with and without the extension,
 * runs interleaved (A, B, A, B…) so drift from other processes on the machine hits both alike.
 */
import { performance } from 'node:perf_hooks';
import type { BrowserContext, Page } from '@playwright/test';
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import { DEMO_CREDENTIALS } from '../../mocks/portal';
import type { Figure } from './figures';
import { median, pairedRatio } from './stats';

/**
 * Installed at document start: notes when the Détails tab is usable — the licence block is there and,
 * with the extension, every row is annotated — and every long task of the page.
 */
function watchDetails(expectedAnnotations: number) {
  const w = window as unknown as { __mlaReady?: number; __mlaLongTasks: number[] };
  w.__mlaLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__mlaLongTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: nothing is reported.
  }
  const ready = () =>
    [...document.querySelectorAll('h2, h3, th, td, .panel-title')].some((el) =>
      (el.textContent ?? '').includes('Nombre de licences'),
    ) && document.querySelectorAll('mla-licence').length >= expectedAnnotations;
  const observer = new MutationObserver(() => {
    if (w.__mlaReady === undefined && ready()) {
      w.__mlaReady = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

export async function logIn(context: BrowserContext, origin: string): Promise<void> {
  const response = await context.request.post(`${origin}/login`, {
    form: { login: DEMO_CREDENTIALS.login, password: DEMO_CREDENTIALS.password, next: '/' },
    maxRedirects: 0,
  });
  if (response.status() !== 303) throw new Error(`bench: login refused (HTTP ${response.status()})`);
}

async function detailsLoad(page: Page, url: string): Promise<{ ms: number; longTasks: number[] }> {
  await page.goto(url);
  await page.waitForFunction(() => (window as { __mlaReady?: number }).__mlaReady !== undefined, null, {
    timeout: 10_000,
  });
  return page.evaluate(() => {
    const w = window as unknown as { __mlaReady: number; __mlaLongTasks: number[] };
    return { ms: w.__mlaReady, longTasks: w.__mlaLongTasks };
  });
}

/** The card's journey as plain portal steps (no extension assertions, so both modes do the same work). */
export async function cardJourney(page: Page, origin: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${origin}/`);
  await page.getByLabel('Identifiant').fill(DEMO_CREDENTIALS.login);
  await page.getByLabel('Mot de passe').fill(DEMO_CREDENTIALS.password);
  await page.getByLabel('Mot de passe').press('Enter');
  await page
    .getByRole('button', { name: /Mes Services/ })
    .or(page.getByRole('link', { name: /Mes Services/ }))
    .click();
  await page.getByRole('link', { name: 'Paramétrage / Monitoring' }).click();
  await page.getByLabel('Client', { exact: true }).fill(CARD_SERVICE.client);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page
    .getByRole('row')
    .filter({ hasText: CARD_SERVICE.ref })
    .getByRole('link', { name: /Paramétrer/ })
    .click();
  await page.getByRole('tab', { name: 'Détails' }).click();
  const fullRow = page
    .locator('tr')
    .filter({ has: page.locator('td', { hasText: /^\s*Licence full\s*(ⓘ|$)/ }) });
  await fullRow.getByRole('button', { name: 'Résilier' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'Résiliation licence full' });
  await dialog.getByLabel('Quantité à résilier').fill('1');
  await dialog.getByRole('button', { name: 'Confirmer' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await fullRow.filter({ hasText: /1\s*\/\s*1/ }).waitFor();
}

export interface OverheadResult {
  figures: Figure[];
  longTasksWith: number[];
  longTasksWithout: number[];
}

export async function benchPageOverhead(
  contexts: { withExtension: BrowserContext; baseline: BrowserContext },
  origin: string,
  options: { quick: boolean },
): Promise<OverheadResult> {
  const modes = [
    { name: 'with', context: contexts.withExtension, annotations: 8 },
    { name: 'without', context: contexts.baseline, annotations: 0 },
  ] as const;
  const loads: Record<'with' | 'without', number[]> = { with: [], without: [] };
  const journeys: Record<'with' | 'without', number[]> = { with: [], without: [] };
  const longTasks: Record<'with' | 'without', number[]> = { with: [], without: [] };
  const pages = new Map<string, Page>();
  for (const mode of modes) {
    await mode.context.addInitScript(watchDetails, mode.annotations);
    await logIn(mode.context, origin);
    pages.set(mode.name, await mode.context.newPage());
  }
  const detailsUrl = `${origin}/services/${encodeURIComponent(CARD_SERVICE.ref)}?tab=details`;
  const loadRuns = options.quick ? 12 : 20;
  for (let i = 0; i < 3 + loadRuns; i++) {
    for (const mode of i % 2 ? [...modes].reverse() : modes) {
      const result = await detailsLoad(pages.get(mode.name)!, detailsUrl);
      if (i < 3) continue; // warm-up: caches, JIT, the extension's first start
      loads[mode.name].push(result.ms);
      longTasks[mode.name].push(...result.longTasks);
    }
  }
  const journeyRuns = options.quick ? 3 : 7;
  for (let i = 0; i < 1 + journeyRuns; i++) {
    for (const mode of i % 2 ? [...modes].reverse() : modes) {
      const reset = await mode.context.request.post(`${origin}/__mock/reset`);
      if (!reset.ok()) throw new Error(`bench: /__mock/reset answered HTTP ${reset.status()}`);
      const start = performance.now();
      await cardJourney(pages.get(mode.name)!, origin);
      if (i > 0) journeys[mode.name].push(performance.now() - start);
    }
  }
  await contexts.withExtension.request.post(`${origin}/__mock/reset`);
  for (const page of pages.values()) await page.close();

  const figure = (id: string, label: string, with_: number[], without: number[], note: string): Figure => {
    const value = median(with_);
    const baseline = median(without);
    // Each with-run is paired with the without-run next to it (same load on the machine).
    return { id, label, value, unit: 'ms', baseline, ratio: pairedRatio(with_, without), note };
  };
  return {
    figures: [
      figure(
        'overhead.details.load',
        'Chargement de l’onglet Détails (annoté)',
        loads.with,
        loads.without,
        `médianes de ${loadRuns} chargements alternés, ratio = médiane des ratios par paire, du début de navigation au bloc affiché (et annoté avec l’extension)`,
      ),
      figure(
        'overhead.journey',
        'Parcours complet de la fiche',
        journeys.with,
        journeys.without,
        `médianes de ${journeyRuns} parcours alternés, ratio = médiane des ratios par paire (connexion → résiliation confirmée)`,
      ),
    ],
    longTasksWith: longTasks.with,
    longTasksWithout: longTasks.without,
  };
}
