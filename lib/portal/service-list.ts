/**
 * Reading the "Paramétrage / Monitoring" list (for the account-wide audit): the results table found by
 * its column headers, each MetaCentrex row's "Paramétrer" link, the pagination's "Suivant" link, and
 * the filter form turned into the GET address it would load. Labels and structure only: the portal's
 * URLs are whatever its links and form say.
 */
import { foldText, normaliseText } from './text';
import { isHiddenByMarkup, visibleText } from './visibility';

/** The card's column headers (`Réf. du service` …); only the first five and the type are needed. */
export const LIST_COLUMNS = {
  ref: 'Réf. du service',
  name: 'Nom du service',
  client: 'Client',
  account: 'Compte client',
  site: 'Site',
  type: 'Type de service',
} as const;
export type ListColumn = keyof typeof LIST_COLUMNS;

export const METACENTREX = 'MetaCentrex';
export const CONFIGURE_LINK = 'Paramétrer';
/** Texts a "next page" link may show: `Suivant`, `Page suivante`, `Suivant ›`, `›`, `»`. */
const NEXT_TEXTS = new Set([
  'suivant',
  'suivante',
  'page suivante',
  '>',
  '›',
  '»',
  'suivant >',
  'suivant ›',
  'suivant »',
]);

export interface ListedService {
  ref: string;
  name: string;
  client: string;
  account: string;
  site: string;
  /** Absolute address of the row's "Paramétrer" link. */
  url: string;
}

export interface ServiceListPage {
  /** MetaCentrex rows with a "Paramétrer" link, in the table's order. */
  services: ListedService[];
  /** Rows of the table that are not MetaCentrex, or MetaCentrex rows without a usable link. */
  skipped: number;
  /** The absolute address of the "Suivant" link, null on the last page (or without pagination). */
  next: string | null;
  /** "Page X sur Y", when the page says it. */
  pages: { current: number; total: number } | null;
  /** "N services", when the page says it (all pages together). */
  total: number | null;
}

