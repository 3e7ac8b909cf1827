/**
 * Which number (SDA) holds which licence, where the page shows it. The card does not say the portal
 * has such a view (the mock has a "Numéros" tab): everything here is optional for the features.
 */

import { deepest, visibleElementsMatching } from './find-by-text';
import { licenceKey, NUMBERS_TAB_LABEL, startsWithLicenceWord } from './labels';
import { TAB_LIKE, TABLE_LIKE } from './selectors';
import { isSafeTabToActivate } from './tab-activation';
import { foldText } from './text';
import type { SdaAssignment } from './types';
import { isHiddenByMarkup, isHiddenWithin, visibleText } from './visibility';

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

/** The header row and its columns, when the table lists numbers with a licence column. */
function headerOf(table: Element): { header: Element; columns: NumberTableColumns } | null {
  const rows = ownRows(table);
  const header = rows.find(isHeaderRow) ?? rows[0];
  if (!header) return null;
  const titles = cellsOf(header).map((cell) => foldText(visibleText(cell)));
  const number = titles.findIndex((title) => NUMBER_HEADER.test(title));
  const licence = titles.findIndex((title, index) => index !== number && LICENCE_HEADER.test(title));
  if (number < 0 || licence < 0) return null;
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

function cellText(cells: readonly Element[], index: number): string {
  const cell = cells[index];
  return cell ? visibleText(cell) : '';
}

/**
 * The licences a cell names: several when each part starts with the word "Licence" (`Licence SVI,
 * Licence full`, one per line); else the cell is one licence (`Licence full, avancée` stays whole).
 */
function licencesIn(cell: string): string[] {
  const parts = cell.split(/\s*[,;+]\s*|\s+(?=licence\s)/i).filter((part) => part !== '');
  return parts.length > 1 && parts.every(startsWithLicenceWord) ? parts : [cell];
}

/**
 * Numbers shown with the licence they hold; rows without a number or without a licence are left out.
 * `tables`: the number tables to read (those under `root` by default).
 */
export function readSdaAssignments(
  root: ParentNode,
  tables: readonly Element[] = findNumberTables(root),
): SdaAssignment[] {
  const assignments: SdaAssignment[] = [];
  for (const table of tables) {
    const found = headerOf(table);
    if (!found) continue;
    const { header, columns } = found;
    for (const row of ownRows(table)) {
      // A table in a tab not shown now is still read (markup only); a row hidden inside it is not a row.
      if (row === header || isHeaderRow(row) || isHiddenWithin(row, table)) continue;
      const cells = cellsOf(row);
      const number = cellText(cells, columns.number);
      const licence = cellText(cells, columns.licence);
      if (!/\p{Nd}/u.test(number) || licence === '' || NO_LICENCE.test(foldText(licence))) continue;
      const user = columns.user === null ? '' : cellText(cells, columns.user);
      for (const one of licencesIn(licence))
        assignments.push({
          number,
          licenceLabel: startsWithLicenceWord(one) ? one : `Licence ${one}`,
          user: user === '' || NO_LICENCE.test(foldText(user)) ? null : user,
        });
    }
  }
  return assignments;
}

/**
 * A number's last nine digits: `+33 1 84 78 78 80` ≡ `01.84.78.78.80` ≡ `0184787880`. Digits of any
 * script count (full-width ones folded to ASCII): a number written in other digits is still a number,
 * never one key shared by all such numbers.
 */
function numberKey(number: string): string {
  return number
    .normalize('NFKC')
    .replace(/\P{Nd}/gu, '')
    .slice(-9);
}

/**
 * How many numbers the page shows holding each licence, each number counted once per licence (the
 * same number in two tables, or written two ways, is one number): what checks a row's actives.
 */
export function numbersHoldingEach(assignments: readonly SdaAssignment[]): (label: string) => number {
  const seen = new Set<string>();
  const held = new Map<string, number>();
  for (const { number, licenceLabel } of assignments) {
    const key = licenceKey(licenceLabel);
    const pair = `${key}|${numberKey(number)}`;
    if (key === '' || seen.has(pair)) continue;
    seen.add(pair);
    held.set(key, (held.get(key) ?? 0) + 1);
  }
  return (label) => held.get(licenceKey(label)) ?? 0;
}

const NUMBERS_TAB = foldText(NUMBERS_TAB_LABEL);

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
  const matching = visibleElementsMatching(root, TAB_LIKE).filter(readsNumbers);
  // `<li role="tab"><a>Numéros</a></li>`: the link inside is what a click must reach.
  const candidates = deepest(matching).filter(isSafeTabToActivate);
  const isTab = (element: HTMLElement) => element.getAttribute('role') === 'tab';
  const inTabList = (element: HTMLElement) =>
    element.closest('[role="tablist"], nav, [role="navigation"], ul, ol, menu') !== null;
  return candidates.find(isTab) ?? candidates.find(inTabList) ?? null;
}
