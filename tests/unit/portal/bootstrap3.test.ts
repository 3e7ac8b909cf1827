/**
 * The real portal's stylesheet is Bootstrap 3 (3.4.1 here, as the mock serves it): its responsive and
 * helper classes hide duplicated content by media query or class, its tooltips and popovers are
 * inserted inside the very row being read. Read with the real stylesheet, at happy-dom's width (1024px:
 * Bootstrap's `md`).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLicenceBlock } from '../../../lib/portal/licence-block';
import { readTerminationDialogs } from '../../../lib/portal/termination-dialog';
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

describe('Bootstrap 3 tooltips and popovers inside the termination dialog (container: false)', () => {
  const tip = (text: string) =>
    `<div class="tooltip fade right in" role="tooltip" style="top: 0px; left: 0px; display: block;"><div class="tooltip-arrow"></div><div class="tooltip-inner">${text}</div></div>`;
  const dialog = (subscribedLabel: string, activeLabel: string, toTerminateLabel: string) => `
    <div class="modal fade in" role="dialog" tabindex="-1" style="display: block;"><div class="modal-dialog"><div class="modal-content">
    <div class="modal-header"><button type="button" class="close" data-dismiss="modal" aria-label="Fermer"><span aria-hidden="true">×</span></button><h4 class="modal-title">Résiliation licence full</h4></div>
    <form><div class="modal-body"><table class="table"><tbody>
      <tr><td class="col-sm-6 col-md-6">${subscribedLabel}</td><td class="col-sm-6 col-md-6"><span class="js-copyable-content">2</span></td></tr>
      <tr><td class="col-sm-6 col-md-6">${activeLabel}</td><td class="col-sm-6 col-md-6"><span class="js-copyable-content">1</span></td></tr>
      <tr><td class="col-sm-6 col-md-6">${toTerminateLabel}</td><td class="col-sm-6 col-md-6"><input type="number" class="form-control" id="q" value="1"></td></tr>
    </tbody></table></div>
    <div class="modal-footer"><button type="button" class="btn btn-default" data-dismiss="modal">Annuler</button><button type="submit" class="btn btn-primary">Confirmer</button></div></form>
    </div></div></div>`;

  it.each([
    [
      'on Quantité souscrite',
      dialog(
        `<label>Quantité souscrite</label> <i data-toggle="tooltip">ⓘ</i>${tip('Souscrites depuis le 01/12/2026 : 3 au plus')}`,
        'Quantité active',
        '<label for="q">Quantité à résilier</label>',
      ),
    ],
    [
      'on Quantité active',
      dialog(
        'Quantité souscrite',
        `Quantité active <i data-toggle="tooltip">ⓘ</i>${tip('Associées à 4 numéros au plus')}`,
        '<label for="q">Quantité à résilier</label>',
      ),
    ],
    [
      'on Quantité à résilier',
      dialog(
        'Quantité souscrite',
        'Quantité active',
        `<label for="q">Quantité à résilier</label> <i data-toggle="tooltip">ⓘ</i>${tip('Quantité à résilier : 5 au plus')}`,
      ),
    ],
  ])('a tooltip %s while hovered: the quantities and the input are read as without it', (_, markup) => {
    mount(markup);
    const dialogs = readTerminationDialogs(document);
    expect(
      dialogs.map((one) => [
        one.licenceLabel,
        one.subscribed,
        one.active,
        (one.quantityInput as HTMLInputElement | null)?.id,
      ]),
    ).toEqual([['Licence full', 2, 1, 'q']]);
  });
});

describe('Bootstrap 3: a block or rows written twice for two screen sizes', () => {
  const rows = (full: string) =>
    `<tr><td>Licence simple</td><td>1 / 1</td></tr><tr><td>Licence full</td><td>${full}</td></tr>`;

  it('two blocks, one per screen size: the one shown at this width is read, never both', () => {
    mount(`<div class="panel hidden-xs hidden-sm"><div class="panel-heading">Nombre de licences</div><table class="table"><tbody>${rows('1 / 2')}</tbody></table></div>
      <div class="panel visible-xs-block visible-sm-block"><div class="panel-heading">Nombre de licences</div><table class="table"><tbody>${rows('9 / 9')}</tbody></table></div>`);
    const block = readLicenceBlock(document);
    expect(
      block?.rows.map((row) => [row.label, row.count?.active, row.count?.subscribed, row.problem]),
    ).toEqual([
      ['Licence simple', 1, 1, null],
      ['Licence full', 1, 2, null],
    ]);
  });

  it('each row twice in one table, one per screen size: one row per licence, the shown one', () => {
    mount(`<div class="panel"><div class="panel-heading">Nombre de licences</div><table class="table"><tbody>
      <tr class="visible-xs"><td>Licence full</td><td>9 / 9</td></tr><tr class="hidden-xs"><td>Licence full</td><td>1 / 2</td></tr></tbody></table></div>`);
    const block = readLicenceBlock(document);
    expect(
      block?.rows.map((row) => [row.label, row.count?.active, row.count?.subscribed, row.problem]),
    ).toEqual([['Licence full', 1, 2, null]]);
  });

  it('Bootstrap moved the count’s title « libres / total » to data-original-title: the legend still disagrees', () => {
    expect(
      readFull(
        '<span class="js-copyable-content" data-toggle="tooltip" title="" data-original-title="Licences libres / total">1 / 2</span>',
      ),
    ).toBe('legend-disagrees');
  });
});
