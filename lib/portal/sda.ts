/**
 * Which number (SDA) holds which licence, where the page shows it. The card does not say the portal
 * has such a view (the mock has a "Numéros" tab): everything here is optional for the features.
 */

import { deepest, visibleElementsMatching } from './find-by-text';
import { licenceKey, NUMBERS_TAB_LABEL, startsWithLicenceWord } from './labels';
import { phoneNumbersIn } from './sda-numbers';
import { showsPart } from './sda-partial';
import { TAB_LIKE, TABLE_LIKE } from './selectors';
import { isSafeTabToActivate } from './tab-activation';
import { foldText } from './text';
import type { SdaAssignment } from './types';
import { isHiddenByMarkup, isHiddenWithin, oneRead, visibleText } from './visibility';

const NUMBER_HEADER = /\bnumeros?\b|\bsdas?\b|^n°|^no\b|telephone|\bdid\b/;
const LICENCE_HEADER = /\blicences?\b/;
const USER_HEADER = /utilisateur|\busers?\b|collaborateur|\bnom\b|titulaire|\bposte\b|abonne/;
/** A licence (or user) cell saying there is none: `Aucune licence`, `Sans`, `—`, `N/A`. */
const NO_LICENCE = /^(aucune?|sans|pas d|non\b|n\/?a$|[-\u2013\u2014]+$)/;

/** The columns of a table that lists numbers with their licence. */
export interface NumberTableColumns {
  number: number;
  licence: number;
  user: number | null;
}

// Tag and node-type checks rather than `instanceof`: the page's elements may come from another realm
// (a content script's wrappers, a parsed document).

function ownRows(table: Element): Element[] {
  if (table.tagName === 'TABLE') return Array.from((table as HTMLTableElement).rows);
  return Array.from(table.querySelectorAll('[role="row"]')).filter(
    (row) => row.closest(TABLE_LIKE) === table,
  );
}

function cellsOf(row: Element): Element[] {
  if (row.tagName === 'TR') return Array.from((row as HTMLTableRowElement).cells);
  return Array.from(row.children).filter((cell) =>
    ['cell', 'gridcell', 'columnheader', 'rowheader'].includes(cell.getAttribute('role') ?? ''),
  );
}

function isHeaderRow(row: Element): boolean {
  const cells = cellsOf(row);
  return (
    row.parentElement?.tagName === 'THEAD' ||
    (cells.length > 0 &&
      cells.every((cell) => cell.tagName === 'TH' || cell.getAttribute('role') === 'columnheader'))
  );
}

function span(cell: Element, name: 'col' | 'row'): number {
  const value = Number(cell.getAttribute(`${name}span`) ?? cell.getAttribute(`aria-${name}span`) ?? 1);
  return Number.isInteger(value) && value > 1 ? Math.min(value, 1000) : 1;
}

/** A cell spanning rows, still covering the next `rows` rows at its columns. */
interface Carried {
  cell: Element;
  rows: number;
}

/**
 * The cell at each column of a row, as the browser lays them out: a cell spanning columns covers each
 * of them, one spanning rows (`carried`, updated) covers the rows below. Without this, a table with a
 * `colspan` or a `rowspan` would read one row's number with another column's licence.
 */
function layOut(row: Element, carried: (Carried | undefined)[]): Element[] {
  const columns: Element[] = [];
  let column = 0;
  const fillCarried = () => {
    for (let above = carried[column]; above && above.rows > 0; above = carried[column]) {
      columns[column] = above.cell;
      above.rows -= 1;
      column += 1;
    }
  };
  for (const cell of cellsOf(row)) {
    fillCarried();
    const wide = span(cell, 'col');
    const tall = span(cell, 'row');
    for (let step = 0; step < wide; step += 1) {
      columns[column] = cell;
      carried[column] = tall > 1 ? { cell, rows: tall - 1 } : undefined;
      column += 1;
    }
  }
  fillCarried();
  return columns;
}

/**
 * The header row and its columns, when the table lists numbers with a licence column. A title naming
 * both (`N° de licence`) is neither's first choice: the number column is the one naming only a number.
 */
function headerOf(table: Element): { header: Element; columns: NumberTableColumns } | null {
  const rows = ownRows(table);
  const header = rows.find(isHeaderRow) ?? rows[0];
  if (!header) return null;
  const titles = layOut(header, []).map((cell) => foldText(visibleText(cell)));
  const only = (yes: RegExp, no: RegExp, not: number) => {
    const index = titles.findIndex((title, at) => at !== not && yes.test(title) && !no.test(title));
    return index >= 0 ? index : titles.findIndex((title, at) => at !== not && yes.test(title));
  };
  const number = only(NUMBER_HEADER, LICENCE_HEADER, -1);
  const licence = only(LICENCE_HEADER, NUMBER_HEADER, number);
  if (number < 0 || licence < 0 || titles[number] === undefined) return null;
  const user = titles.findIndex(
    (title, index) => index !== number && index !== licence && USER_HEADER.test(title),
  );
  return { header, columns: { number, licence, user: user < 0 ? null : user } };
}

/** The columns when `table` is a numbers-with-licence table, else `null`. */
export function numberTableColumns(table: Element): NumberTableColumns | null {
  return headerOf(table)?.columns ?? null;
}

/** Every table under `root` (and `root` itself) that lists numbers with their licence. */
export function findNumberTables(root: ParentNode): Element[] {
  const tables = Array.from(root.querySelectorAll(TABLE_LIKE));
  if ((root as Node).nodeType === 1 && (root as Element).matches(TABLE_LIKE)) tables.unshift(root as Element);
  return tables.filter((table) => !isHiddenByMarkup(table) && headerOf(table) !== null);
}

