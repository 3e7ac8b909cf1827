/**
 * Page overhead: the Détails tab's load and the whole card journey, with and without the extension,
 * runs interleaved (A, B, A, B…) so drift from other processes on the machine hits both alike.
 */
import { performance } from 'node:perf_hooks';
import type { BrowserContext, Page } from '@playwright/test';
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import { DEMO_CREDENTIALS } from '../../mocks/portal';
import { LoginPage } from '../../tests/e2e/pages/portal';
import { baselineOrigin } from './baseline-hosts';
import type { Figure } from './figures';
import { median, pairedRatio } from './stats';

/**
 * Installed at document start: notes when the licence block is there, when the Détails tab is usable
 * — the block is there and, with the extension, every row is annotated — and every long task.
 */
function watchDetails({ annotatedHost, annotations }: { annotatedHost: string; annotations: number }) {
  const expectedAnnotations = location.hostname === annotatedHost ? annotations : 0;
  const w = window as unknown as { __mlaBlock?: number; __mlaReady?: number; __mlaLongTasks: number[] };
  w.__mlaLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__mlaLongTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: nothing is reported.
  }
  const blockThere = () =>
    [...document.querySelectorAll('h2, h3, th, td, .panel-title')].some((el) =>
      (el.textContent ?? '').includes('Nombre de licences'),
    );
  const observer = new MutationObserver(() => {
    if (w.__mlaBlock === undefined && blockThere()) w.__mlaBlock = performance.now();
    if (
      w.__mlaBlock !== undefined &&
      document.querySelectorAll('mla-licence').length >= expectedAnnotations
    ) {
      w.__mlaReady = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

interface DetailsLoad {
  /** Navigation start → the block is there (annotated or not). */
  blockMs: number;
  /** Navigation start → the block is there and every row annotated (the block alone without extension). */
  ms: number;
  longTasks: number[];
}

async function detailsLoad(page: Page, url: string): Promise<DetailsLoad> {
  await page.goto(url);
  await page.waitForFunction(() => (window as { __mlaReady?: number }).__mlaReady !== undefined, null, {
    timeout: 10_000,
  });
  return page.evaluate(() => {
    const w = window as unknown as { __mlaBlock: number; __mlaReady: number; __mlaLongTasks: number[] };
    return { blockMs: w.__mlaBlock, ms: w.__mlaReady, longTasks: w.__mlaLongTasks };
  });
}

/** The card's journey as plain portal steps (no extension assertions, so both modes do the same work). */
export async function cardJourney(page: Page, origin: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${origin}/`);
  await new LoginPage(page).logIn(DEMO_CREDENTIALS);
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

/** `again`: a second tab on the baseline host, measured the same way (the A/A noise of the method). */
type Mode = 'with' | 'without' | 'again';

/** `modes` in a different order each run (A B C, B C A…), so none always goes first. */
export function rotated<T>(modes: readonly T[], run: number): T[] {
  const shift = run % modes.length;
  return [...modes.slice(shift), ...modes.slice(0, shift)];
}

/** The login form, as an operator fills it (the baseline hosts only resolve inside the browser). */
export async function logInThroughPage(page: Page, origin: string): Promise<void> {
  const login = new LoginPage(page);
  await login.goto(origin);
  await login.logIn(DEMO_CREDENTIALS);
}

/** The baseline is only one if the extension left it alone (no element of ours in the page). */
export async function expectNoExtension(page: Page): Promise<void> {
  const ours = await page.evaluate(
    () =>
      [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('mla-')).length,
  );
  if (ours > 0) {
    throw new Error(
      `bench: l’extension s’exécute sur l’hôte de référence ${new URL(page.url()).host} (${ours} éléments mla-)`,
    );
  }
}

/**
 * With and without the extension in the same browser: the mocked portal under its own origin (the
 * test build's content script runs there) and under `BASELINE_HOSTS` (which no match pattern covers).
 * Two browsers differed by up to ±10 % on the same page with no extension in either, more than the
 * budget; one browser leaves our content script as the only difference.
 */
export async function benchPageOverhead(
  context: BrowserContext,
  origin: string,
  options: { quick: boolean },
): Promise<OverheadResult> {
  const modes: { name: Mode; origin: string }[] = [
    { name: 'with', origin },
    { name: 'without', origin: baselineOrigin(origin) },
    { name: 'again', origin: baselineOrigin(origin, 1) },
  ];
  const loads: Record<Mode, number[]> = { with: [], without: [], again: [] };
  const blocks: Record<Mode, number[]> = { with: [], without: [], again: [] };
  const journeys: Record<Mode, number[]> = { with: [], without: [], again: [] };
  const longTasks: Record<Mode, number[]> = { with: [], without: [], again: [] };
  const pages = new Map<Mode, Page>();
  for (const mode of modes) {
    const page = await context.newPage();
    // On these pages only: the same browser measures the observer next.
    await page.addInitScript(watchDetails, { annotatedHost: new URL(origin).hostname, annotations: 8 });
    await logInThroughPage(page, mode.origin);
    pages.set(mode.name, page);
  }
  const detailsPath = `/services/${encodeURIComponent(CARD_SERVICE.ref)}?tab=details`;
  const loadRuns = options.quick ? 12 : 25;
  for (let i = 0; i < 3 + loadRuns; i++) {
    for (const mode of rotated(modes, i)) {
      const page = pages.get(mode.name)!;
      // The pages share one window: only the tab in front renders at full speed.
      await page.bringToFront();
      const result = await detailsLoad(page, `${mode.origin}${detailsPath}`);
      if (i === 0 && mode.name === 'without') await expectNoExtension(page);
      if (i < 3) continue; // warm-up: caches, JIT, the extension's first start
      loads[mode.name].push(result.ms);
      blocks[mode.name].push(result.blockMs);
      longTasks[mode.name].push(...result.longTasks);
    }
  }
  const journeyRuns = options.quick ? 3 : 7;
  // The A/A tab runs the journey too: its ratio is the noise the journey's budget is judged with.
  for (let i = 0; i < 1 + journeyRuns; i++) {
    for (const mode of rotated(modes, i)) {
      const reset = await context.request.post(`${origin}/__mock/reset`, { data: {} });
      if (!reset.ok()) throw new Error(`bench: /__mock/reset answered HTTP ${reset.status()}`);
      const page = pages.get(mode.name)!;
      await page.bringToFront();
      const start = performance.now();
      await cardJourney(page, mode.origin);
      if (i > 0) journeys[mode.name].push(performance.now() - start);
    }
  }
  await context.request.post(`${origin}/__mock/reset`, { data: {} });
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
        `médianes de ${loadRuns} chargements alternés dans le même navigateur (hôte couvert par l’extension / hôte de référence), ratio = médiane des ratios par paire, du début de navigation au bloc affiché (et annoté avec l’extension)`,
      ),
      figure(
        'overhead.details.block',
        'Onglet Détails : bloc affiché (annotations non attendues)',
        blocks.with,
        blocks.without,
        'mêmes chargements : ce que la présence du content script (démarrage, premier passage) retarde l’arrivée du bloc du portail, annotation non comprise',
      ),
      figure(
        'overhead.details.noise',
        'Bruit de la mesure : même page sans extension (A/A)',
        loads.again,
        loads.without,
        'un deuxième onglet sans extension (second hôte de référence), mesuré comme les autres : un écart à 1 de cet ordre dans les ratios ci-dessus est du bruit',
      ),
      figure(
        'overhead.journey',
        'Parcours complet de la fiche',
        journeys.with,
        journeys.without,
        `médianes de ${journeyRuns} parcours alternés, ratio = médiane des ratios par paire (connexion → résiliation confirmée)`,
      ),
      figure(
        'overhead.journey.noise',
        'Bruit de la mesure : même parcours sans extension (A/A)',
        journeys.again,
        journeys.without,
        'le parcours dans le deuxième onglet sans extension, alterné avec les autres : un écart à 1 de cet ordre est du bruit',
      ),
    ],
    longTasksWith: longTasks.with,
    longTasksWithout: longTasks.without,
  };
}
