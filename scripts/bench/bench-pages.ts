/**
 * The pages the time-to-annotate bench loads: the card's Détails block exactly as the mocked portal
 * renders it (8 rows), and a 200-row stress block in the same markup. Each page keeps its block in a
 * `<template>` (inert: the extension cannot see it) so the bench decides when the block enters the DOM.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import { type LicenceCountRow, PortalStore } from '../../mocks/data/store';
import { escapeHtml } from '../../mocks/html/html';
import { detailsBlock } from '../../mocks/pages/details-block';

function cardBlock(): { html: string; rows: number } {
  const store = new PortalStore('carte');
  const service = store.getService(CARD_SERVICE.ref);
  if (!service) throw new Error(`bench: the card service ${CARD_SERVICE.ref} is missing from scenario carte`);
  const rows = store.licenceCounts(service.ref);
  return { html: detailsBlock(service, rows, false).toString(), rows: rows.length };
}

/** 200 `Licence …` rows with varied counts (terminable, SDA-linked, none), as a portal could grow to. */
export function stressRows(count: number): LicenceCountRow[] {
  return Array.from({ length: count }, (_, i) => {
    const subscribed = i % 5;
    const active = Math.min(subscribed, i % 3);
    return {
      type: {
        label: `Licence test ${i + 1}`,
        key: `licence-test-${i + 1}`,
        tooltip: 'Licence de test (banc de mesure).',
      },
      active,
      subscribed,
    };
  });
}

function stressBlock(count: number): { html: string; rows: number } {
  const store = new PortalStore('carte');
  const service = store.getService(CARD_SERVICE.ref)!;
  return { html: detailsBlock(service, stressRows(count), false).toString(), rows: count };
}

export function benchPage(blockHtml: string, title: string): string {
  // The block is our own markup (rendered by the mock's escaping templates); the title is escaped.
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
</head>
<body><main id="bench-host"></main><template id="bench-block">${blockHtml}</template></body></html>`;
}

export interface BenchPageServer {
  origin: string;
  /** Row count of each page, by path. */
  pages: Record<string, number>;
  close(): Promise<void>;
}

/** Serves `/annotate/card` and `/annotate/stress` on localhost (the test build's content script runs there). */
export async function startBenchPageServer(stressCount = 200): Promise<BenchPageServer> {
  const card = cardBlock();
  const stress = stressBlock(stressCount);
  const bodies: Record<string, string> = {
    '/annotate/card': benchPage(card.html, 'Banc : bloc de la fiche'),
    '/annotate/stress': benchPage(stress.html, `Banc : ${stressCount} lignes`),
  };
  const server: Server = createServer((request, response) => {
    const body = bodies[new URL(request.url ?? '/', 'http://localhost').pathname];
    response.writeHead(body ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(body ?? 'introuvable');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    pages: { '/annotate/card': card.rows, '/annotate/stress': stress.rows },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
