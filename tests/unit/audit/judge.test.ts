/**
 * The audit's verdict is the Détails tab's: for any block a portal might render (random layouts,
 * noise, invalid counts), and with a legend, `judgeDetails` gives the same per-licence assessments and
 * totals as the content script's `viewPage` on the same markup.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeDetails } from '../../../lib/audit/judge';
import { EMPTY_MEMORY } from '../../../lib/licences/judge-page';
import { viewPage } from '../../../lib/runtime/page-view';
import { licenceBlockPage } from '../fixtures/random-block';

function parsed(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}

function detailsTab(document: Document) {
  const page = viewPage(document, EMPTY_MEMORY);
  return {
    recognised: page.block !== null && page.rows.length > 0,
    licences: page.rows.map((view) => view.assessment),
    summary: page.summary,
  };
}

describe('judgeDetails equals the Détails tab', () => {
  it('on random blocks: same assessments, same totals, unknown where the tab says unknown', () => {
    fc.assert(
      fc.property(licenceBlockPage, (block) => {
        const document = parsed(block.html);
        const tab = detailsTab(document);
        const row = judgeDetails('MC-1', document.body);
        if (!tab.recognised) {
          expect(row.status).toBe('unknown');
          expect(row.reason).toBe('no-licence-block');
          return;
        }
        expect(row.licences).toEqual(tab.licences);
        expect(row.terminable).toBe(tab.summary.terminableTotal);
        expect(row.sdaLinked).toBe(tab.summary.sdaLinkedTotal);
        expect(row.status === 'unknown').toBe(tab.summary.unknownCount > 0);
      }),
      { numRuns: 60 },
    );
  });

  it('a legend giving another meaning makes every licence unknown, as on the tab', () => {
    const html = `<h2>Nombre de licences (licences libres / total)</h2><table><tr><td>Licence full</td><td>1 / 2</td></tr></table>`;
    const document = parsed(html);
    const row = judgeDetails('MC-1', document.body);
    expect(row.licences).toEqual(detailsTab(document).licences);
    expect(row.licences[0]?.reason).toBe('legend-disagrees');
    expect(row.status).toBe('unknown');
  });

  it('no block at all: unknown, no licence block', () => {
    expect(judgeDetails('MC-1', parsed('<p>Paramètres du service</p>').body)).toMatchObject({
      status: 'unknown',
      reason: 'no-licence-block',
      licences: [],
    });
  });
});
