/**
 * What the audit page shows, computed from the stored state (pure, tested without a browser):
 * totals, progress with the estimate of what is left, the licence columns, the filter and the sort.
 */
import { KNOWN_LICENCE_TYPES, sameLicence } from '../portal/labels';
import { pendingServices } from './engine';
import type { AuditLicence, AuditRow, AuditState, ListedService } from './types';

export interface AuditTotals {
  /** Services judged (ok, unknown or error). */
  done: number;
  /** Services found so far, or the count the first list page announced when larger. */
  total: number;
  terminable: number;
  sdaLinked: number;
  unknown: number;
  errors: number;
  /**
   * Some judged service was not read whole (unknown licences, or an error): `terminable` and
   * `sdaLinked` only count what was read, so they are "at least" figures.
   */
  lowerBound: boolean;
}

export function auditTotals(state: AuditState): AuditTotals {
  let terminable = 0;
  let sdaLinked = 0;
  let unknown = 0;
  let errors = 0;
  let done = 0;
  for (const service of state.services) {
    const row = state.rows[service.ref];
    if (!row) continue;
    done += 1;
    terminable += row.terminable;
    sdaLinked += row.sdaLinked;
    if (row.status === 'unknown') unknown += 1;
    if (row.status === 'error') errors += 1;
  }
  const announced = state.nextListUrl !== null ? (state.expectedServices ?? 0) : 0;
  return {
    done,
    total: Math.max(state.services.length, announced),
    terminable,
    sdaLinked,
    unknown,
    errors,
    lowerBound: unknown + errors > 0,
  };
}

/**
 * Whether the list, read to its end, showed fewer pages or rows than its first page announced ("Page 1
 * sur 5", "120 services"): a "Suivant" that skipped a page, a list changed while it was read, or rows
 * filled in by a script. Services may be missing from the results: the page says so.
 */
export function listIncomplete(state: AuditState): boolean {
  if (state.nextListUrl !== null || state.listPagesRead === 0) return false;
  if (state.listPagesTotal !== null && state.listPagesRead < state.listPagesTotal) return true;
  const seen = state.listRowsSeen;
  return seen !== undefined && state.expectedServices !== null && seen < state.expectedServices;
}

/** Requests still to send: two per pending service, one per list page not read yet. */
export function requestsLeft(state: AuditState): number {
  const { total, done } = auditTotals(state);
  const listPagesLeft =
    state.nextListUrl === null
      ? 0
      : Math.max(1, (state.listPagesTotal ?? state.listPagesRead + 1) - state.listPagesRead);
  return Math.max(0, total - done) * 2 + listPagesLeft;
}

/**
 * Time left in ms, from the pace seen so far (time running ÷ requests sent); before any request,
 * from the pace limit (`requestsPerSecond`, 0: unknown). null when it cannot be told.
 */
export function timeLeftMs(state: AuditState, runningMs: number, requestsPerSecond: number): number | null {
  const left = requestsLeft(state);
  if (left === 0) return 0;
  if (state.requests >= 4 && runningMs > 0) return Math.round((runningMs / state.requests) * left);
  return requestsPerSecond > 0 ? Math.round((left / requestsPerSecond) * 1000) : null;
}

/** The licence types seen in the rows: the card's order first, then the others as met. */
export function licenceColumns(rows: readonly AuditRow[]): string[] {
  const seen: string[] = [];
  for (const row of rows)
    for (const licence of row.licences)
      if (!seen.some((label) => sameLicence(label, licence.label))) seen.push(licence.label);
  const known = KNOWN_LICENCE_TYPES.filter((label) => seen.some((other) => sameLicence(other, label)));
  const others = seen.filter((label) => !KNOWN_LICENCE_TYPES.some((known) => sameLicence(known, label)));
  return [...known, ...others];
}

export function licenceOf(row: AuditRow, label: string): AuditLicence | undefined {
  return row.licences.find((licence) => sameLicence(licence.label, label));
}

export type SortKey =
  | 'ref'
  | 'name'
  | 'client'
  | 'account'
  | 'site'
  | 'terminable'
  | 'sdaLinked'
  | 'status'
  | `licence:${string}`;
export interface SortOrder {
  key: SortKey;
  descending: boolean;
}

export interface ShownRow {
  service: ListedService;
  row: AuditRow;
}

const STATUS_ORDER = { error: 0, unknown: 1, ok: 2 } as const;
const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

function sortValue(shown: ShownRow, key: SortKey): string | number {
  if (key.startsWith('licence:')) return licenceOf(shown.row, key.slice('licence:'.length))?.terminable ?? -1;
  switch (key) {
    case 'terminable':
      return shown.row.terminable;
    case 'sdaLinked':
      return shown.row.sdaLinked;
    case 'status':
      return STATUS_ORDER[shown.row.status];
    default:
      return shown.service[key as 'ref' | 'name' | 'client' | 'account' | 'site'];
  }
}

/** The judged rows, in list order unless sorted, optionally only those with something terminable. */
export function shownRows(state: AuditState, onlyTerminable: boolean, sort: SortOrder | null): ShownRow[] {
  const rows: ShownRow[] = [];
  for (const service of state.services) {
    const row = state.rows[service.ref];
    if (!row || (onlyTerminable && row.terminable <= 0)) continue;
    rows.push({ service, row });
  }
  if (!sort) return rows;
  const sign = sort.descending ? -1 : 1;
  return rows
    .map((shown, index) => ({ shown, index, value: sortValue(shown, sort.key) }))
    .sort((a, b) => {
      const order =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : collator.compare(String(a.value), String(b.value));
      return order !== 0 ? sign * order : a.index - b.index;
    })
    .map(({ shown }) => shown);
}

export function hasPending(state: AuditState): boolean {
  return state.nextListUrl !== null || pendingServices(state).length > 0;
}
