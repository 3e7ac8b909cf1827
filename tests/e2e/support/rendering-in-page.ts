/**
 * Bundled for the page by tests/e2e/rendering-browsers.spec.ts: reads every hostile markup of the unit
 * tables (tests/unit/fixtures/rendering-cases.ts) with the extension's own readers, in a real browser's
 * CSS and layout, and reports each reading. One page, every case in turn.
 */
import { readLicenceBlock } from '../../../lib/portal/licence-block';
import { readTerminationDialogs } from '../../../lib/portal/termination-dialog';
import { detailsPage } from '../../unit/fixtures/card';
import { modalMarkup } from '../../unit/fixtures/dialog';
import {
  CONTROL_CASES,
  cellCases,
  DIALOG_QUANTITIES_READ,
  DIALOG_QUANTITIES_UNREAD,
  fullCellMarkup,
  GENERATED_CASES,
  LAYOUT_CASES,
  POSITION_CASES,
  QUANTITY_CSS,
  QUANTITY_FIELDS,
  TABLE_CASES,
} from '../../unit/fixtures/rendering-cases';

export interface Reading {
  name: string;
  got: string;
  expected: readonly string[];
}

/** Test harness only: the page's markup is the test's own, never text from a page. */
function show(css: string, html: string): void {
  document.head.innerHTML = css ? `<style>${css}</style>` : '';
  document.body.innerHTML = detailsPage(html);
}

function readFull(): string {
  const row = readLicenceBlock(document)?.rows.find((one) => one.label.startsWith('Licence full'));
  if (!row) return 'no row';
  return row.count ? `${row.count.active} / ${row.count.subscribed}` : (row.problem ?? '');
}

function dialogReading(): string {
  const [dialog] = readTerminationDialogs(document);
  if (!dialog) return 'no dialog';
  return `${dialog.subscribed} ${dialog.active} ${dialog.quantityInput?.id ?? null}`;
}

function readAll(): Reading[] {
  const readings: Reading[] = [];
  for (const one of [
    ...cellCases(),
    ...GENERATED_CASES,
    ...LAYOUT_CASES,
    ...CONTROL_CASES,
    ...POSITION_CASES,
    ...TABLE_CASES,
  ]) {
    show(one.css, fullCellMarkup(one.cell, one.label, one.attributes, one.columns));
    readings.push({ name: one.name, got: readFull(), expected: one.expected });
  }
  for (const [name, subscribed, active] of DIALOG_QUANTITIES_UNREAD) {
    show('', modalMarkup({ subscribed, active }));
    readings.push({ name: `dialog unread: ${name}`, got: dialogReading(), expected: ['null null qty'] });
  }
  for (const [name, subscribed, active, [s, a]] of DIALOG_QUANTITIES_READ) {
    show('', modalMarkup({ subscribed, active }));
    readings.push({ name: `dialog read: ${name}`, got: dialogReading(), expected: [`${s} ${a} qty`] });
  }
  for (const [name, field, id] of QUANTITY_FIELDS) {
    show(QUANTITY_CSS, modalMarkup({ field }));
    readings.push({ name: `quantity: ${name}`, got: dialogReading(), expected: [`2 1 ${id}`] });
  }
  return readings;
}

(globalThis as { readRenderingCases?: () => Reading[] }).readRenderingCases = readAll;
