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

/** A count read `0 / 1` while a number holds the licence: "free / total" read as "active / subscribed"? */
const BLOCK = `<h2>Nombre de licences</h2><table><tr><td>Licence simple</td><td>1 / 1</td></tr>
  <tr><td>Licence full</td><td>0 / 1</td></tr></table>`;

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

  it.each([
    ['in the Détails content', (numbers: string) => [parsed(`${BLOCK}${numbers}`).body]],
    ['on the service page only', (numbers: string) => [parsed(BLOCK).body, parsed(numbers).body]],
  ])('numbers holding a licence check its count, as on the tab (%s)', (_, documents) => {
    const numbers = `<table><thead><tr><th>Numéro</th><th>Licence</th></tr></thead>
      <tbody><tr><td>01 84 78 78 80</td><td>Licence full</td></tr></tbody></table>`;
    const [details, page] = documents(numbers) as [HTMLElement, HTMLElement | undefined];
    const row = judgeDetails('MC-1', details, page ? [page, details] : [details]);
    expect(row.licences.map((licence) => [licence.label, licence.state, licence.reason])).toEqual([
      ['Licence simple', 'sda-linked', null],
      ['Licence full', 'unknown', 'sda-disagrees'],
    ]);
    expect([row.status, row.terminable]).toEqual(['unknown', 0]);
    if (!page) expect(row.licences).toEqual(detailsTab(details.ownerDocument).licences);
  });

  it('no block at all: unknown, no licence block', () => {
    expect(judgeDetails('MC-1', parsed('<p>Paramètres du service</p>').body)).toMatchObject({
      status: 'unknown',
      reason: 'no-licence-block',
      licences: [],
    });
  });
});
