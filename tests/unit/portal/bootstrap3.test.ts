/**
 * The real portal's stylesheet is Bootstrap 3 (3.4.1 here, as the mock serves it): its responsive and
 * helper classes hide duplicated content by media query or class, its tooltips and popovers are
 * inserted inside the very row being read. Read with the real stylesheet, at happy-dom's width (1024px:
 * Bootstrap's `md`).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLicenceBlock } from '../../../lib/portal/licence-block';
import { mount } from '../fixtures/card';

const BOOTSTRAP = readFileSync('node_modules/bootstrap/dist/css/bootstrap.min.css', 'utf8');

// Parsed once for the file: the stylesheet is big.
beforeAll(() => {
  document.head.innerHTML = `<style>${BOOTSTRAP}</style>`;
});
afterAll(() => {
  document.head.innerHTML = '';
});

/** The block with `Licence full`'s count cell written as given, Bootstrap's stylesheet on; its reading. */
function readFull(
  cell: string,
  label = 'Licence full <span class="glyphicon glyphicon-info-sign"></span>',
): string {
  mount(`<div class="panel panel-default"><div class="panel-heading">Nombre de licences ⓘ</div>
    <table class="table"><tbody><tr><td class="col-sm-6 col-md-6">Licence simple</td><td class="col-sm-6 col-md-6"><span class="js-copyable-content">1 / 1</span></td></tr>
    <tr><td class="col-sm-6 col-md-6">${label}</td><td class="col-sm-6 col-md-6">${cell}</td></tr></tbody></table></div>`);
  const row = readLicenceBlock(document)?.rows.find((one) => one.label.startsWith('Licence full'));
  if (!row) return 'no row';
  return row.count ? `${row.count.active} / ${row.count.subscribed}` : (row.problem ?? '');
}

describe('Bootstrap 3 helper classes hiding a copy of the count', () => {
  it.each([
    [
      'a copy for small screens (visible-xs)',
      '<span class="visible-xs-inline">9 / 9</span><span class="hidden-xs">1 / 2</span>',
    ],
    [
      'a copy hidden at this width (hidden-md)',
      '<span class="hidden-md">9 / 9</span><span class="visible-md-inline">1 / 2</span>',
    ],
    [
      'a copy for print',
      '<span class="visible-print-inline">9 / 9</span><span class="hidden-print">1 / 2</span>',
    ],
    ['a copy hidden by .hide', '<span class="hide">9 / 9</span><span>1 / 2</span>'],
    ['a copy hidden by .hidden', '<span class="hidden">9 / 9</span><span>1 / 2</span>'],
    ['a collapsed copy', '<div class="collapse">9 / 9</div><span>1 / 2</span>'],
    ['a screen-reader copy', '<span aria-hidden="true">1 / 2</span><span class="sr-only">9 / 9</span>'],
    [
      'a tab pane not shown',
      '<div class="tab-content"><div class="tab-pane">9 / 9</div><div class="tab-pane active">1 / 2</div></div>',
    ],
  ])('%s: the count shown is read, never the hidden one', (_, cell) => {
    expect(readFull(cell)).toBe('1 / 2');
  });
});

describe('Bootstrap 3 tooltips and popovers inside the row (container: false)', () => {
  const tooltip = (text: string) =>
    `<div class="tooltip fade top in" role="tooltip" id="tooltip1" style="top: 0px; left: 0px; display: block;"><div class="tooltip-arrow"></div><div class="tooltip-inner">${text}</div></div>`;
  const popover = (text: string) =>
    `<div class="popover fade right in" role="tooltip" id="popover1" style="top: 0px; left: 0px; display: block;"><div class="arrow"></div><h3 class="popover-title">Licence full</h3><div class="popover-content">${text}</div></div>`;

  it.each([
    [
      'a tooltip on the ⓘ',
      `Licence full <i data-toggle="tooltip" aria-describedby="tooltip1" data-original-title="2 postes, 1 SDA">ⓘ</i>${tooltip('2 postes, 1 SDA')}`,
    ],
    [
      'a popover on the ⓘ',
      `Licence full <i data-toggle="popover" aria-describedby="popover1">ⓘ</i>${popover('Jusqu’à 3 / 4 appels simultanés')}`,
    ],
  ])('%s while hovered: the row keeps its count', (_, label) => {
    expect(readFull('<span class="js-copyable-content">1 / 2</span>', label)).toBe('1 / 2');
  });

  it('a tooltip on the count while hovered: the row keeps its count', () => {
    expect(
      readFull(
        `<span class="js-copyable-content" data-toggle="tooltip" aria-describedby="tooltip1" data-original-title="Actives / Souscrites">1 / 2</span>${tooltip('Actives / Souscrites : 3 / 4')}`,
      ),
    ).toBe('1 / 2');
  });

  it('a copy button that says « Copié ! » beside the count: the row keeps its count', () => {
    expect(
      readFull(
        `<span class="js-copyable-content">1 / 2</span> <button class="btn btn-xs js-copy" aria-label="Copier"><span class="glyphicon glyphicon-copy" aria-hidden="true"></span></button>${tooltip('Copié !')}<textarea style="position:absolute;left:-9999px">1 / 2</textarea>`,
      ),
    ).toBe('1 / 2');
  });
});