/**
 * The licences a cell names: several when each part starts with the word "Licence" (`Licence SVI,
 * Licence full`, `… / …`, `… et …`, one per line); else the cell is one licence (`Licence full, avancée`
 * stays whole).
 */
function licencesIn(cell: string): string[] {
  const parts = cell.split(/\s*(?:[,;+/&]|\bet\b)\s*|\s+(?=licence\s)/i).filter((part) => part !== '');
  return parts.length > 1 && parts.every(startsWithLicenceWord) ? parts : [cell];
}

/** What the page shows of its numbers: those holding a licence, and whether that list is only a part. */
export interface SdaList {
  assignments: SdaAssignment[];
  /**
   * The page shows only part of its numbers (a page of several, a filter, rows still loading or not
   * readable): what is listed holds its licence, but nothing says the others hold none.
   */
  partial: boolean;
}

/**
 * Numbers shown with the licence they hold; rows without a number or without a licence are left out,
 * and a row whose number cell is not phone numbers (`N° 1`, `CMD-0001`) too — the list is then partial.
 * `tables`: the number tables to read (those under `root` by default).
 */
export function readSdaList(root: ParentNode, tables: readonly Element[] = findNumberTables(root)): SdaList {
  const assignments: SdaAssignment[] = [];
  let partial = false;
  for (const table of tables) {
    const found = headerOf(table);
    if (!found) continue;
    const { header, columns } = found;
    const carried: (Carried | undefined)[] = [];
    let rows = 0;
    for (const row of ownRows(table)) {
      // A table in a tab not shown now is still read (markup only); a row hidden inside it is not a row.
      if (row === header || isHeaderRow(row)) continue;
      const cells = layOut(row, carried);
      if (isHiddenWithin(row, table)) continue;
      rows += 1;
      const numberCell = cells[columns.number];
      const licenceCell = cells[columns.licence];
      const number = numberCell ? visibleText(numberCell) : '';
      const licence = licenceCell ? visibleText(licenceCell) : '';
      const keys = phoneNumbersIn(number);
      const none = licence === '' || NO_LICENCE.test(foldText(licence));
      if (keys !== null && (keys.length === 0 || none)) continue;
      // One cell for both (`colspan`), or digits that are not numbers: what the row holds is not known.
      if (keys === null || numberCell === licenceCell) {
        partial ||= !none || keys === null;
        continue;
      }
      const userCell = columns.user === null ? undefined : cells[columns.user];
      const user = userCell && userCell !== numberCell ? visibleText(userCell) : '';
      for (const one of licencesIn(licence))
        assignments.push({
          number,
          licenceLabel: startsWithLicenceWord(one) ? one : `Licence ${one}`,
          user: user === '' || NO_LICENCE.test(foldText(user)) ? null : user,
        });
    }
    partial ||= showsPart(table, rows);
  }
  return { assignments, partial };
}

/** `readSdaList`'s numbers only (what checks the counts: a part of the list is as good as the whole). */
export function readSdaAssignments(
  root: ParentNode,
  tables: readonly Element[] = findNumberTables(root),
): SdaAssignment[] {
  return readSdaList(root, tables).assignments;
}

/**
 * How many numbers the page shows holding each licence, each number counted once per licence (the
 * same number in two tables, or written two ways, is one number; a range is each of its numbers):
 * what checks a row's actives.
 */
export function numbersHoldingEach(assignments: readonly SdaAssignment[]): (label: string) => number {
  const seen = new Set<string>();
  const held = new Map<string, number>();
  for (const { number, licenceLabel } of assignments) {
    const key = licenceKey(licenceLabel);
    if (key === '') continue;
    // A range holds each of its numbers; a cell that is not numbers holds none the page shows for sure.
    for (const phone of phoneNumbersIn(number) ?? []) {
      const pair = `${key}|${phone}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      held.set(key, (held.get(key) ?? 0) + 1);
    }
  }
  return (label) => held.get(licenceKey(label)) ?? 0;
}

const NUMBERS_TAB = foldText(NUMBERS_TAB_LABEL);
const NUMBERS_TAB_LETTERS = new RegExp(
  Array.from(NUMBERS_TAB, (letter) => letter.replace(/\W/, '\\$&')).join('.*'),
  's',
);

/** Whether a tab's text is "Numéros", possibly with a count (`Numéros (3)`). */
function readsNumbers(element: Element): boolean {
  const text = foldText(visibleText(element));
  return text === NUMBERS_TAB || new RegExp(`^${NUMBERS_TAB}\\s*\\(\\d+\\)$`).test(text);
}

/**
 * The "Numéros" tab (role=tab, or a link in a tab list, nav or list of links), to send the operator
 * there. Only a tab or an in-page anchor qualifies (see tab-activation.ts): a "Numéros" submit button
 * or a link to another page is never returned. `null` when the page has none.
 */
export function findNumbersTab(root: ParentNode): HTMLElement | null {
  // What the operator reads of a tab is its text less its hidden parts (generated text adds digits
  // only): the page's other links and buttons (one per licence row) are not looked at further. The
  // word's letters in order, not the word: a hidden part may sit between them.
  const mayRead = (element: Element) => NUMBERS_TAB_LETTERS.test(foldText(element.textContent ?? ''));
  const matching = oneRead(() => visibleElementsMatching(root, TAB_LIKE, mayRead).filter(readsNumbers));
  // `<li role="tab"><a>Numéros</a></li>`: the link inside is what a click must reach.
  const candidates = deepest(matching).filter(isSafeTabToActivate);
  const isTab = (element: HTMLElement) => element.getAttribute('role') === 'tab';
  const inTabList = (element: HTMLElement) =>
    element.closest('[role="tablist"], nav, [role="navigation"], ul, ol, menu') !== null;
  return candidates.find(isTab) ?? candidates.find(inTabList) ?? null;
}
