// @vitest-environment node
/**
 * The audit's page readers over hostile markup: the list read by its headers whatever their order and
 * whichever descriptive column is missing, an unreadable table never taken for an empty list, answers
 * cut short never judged, and the page of another service recognised.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIST_COLUMNS, readServiceList } from '../../../lib/portal/service-list';
import { looksTruncated, sameServiceRef, shownServiceRef } from '../../../lib/portal/service-page';
import { parse } from '../mocks/helpers';

const BASE = 'https://p.example/liste';
const HEADING = '<h1>Paramétrage / Monitoring</h1>';
const DESCRIPTIVE = [LIST_COLUMNS.name, LIST_COLUMNS.client, LIST_COLUMNS.account, LIST_COLUMNS.site];

function list(headers: string[], refs: string[]): string {
  const cell = (ref: string, header: string) =>
    header === LIST_COLUMNS.ref
      ? ref
      : header === LIST_COLUMNS.type
        ? 'MetaCentrex'
        : header === 'Action'
          ? `<a href="/s/${ref}">Paramétrer ›</a>`
          : `${header} ${ref}`;
  return `${HEADING}<table><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${refs
    .map((ref) => `<tr>${headers.map((h) => `<td>${cell(ref, h)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

describe('the services list over hostile markup', () => {
  it('any column order, any descriptive column missing: every service read with the cells shown', () => {
    fc.assert(
      fc.property(
        fc.subarray(DESCRIPTIVE),
        fc.array(fc.integer({ min: 1, max: 9999 }), { minLength: 1, maxLength: 8 }),
        fc.func(fc.integer()),
        (shown, numbers, order) => {
          const headers = [LIST_COLUMNS.ref, LIST_COLUMNS.type, 'Action', ...shown].sort(
            (a, b) => order(a) - order(b) || a.localeCompare(b),
          );
          const refs = [...new Set(numbers)].map((n) => `MC-${n}`);
          const page = readServiceList(parse(list(headers, refs)), BASE);
          expect(page?.services.map((service) => service.ref)).toEqual(refs);
          for (const service of page?.services ?? []) {
            expect(service.site).toBe(shown.includes(LIST_COLUMNS.site) ? `Site ${service.ref}` : '');
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it.each([
    ['no reference column', [LIST_COLUMNS.name, LIST_COLUMNS.type, 'Action']],
    ['no type column', [LIST_COLUMNS.ref, LIST_COLUMNS.name, 'Action']],
    ['headers renamed', ['Référence', 'Nom', 'Produit', 'Action']],
  ])('a table with %s is unreadable (null), never an empty list', (_name, headers) => {
    expect(readServiceList(parse(list(headers, ['MC-1'])), BASE)).toBeNull();
  });

  it('the list heading with no table at all is the empty list', () => {
    const page = readServiceList(parse(`${HEADING}<p>Aucun service ne correspond.</p>`), BASE);
    expect(page?.services).toEqual([]);
  });
});

const DETAILS = `<div><h3>Nombre de licences</h3><table><tbody><tr><td>Licence simple</td><td>1 / 1</td></tr><tr><td>Licence full</td><td>1 / 2</td></tr><tr><td>Licence SVI</td><td>1 / 1</td></tr></tbody></table></div>`;

describe('answers cut short', () => {
  it.each([
    ['a fragment', DETAILS],
    ['a document', `<!doctype html><html><body>${DETAILS}</body></html>`],
    [
      'a document with a comment and a script holding a table',
      `<html><body><!-- <table> --><script>const t = '<table>';</script>${DETAILS}</body></html>`,
    ],
  ])('%s cut anywhere inside the table is truncated; whole, it is not', (_name, markup) => {
    expect(looksTruncated(markup)).toBe(false);
    // From the table's opening tag on (a cut before it leaves no table to misread).
    const start = markup.lastIndexOf('<table>') + '<table'.length - 1;
    const end = markup.indexOf('</table>');
    fc.assert(
      fc.property(fc.integer({ min: start + 1, max: end - 1 }), (cut) => {
        expect(looksTruncated(markup.slice(0, cut))).toBe(true);
      }),
    );
  });

  it('a document cut after its tables (no closing html) is truncated', () => {
    expect(looksTruncated(`<html><body>${DETAILS}<p>Suite`)).toBe(true);
  });
});

describe('the reference a service page shows', () => {
  it.each([
    ['<table><tr><td>Réf. du service</td><td><span>MC-1</span></td></tr></table>', 'MC-1'],
    ['<dl><dt>Réf. du service :</dt><dd>MC-7</dd></dl>', 'MC-7'],
    ['<table><tr><th>Réf. du service</th><th>Nom du service</th></tr></table>', null],
    ['<p>Aucune référence ici</p>', null],
  ])('%s → %s', (markup, ref) => {
    expect(shownServiceRef(parse(markup))).toBe(ref);
  });

  it('the same reference, spaces and case aside', () => {
    expect(sameServiceRef(' mc-1\u00a0', 'MC-1')).toBe(true);
    expect(sameServiceRef('MC-12', 'MC-1')).toBe(false);
  });
});