/** A same-origin absolute address for an `href`, or null (other origins, `javascript:`, fragments). */
export function sameOriginUrl(href: string | null, base: string): string | null {
  if (!href || href.startsWith('#')) return null;
  try {
    const url = new URL(href, base);
    const origin = new URL(base).origin;
    if (url.origin !== origin || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/** The table's own rows (not a nested table's), without the table DOM API (some DOMs lack it). */
function rowsOf(table: Element): HTMLTableRowElement[] {
  return Array.from(table.querySelectorAll<HTMLTableRowElement>('tr')).filter(
    (row) => row.closest('table') === table,
  );
}

function cellsOf(row: Element): HTMLElement[] {
  return Array.from(row.children).filter(
    (cell) => cell.tagName === 'TD' || cell.tagName === 'TH',
  ) as HTMLElement[];
}

function headerRow(table: Element): HTMLTableRowElement | null {
  const rows = rowsOf(table);
  return rows.find((row) => row.parentElement?.tagName === 'THEAD') ?? rows[0] ?? null;
}

function headerCells(table: HTMLTableElement): HTMLElement[] {
  const head = headerRow(table);
  return head ? cellsOf(head) : [];
}

/** The columns without which a row cannot be audited: which service, and whether it is MetaCentrex. */
const REQUIRED_COLUMNS: readonly ListColumn[] = ['ref', 'type'];

/**
 * Column index per column name (-1: not shown), when the table has the columns the audit needs. The
 * others only describe the service: a portal that drops or renames one still lists its services.
 */
function columnsOf(table: HTMLTableElement): Record<ListColumn, number> | null {
  const folded = headerCells(table).map((cell) => foldText(visibleText(cell)));
  const found = {} as Record<ListColumn, number>;
  for (const [column, label] of Object.entries(LIST_COLUMNS) as [ListColumn, string][]) {
    const index = folded.indexOf(foldText(label));
    if (index < 0 && REQUIRED_COLUMNS.includes(column)) return null;
    found[column] = index;
  }
  return found;
}

/** The visible table whose headers are the list's columns. */
export function findServicesTable(
  root: ParentNode,
): { table: HTMLTableElement; columns: Record<ListColumn, number> } | null {
  for (const table of Array.from(root.querySelectorAll('table'))) {
    if (isHiddenByMarkup(table)) continue;
    const columns = columnsOf(table);
    if (columns) return { table, columns };
  }
  return null;
}

/** The row's link reading "Paramétrer" (`Paramétrer >`, `Paramétrer ›`…). */
function configureLink(row: HTMLTableRowElement): HTMLAnchorElement | null {
  const wanted = foldText(CONFIGURE_LINK);
  for (const link of Array.from(row.querySelectorAll('a[href]'))) {
    const text = foldText(visibleText(link)).replace(/[\s>›»]+$/u, '');
    if (text === wanted) return link as HTMLAnchorElement;
  }
  return null;
}

function cellText(row: HTMLTableRowElement, index: number): string {
  const cell = index < 0 ? undefined : cellsOf(row)[index];
  return cell ? normaliseText(visibleText(cell)) : '';
}

/** The pagination's next link: an enabled link whose text is "Suivant" (or an arrow) with a real address. */
function nextLink(root: ParentNode, base: string): string | null {
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    const text = foldText(
      visibleText(link) || link.getAttribute('aria-label') || link.getAttribute('title') || '',
    );
    if (!NEXT_TEXTS.has(text) && !text.startsWith('page suivante')) continue;
    if (isHiddenByMarkup(link) || link.getAttribute('aria-disabled') === 'true') continue;
    if (link.closest('.disabled, [aria-disabled="true"]')) continue;
    const url = sameOriginUrl(link.getAttribute('href'), base);
    if (url && url !== new URL(base).href) return url;
  }
  return null;
}

function pageStatus(root: ParentNode): { current: number; total: number } | null {
  const text = foldText(
    (root as Document).body ? visibleText((root as Document).body) : visibleText(root as Node),
  );
  const match = /\bpage (\d+) (?:sur|\/) (\d+)\b/.exec(text);
  return match ? { current: Number(match[1]), total: Number(match[2]) } : null;
}

function totalCount(root: ParentNode, table: HTMLTableElement | null): number | null {
  // "N services" written near the table (before it), e.g. `2 046 services`.
  const candidates = Array.from(root.querySelectorAll('p, span, div, caption, h2, h3, h4'));
  for (const element of candidates) {
    if (element.childElementCount > 0 || table?.contains(element)) continue;
    const match = /^(\d[\d\s\u00a0\u202f]*) services?(?: trouves?)?$/.exec(
      foldText(element.textContent ?? ''),
    );
    if (match?.[1]) return Number(match[1].replace(/\D/g, ''));
  }
  return null;
}

/** Reads one page of the list. `url` is the page's own address (links are resolved against it). */
export function readServiceList(root: Document, url: string): ServiceListPage | null {
  const found = findServicesTable(root);
  // A list page without a table: no service matches the filters (or it is not the list at all). A
  // table that is there but not readable as the list is not an empty list: the audit must not end on it.
  if (!found)
    return hasListHeading(root) && !hasVisibleTable(root)
      ? { services: [], skipped: 0, next: null, pages: null, total: totalCount(root, null) }
      : null;
  const { table, columns } = found;
  const services: ListedService[] = [];
  let skipped = 0;
  const head = headerRow(table);
  for (const row of rowsOf(table)) {
    if (
      row === head ||
      row.parentElement?.tagName === 'THEAD' ||
      cellsOf(row).length <= Math.max(columns.type, columns.ref)
    )
      continue;
    if (isHiddenByMarkup(row)) continue;
    if (foldText(cellText(row, columns.type)) !== foldText(METACENTREX)) {
      skipped += 1;
      continue;
    }
    const link = configureLink(row);
    const serviceUrl = link ? sameOriginUrl(link.getAttribute('href'), url) : null;
    const ref = cellText(row, columns.ref);
    if (!serviceUrl || !ref) {
      skipped += 1;
      continue;
    }
    services.push({
      ref,
      name: cellText(row, columns.name),
      client: cellText(row, columns.client),
      account: cellText(row, columns.account),
      site: cellText(row, columns.site),
      url: serviceUrl,
    });
  }
  return {
    services,
    skipped,
    next: nextLink(root, url),
    pages: pageStatus(root),
    total: totalCount(root, table),
  };
}

function hasVisibleTable(root: ParentNode): boolean {
  return Array.from(root.querySelectorAll('table')).some((table) => !isHiddenByMarkup(table));
}

export const LIST_HEADING = 'Paramétrage / Monitoring';

/** Whether the page is headed "Paramétrage / Monitoring" (a heading or the breadcrumb's last item). */
export function hasListHeading(root: Document): boolean {
  const wanted = foldText(LIST_HEADING);
  return Array.from(root.querySelectorAll('h1, h2, h3, .breadcrumb li, [aria-current="page"]')).some(
    (element) => foldText(visibleText(element)) === wanted,
  );
}

/** A form field's label text (a `<label for>`, a wrapping label, `aria-label`). */
function labelOf(field: Element, root: ParentNode): string {
  const id = field.getAttribute('id');
  if (id) {
    for (const label of Array.from(root.querySelectorAll('label'))) {
      if (label.getAttribute('for') === id) return visibleText(label);
    }
  }
  const wrapping = field.closest('label');
  if (wrapping) return visibleText(wrapping);
  return field.getAttribute('aria-label') ?? '';
}

/** The filter form: a GET form holding a field labelled "Type de service" (the list's own filter). */
export function findFilterForm(root: Document): HTMLFormElement | null {
  const wanted = foldText(LIST_COLUMNS.type);
  for (const form of Array.from(root.querySelectorAll('form'))) {
    const fields = Array.from(form.querySelectorAll('input, select'));
    if (fields.some((field) => foldText(labelOf(field, root)) === wanted)) return form as HTMLFormElement;
  }
  return null;
}

export type FilterAddress =
  | { kind: 'ok'; url: string; narrowedToMetaCentrex: boolean }
  | { kind: 'no-form' }
  | { kind: 'not-get' };

/**
 * The address the filter form loads with its current values (what "Rechercher" would open), without
 * submitting anything. When "Type de service" is "Tous" and offers "MetaCentrex", the audit asks for
 * MetaCentrex only: fewer list pages, same services. A form that is not a GET is never used.
 */
export function filterFormAddress(root: Document, pageUrl: string): FilterAddress {
  const form = findFilterForm(root);
  if (!form) return { kind: 'no-form' };
  const method = (form.getAttribute('method') ?? 'get').toLowerCase();
  if (method !== 'get') return { kind: 'not-get' };
  const action = sameOriginUrl(form.getAttribute('action') || pageUrl, pageUrl);
  if (!action) return { kind: 'no-form' };
  const url = new URL(action);
  url.search = '';
  let narrowed = false;
  const typeLabel = foldText(LIST_COLUMNS.type);
  for (const field of Array.from(
    form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'),
  )) {
    const name = field.getAttribute('name');
    if (!name || field.disabled) continue;
    const type = (field.getAttribute('type') ?? '').toLowerCase();
    if (['submit', 'button', 'reset', 'image', 'file', 'password'].includes(type)) continue;
    if ((type === 'checkbox' || type === 'radio') && !(field as HTMLInputElement).checked) continue;
    let value = field.value;
    if (field.tagName === 'SELECT' && value === '' && foldText(labelOf(field, root)) === typeLabel) {
      const option = Array.from((field as HTMLSelectElement).options).find(
        (candidate) => foldText(candidate.text) === foldText(METACENTREX),
      );
      if (option) {
        value = option.value;
        narrowed = true;
      }
    }
    url.searchParams.append(name, value);
  }
  return { kind: 'ok', url: url.href, narrowedToMetaCentrex: narrowed };
}
