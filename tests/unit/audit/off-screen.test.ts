/**
 * The audit reads fetched pages off-screen, where a browser applies no stylesheet and runs no script
 * (a `DOMParser` document has no window). Where the Détails tab's reading depends on the page's
 * classes or script, the audit must say « non reconnu », never a number the tab would not show.
 * happy-dom's parsed documents do apply `<style>`: `offScreen` takes the window away, as a browser's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeDetails } from '../../../lib/audit/judge';
import { EMPTY_MEMORY } from '../../../lib/licences/judge-page';
import { viewPage } from '../../../lib/runtime/page-view';
import { licenceBlockPage } from '../fixtures/random-block';
import { cellCases, fullCellMarkup } from '../fixtures/rendering-cases';

function offScreen(html: string): Document {
  const document = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  Object.defineProperty(document, 'defaultView', { value: null });
  return document;
}

function live(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}

const CSS = '<style>.hide { display: none; }</style>';
const ROWS = `<tr><td class="col-sm-4">Licence simple</td><td class="col-sm-6"><span class="js-copyable-content">1 / 1</span></td></tr>
  <tr><td class="col-sm-4">Licence full</td><td class="col-sm-6"><span class="js-copyable-content">1 / 3</span></td></tr>`;
const block = (rows: string) =>
  `${CSS}<div class="panel panel-default"><div class="panel-heading"><h2 class="panel-title">Nombre de licences</h2></div><table class="table"><tbody>${rows}</tbody></table></div>`;

describe('off-screen, what depends on the page’s classes or script', () => {
  it('a classed page whose classes change nothing reads as on the tab', () => {
    const row = judgeDetails('MC-1', offScreen(block(ROWS)).body);
    expect([row.status, row.terminable]).toEqual(['ok', 2]);
  });

  it.each([
    ['a template row of another licence', `<tr class="hide"><td>Licence SVI</td><td>0 / 12</td></tr>`],
    ['a stale row hidden by the page’s own class', `<tr class="old"><td>Licence SVI</td><td>0 / 5</td></tr>`],
    ['a row still loading', '<tr><td colspan="2">Chargement…</td></tr>'],
  ])('%s: non reconnu, never the sum of what may be hidden', (_, extra) => {
    const html = block(`${ROWS}${extra}`);
    const row = judgeDetails('MC-1', offScreen(html).body);
    // No number of it reaches the totals or the CSV (one « non reconnu » line, as a page without block).
    expect(row).toEqual({
      ref: 'MC-1',
      status: 'unknown',
      terminable: 0,
      sdaLinked: 0,
      licences: [],
      reason: 'unstyled',
    });
  });

  it('random blocks (stale copies hidden by classes, noise): the tab’s numbers or non reconnu', () => {
    fc.assert(
      fc.property(licenceBlockPage, (generated) => {
        const tab = viewPage(live(generated.html), EMPTY_MEMORY);
        const row = judgeDetails('MC-1', offScreen(generated.html).body);
        if (row.status !== 'ok') return;
        expect(tab.summary.unknownCount).toBe(0);
        expect(row.licences).toEqual(tab.rows.map((view) => view.assessment));
        expect(row.terminable).toBe(tab.summary.terminableTotal);
      }),
      { numRuns: 25 },
    );
  });
});

describe('off-screen, what the markup alone says', () => {
  // Without a stylesheet, what the tab reads comes from attributes and inline styles only: a browser's
  // parsed document holds both, so the audit must read every shared hostile cell as the tab does.
  it.each(cellCases().map((one) => [one.name, one]))('%s: as on the tab', (_, one) => {
    const html = fullCellMarkup(one.cell, one.label, one.attributes);
    document.head.innerHTML = '';
    document.body.innerHTML = html;
    const tab = judgeDetails('MC-1', document.body);
    expect(judgeDetails('MC-1', offScreen(html).body)).toEqual(tab);
  });
});
