/**
 * The audit's code in a plain Chromium page of the mocked portal (bundled by scripts/bench/audit.ts):
 * the very engine, readers and rules of the audit page, with the browser's DOMParser and same-origin
 * `fetch` (what the GET injected into the portal tab does), so the figures are the browser's, not Node's.
 */
import { AuditEngine } from '../../lib/audit/engine';
import { judgeDetails } from '../../lib/audit/judge';
import { DEFAULT_POLITE, type Fetcher, PoliteClient } from '../../lib/audit/scheduler';
import { newAuditState } from '../../lib/audit/types';
import { findDetailsSource } from '../../lib/portal/service-page';

const parse = (markup: string) => new DOMParser().parseFromString(markup, 'text/html');

const fetcher: Fetcher = async (url, signal) => {
  const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store', signal });
  return {
    status: response.status,
    url: response.url || url,
    text: await response.text(),
    retryAfter: response.headers.get('retry-after'),
  };
};

/** CPU per service: parse the service page, find its Détails source, parse and judge the Détails content. */
async function cpu(refs: string[], rounds: number): Promise<number[]> {
  const pairs: [string, string, string][] = [];
  for (const ref of refs) {
    const url = new URL(`/services/${encodeURIComponent(ref)}`, location.href).href;
    const page = await fetcher(url, new AbortController().signal);
    const source = findDetailsSource(parse(page.text), page.url);
    if (source.kind !== 'url') throw new Error(`Détails introuvable : ${ref}`);
    const details = await fetcher(source.url, new AbortController().signal);
    pairs.push([page.text, page.url, details.text]);
  }
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const [pageText, pageUrl, detailsText] of pairs) {
      const t0 = performance.now();
      const source = findDetailsSource(parse(pageText), pageUrl);
      const row = judgeDetails('x', parse(detailsText).body);
      times.push(performance.now() - t0);
      if (source.kind !== 'url' || row.status !== 'ok') throw new Error('lecture ratée');
    }
  }
  return times;
}

async function run(startPath: string) {
  const client = new PoliteClient(fetcher, { ...DEFAULT_POLITE, requestsPerSecond: 0 });
  const state = newAuditState(location.origin, new URL(startPath, location.href).href, Date.now());
  const engine = new AuditEngine(state, { client, parse, now: () => Date.now(), onChange: () => undefined });
  const t0 = performance.now();
  await engine.run();
  return {
    ms: performance.now() - t0,
    phase: state.phase,
    services: state.services.length,
    listPages: state.listPagesRead,
    requests: client.requests,
    ok: Object.values(state.rows).filter((row) => row.status === 'ok').length,
  };
}

(globalThis as unknown as { auditBench: unknown }).auditBench = { cpu, run };
