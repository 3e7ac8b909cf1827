/**
 * The account-wide audit's figures (issue 14), measured in headless Chromium on the mocked portal
 * served over HTTP: the audit's own engine, readers and rules (bundled from lib/ by esbuild) run in a
 * page of the portal, with the browser's DOMParser and same-origin `fetch` — what the audit page does
 * through the GET it injects into a portal tab, minus the `executeScript` round trip.
 *
 * - `audit.cpu.median`: our CPU per audited service (parse the service page, find the Détails source,
 *   parse the Détails content, judge it), median over grand-compte services (answers fetched first).
 * - `audit.full.time`: the whole grand-compte audited, pace limit off, no added latency.
 * - `audit.latency.ratio`: with 50 ms added to every answer, 2 in flight, pace off, over a slice: the
 *   wall time divided by the ideal (requests × 50 ms ÷ 2).
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_CREDENTIALS } from '../../mocks/auth';
import { startPortalServer } from '../../mocks/server/http-server';
import { CHROMIUM_FLAGS } from '../../tests/e2e/support/chromium-extension';
import { findBrowser } from '../../tests/e2e/support/find-browser';
import { bundleForPage } from '../shared/page-bundle';
import type { Figure } from './figures';
import type { BenchOptions } from './options';
import { percentile } from './stats';

const LATENCY_MS = 50;

interface InPage {
  cpu(refs: string[], rounds: number): Promise<number[]>;
  run(startPath: string): Promise<{
    ms: number;
    phase: string;
    services: number;
    listPages: number;
    requests: number;
    ok: number;
  }>;
}

function bundle(): Promise<string> {
  return bundleForPage(resolve(import.meta.dirname, 'audit-in-page.ts'));
}

export async function benchAudit(options: BenchOptions): Promise<Figure[]> {
  const script = await bundle();
  const server = await startPortalServer({ port: 0, host: '127.0.0.1', scenario: 'grand-compte' });
  const browser = await chromium.launch({ executablePath: findBrowser('chromium'), args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/login?next=%2Fservices`);
    await page.locator('#login').fill(DEMO_CREDENTIALS.login);
    await page.locator('#password').fill(DEMO_CREDENTIALS.password);
    await page.locator('#password').press('Enter');
    await page.waitForURL(/\/services/);
    await page.addScriptTag({ content: script });
    const inPage = (fn: string, ...args: unknown[]) =>
      page.evaluate(
        ([name, list]) =>
          (
            (globalThis as unknown as { auditBench: Record<string, (...a: unknown[]) => unknown> })
              .auditBench[name as string] as (...a: unknown[]) => unknown
          )(...(list as unknown[])),
        [fn, args] as const,
      );

    const refs = server.portal.store
      .listServices({ type: 'MetaCentrex' }, 1, options.quick ? 50 : 200)
      .items.map((service) => service.ref);
    const times = (await inPage('cpu', refs, options.quick ? 2 : 5)) as Awaited<ReturnType<InPage['cpu']>>;
    const measured = times.slice(refs.length); // the first round warms the readers up
    const figures: Figure[] = [
      {
        id: 'audit.cpu.median',
        label: 'Audit : CPU par service (analyse + jugement), médiane',
        value: percentile(measured, 50),
        unit: 'ms',
        note: `${measured.length} lectures (${refs.length} services de grand-compte), p95 ${percentile(measured, 95).toFixed(2)} ms, Chromium`,
      },
    ];

    type Run = Awaited<ReturnType<InPage['run']>>;
    if (!options.quick) {
      const full = (await inPage('run', '/services?type=MetaCentrex')) as Run;
      if (full.phase !== 'done') throw new Error(`audit complet non terminé (${full.phase})`);
      figures.push({
        id: 'audit.full.time',
        label: 'Audit complet de grand-compte (rythme libre, sans latence)',
        value: full.ms / 1000,
        unit: 's',
        note: `${full.services} services MetaCentrex (${full.ok} ok), ${full.listPages} pages de liste, ${full.requests} requêtes, 2 en vol`,
      });
    }

    server.portal.setFaults({ latencyMs: LATENCY_MS });
    const slice = options.quick ? 'Garage Martin' : 'Cabinet';
    const slow = (await inPage(
      'run',
      `/services?type=MetaCentrex&client=${encodeURIComponent(slice)}`,
    )) as Run;
    server.portal.setFaults({ latencyMs: 0 });
    if (slow.phase !== 'done') throw new Error(`audit avec latence non terminé (${slow.phase})`);
    const ideal = (slow.requests * LATENCY_MS) / 2;
    figures.push({
      id: 'audit.latency.ratio',
      label: `Audit avec ${LATENCY_MS} ms de latence, 2 en vol : temps / idéal`,
      value: slow.ms / ideal,
      unit: 'ratio',
      note: `${slow.services} services (clients « ${slice} »), ${slow.requests} requêtes, ${(slow.ms / 1000).toFixed(1)} s pour ${(ideal / 1000).toFixed(1)} s idéales (requêtes × ${LATENCY_MS} ms ÷ 2)`,
    });
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}
