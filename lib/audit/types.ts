/** What the account-wide audit reads, judges, keeps and exports. Plain data: it is stored as JSON. */
import type { LicenceState, UnknownReason } from '../licences/types';
import type { ListedService } from '../portal/service-list';

export type { ListedService };

export type RowStatus = 'ok' | 'unknown' | 'error';
export type AuditPhase = 'ready' | 'running' | 'paused' | 'done' | 'cancelled';

/** Why a whole service could not be judged (its rows' own reasons are on each licence). */
export type ServiceUnknownReason =
  | 'no-details-tab' // the service page shows no "Détails" tab whose content can be located
  | 'no-licence-block' // the Détails content has no readable "Nombre de licences" block
  | 'unread-rows' // the block has rows the reader could not read (counted unknown, as on the tab)
  | 'unstyled'; // read off-screen, the numbers depend on what the page's stylesheet or script would do

/** Why a service could not be read at all (row `erreur`, with a retry). */
export type ServiceErrorReason =
  | 'network'
  | 'timeout' // no answer within the time limit (60 s), retries included
  | 'not-found'
  | 'server'
  | 'throttled'
  | 'unexpected-page';

export type RowReason = ServiceUnknownReason | UnknownReason | ServiceErrorReason;

/** One licence type of one service, as the Détails tab's badge shows it. */
export interface AuditLicence {
  label: string;
  state: LicenceState;
  subscribed: number | null;
  active: number | null;
  terminable: number | null;
  reason: UnknownReason | null;
}

export interface AuditRow {
  ref: string;
  status: RowStatus;
  /** Totals over the licences that could be read (as the Détails summary counts them). */
  terminable: number;
  sdaLinked: number;
  licences: AuditLicence[];
  /** The reason of `unknown` (the first unknown licence's, or the service's) and of `error`. */
  reason: RowReason | null;
  /** HTTP status of an error, when there was one. */
  httpStatus?: number;
}

export type PauseReason = 'user' | 'session' | 'network' | 'tab';

/** Everything an audit is, stored in extension storage so that closing its tab loses nothing. */
export interface AuditState {
  version: 1;
  origin: string;
  /** The first list page's address (the filters as the form gives them). */
  startUrl: string;
  phase: AuditPhase;
  pauseReason: PauseReason | null;
  /** The next list page to read; null once the last one was read. */
  nextListUrl: string | null;
  listPagesRead: number;
  /** The list pages' addresses read so far (a "Suivant" back to one of them ends the list). */
  listUrlsRead?: string[];
  /** Rows the list pages showed (MetaCentrex or not), to tell a list read whole from one cut short. */
  listRowsSeen?: number;
  /** "Page X sur Y" and "N services" of the first list page, for the estimate before it is all known. */
  listPagesTotal: number | null;
  expectedServices: number | null;
  /** Every MetaCentrex service found so far, in list order, each once. */
  services: ListedService[];
  /** Results by service reference. */
  rows: Record<string, AuditRow>;
  requests: number;
  /** Time spent running (pauses excluded), for the estimate of what is left. */
  runningMs: number;
  startedAt: number;
  updatedAt: number;
}

export function newAuditState(origin: string, startUrl: string, now: number): AuditState {
  return {
    version: 1,
    origin,
    startUrl,
    phase: 'ready',
    pauseReason: null,
    nextListUrl: startUrl,
    listPagesRead: 0,
    listUrlsRead: [startUrl],
    listRowsSeen: 0,
    listPagesTotal: null,
    expectedServices: null,
    services: [],
    rows: {},
    requests: 0,
    runningMs: 0,
    startedAt: now,
    updatedAt: now,
  };
}
