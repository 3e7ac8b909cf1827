/**
 * The audit itself: reads the list pages one after the other through their "Suivant" links, and each
 * MetaCentrex service (its page, then its Détails content the way the page loads it) with at most two
 * requests in flight. Every result goes into the state at once, keyed by service reference, and the
 * next list page is remembered only after its services are: a resume after a pause, an expired
 * session or a closed tab reads each service exactly once, none left out.
 */
import { readServiceList } from '../portal/service-list';
import {
  findDetailsSource,
  isLoginPage,
  looksTruncated,
  sameServiceRef,
  shownServiceRef,
} from '../portal/service-page';
import { judgeDetails } from './judge';
import { nextTask } from './next-task';
import { FetchStopped, FetchTimedOut, NotStarted, type PoliteClient, type PoliteResult } from './scheduler';
import type { AuditRow, AuditState, ListedService, PauseReason, ServiceErrorReason } from './types';

export interface EngineDeps {
  client: PoliteClient;
  /** Parses an answer off-screen (DOMParser): nothing is run, nothing is shown. */
  parse(markup: string): Document;
  now(): number;
  /** Called after every change of the state (the caller stores and shows it). */
  onChange(state: AuditState): void;
}

class SessionExpired extends Error {}
class Cancelled extends Error {}

function errorReason(status: number): ServiceErrorReason {
  if (status === 404 || status === 410) return 'not-found';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'server';
  return 'unexpected-page';
}

function errorRow(ref: string, reason: ServiceErrorReason, httpStatus?: number): AuditRow {
  return {
    ref,
    status: 'error',
    terminable: 0,
    sdaLinked: 0,
    licences: [],
    reason,
    ...(httpStatus ? { httpStatus } : {}),
  };
}

/** Whether an answer is a page to read: HTML (or a fragment of it), or of a type not told. */
function isMarkup(contentType: string | null | undefined): boolean {
  return !contentType || /\b(?:text\/html|application\/xhtml\+xml)\b/i.test(contentType);
}

/** Pending services: found, not yet judged (errors count as judged: they wait for a retry). */
export function pendingServices(state: AuditState): ListedService[] {
  return state.services.filter((service) => !(service.ref in state.rows));
}

export function isFinished(state: AuditState): boolean {
  return state.nextListUrl === null && pendingServices(state).length === 0;
}

export class AuditEngine {
  private controller: AbortController | null = null;
  private pauseAsked: PauseReason | null = null;
  private claimed = new Set<string>();
  private listBusy = false;
  private runStartedAt = 0;
  private running: Promise<void> | null = null;

  constructor(
    public state: AuditState,
    private readonly deps: EngineDeps,
  ) {
    this.baseRequests = state.requests - deps.client.requests;
  }

  /**
   * Reads the first list page before the audit starts (phase stays `ready`), so the user sees how
   * many services and requests it will be before confirming. Its services are kept: not read twice.
   */
  async prepare(): Promise<'ok' | 'session' | 'network' | 'tab'> {
    if (this.state.listPagesRead > 0 || this.state.nextListUrl === null) return 'ok';
    const controller = new AbortController();
    this.controller = controller;
    try {
      await this.readListPage(this.state.nextListUrl, controller.signal);
      return 'ok';
    } catch (error) {
      if (error instanceof SessionExpired) return 'session';
      return error instanceof FetchStopped ? 'tab' : 'network';
    }
  }

  private baseRequests = 0;
  private changed(): void {
    this.state.updatedAt = this.deps.now();
    this.state.requests = this.baseRequests + this.deps.client.requests;
    this.deps.onChange(this.state);
  }

  /** Starts or resumes; resolves when the audit stops (done, paused or cancelled). */
  run(): Promise<void> {
    if (this.running) return this.running;
    if (this.state.phase === 'done' || this.state.phase === 'cancelled') return Promise.resolve();
    this.controller = new AbortController();
    this.pauseAsked = null;
    this.state.phase = 'running';
    this.state.pauseReason = null;
    this.runStartedAt = this.deps.now();
    this.changed();
    const signal = this.controller.signal;
    // One worker more than the requests allowed in flight: while a worker parses and judges what came
    // back, another's request takes the freed slot, so our own work is off the requests' path (the
    // slots, not the workers, keep the requests in flight at two).
    const starting = () => !signal.aborted && this.pauseAsked === null;
    const workers = Array.from({ length: this.deps.client.concurrency + 1 }, () =>
      this.guardedWorker(signal, starting),
    );
    this.running = Promise.all(workers)
      .then(() => this.settle())
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** A worker that meets an expired session or a list page it cannot read asks every worker to stop. */
  private async guardedWorker(signal: AbortSignal, starting: () => boolean): Promise<void> {
    try {
      await this.worker(signal, starting);
    } catch (error) {
      if (signal.aborted || error instanceof NotStarted) return;
      if (error instanceof SessionExpired) this.pauseAsked = 'session';
      else if (error instanceof FetchStopped) this.pauseAsked ??= 'tab';
      else if (this.pauseAsked !== 'session') this.pauseAsked = 'network';
    }
  }

  private settle(): void {
    this.state.runningMs += this.deps.now() - this.runStartedAt;
    this.claimed.clear();
    this.listBusy = false;
    if (this.state.phase === 'cancelled') {
      this.changed();
      return;
    }
    if (this.pauseAsked) {
      this.state.phase = 'paused';
      this.state.pauseReason = this.pauseAsked;
    } else {
      this.state.phase = isFinished(this.state) ? 'done' : 'paused';
      if (this.state.phase === 'paused') this.state.pauseReason = 'network';
    }
    this.changed();
  }

  /** No new request starts; requests in flight finish and their results are kept. */
  pause(): void {
    if (this.state.phase !== 'running') return;
    this.pauseAsked = 'user';
  }

  /** Stops now: requests in flight are dropped, what was read stays in the results. */
  async cancel(): Promise<void> {
    const wasRunning = this.running;
    this.state.phase = 'cancelled';
    this.controller?.abort(new Cancelled('cancelled'));
    if (wasRunning) await wasRunning.catch(() => undefined);
    else this.changed();
  }

  /** Reads a service again (a row in error): it becomes pending and the audit runs for it. */
  retry(ref: string): Promise<void> {
    const row = this.state.rows[ref];
    if (row?.status !== 'error') return this.running ?? Promise.resolve();
    delete this.state.rows[ref];
    if (this.state.phase === 'done') this.state.phase = 'paused';
    this.changed();
    if (this.state.phase === 'cancelled') return Promise.resolve();
    return this.run();
  }

  /** Wakes the workers waiting for a list page or a service in flight (see `idle`). */
  private wake(): void {
    for (const resolve of this.sleepers.splice(0)) resolve();
  }
  private sleepers: (() => void)[] = [];
  private idle(): Promise<void> {
    return new Promise((resolve) => {
      this.sleepers.push(resolve);
      setTimeout(resolve, 250); // a safety net: a wake-up is never needed to go on
    });
  }

  private unclaimed(): ListedService[] {
    return pendingServices(this.state).filter((candidate) => !this.claimed.has(candidate.ref));
  }

  /**
   * `starting`: whether a new service or list page may still be asked for when its request's turn comes
   * (not after a pause was asked: a request withdrawn then leaves its service pending, to be read on resume).
   */
  private async worker(signal: AbortSignal, starting: () => boolean): Promise<void> {
    for (;;) {
      if (signal.aborted || this.pauseAsked) return;
      const waiting = this.unclaimed();
      // The next list page is read before the services run out, so both slots stay busy.
      if (this.state.nextListUrl !== null && !this.listBusy && waiting.length < 4) {
        this.listBusy = true;
        try {
          await this.readListPage(this.state.nextListUrl, signal, starting);
        } finally {
          this.listBusy = false;
          this.wake();
        }
        continue;
      }
      const service = waiting[0];
      if (service) {
        this.claimed.add(service.ref);
        try {
          const row = await this.readService(service, signal, starting);
          if (!signal.aborted) {
            this.state.rows[service.ref] = row;
            this.changed();
          }
        } finally {
          this.claimed.delete(service.ref);
          this.wake();
        }
        continue;
      }
      // Nothing to take now: more may come from a list page being read, or from a service that fails.
      if (this.listBusy || this.claimed.size > 0) {
        await this.idle();
        continue;
      }
      return;
    }
  }

  private async get(url: string, signal: AbortSignal, starting?: () => boolean): Promise<PoliteResult> {
    const result = await this.deps.client.get(url, signal, starting);
    // The slot this answer freed goes to a waiting request first, then we parse and judge it.
    await nextTask();
    this.changed();
    return result;
  }

  private async readListPage(url: string, signal: AbortSignal, starting?: () => boolean): Promise<void> {
    const result = await this.get(url, signal, starting);
    if (result.kind === 'network') throw new Error('network');
    const { fetched } = result;
    if (fetched.status === 401) throw new SessionExpired();
    if (fetched.status < 200 || fetched.status > 299) throw new Error(`list ${fetched.status}`);
    if (this.offSite(fetched.url)) throw new SessionExpired();
    if (!isMarkup(fetched.contentType)) throw new Error('list page not HTML');
    const document = this.deps.parse(fetched.text);
    if (isLoginPage(document)) throw new SessionExpired();
    if (looksTruncated(fetched.text)) throw new Error('list page cut short');
    const page = readServiceList(document, fetched.url);
    if (!page) throw new Error('not a list page');
    if (signal.aborted) return;
    const known = new Set(this.state.services.map((service) => service.ref));
    // States stored before this list was kept have none: the start page stands for it.
    this.state.listUrlsRead ??= [this.state.startUrl];
    const read = this.state.listUrlsRead;
    if (!read.includes(url)) read.push(url);
    const fresh = page.services.filter((service) => !known.has(service.ref));
    // A page that brings nothing new is the last one again under another address ("Suivant" past the
    // end): it is not counted, and the list ends there rather than loop.
    const repeated = page.services.length > 0 && fresh.length === 0;
    for (const service of fresh) {
      if (known.has(service.ref)) continue; // listed twice on this very page
      known.add(service.ref);
      this.state.services.push(service);
    }
    if (this.state.listPagesRead === 0) {
      this.state.listPagesTotal = page.pages?.total ?? null;
      this.state.expectedServices = page.total;
    }
    if (!repeated) {
      this.state.listPagesRead += 1;
      this.state.listRowsSeen = (this.state.listRowsSeen ?? 0) + page.services.length + page.skipped;
    }
    // A "Suivant" pointing back to a page already read would loop: the list ends there.
    this.state.nextListUrl = page.next && !repeated && !read.includes(page.next) ? page.next : null;
    this.changed();
  }

  /** The service page, then its Détails content; a login page anywhere means the session expired. */
  private async readService(
    service: ListedService,
    signal: AbortSignal,
    starting: () => boolean,
  ): Promise<AuditRow> {
    const pageResult = await this.get(service.url, signal, starting);
    const page = this.answered(service.ref, pageResult);
    if ('status' in page) return page;
    // The page of another service (a redirect, a stale page) is never judged as this one's.
    const shown = shownServiceRef(page.document);
    if (shown !== null && !sameServiceRef(shown, service.ref))
      return errorRow(service.ref, 'unexpected-page');
    const source = findDetailsSource(page.document, page.url);
    if (source.kind === 'none')
      return {
        ref: service.ref,
        status: 'unknown',
        terminable: 0,
        sdaLinked: 0,
        licences: [],
        reason: 'no-details-tab',
      };
    // The numbers holding licences may be on the service page (a Numéros tab) or with the Détails.
    if (source.kind === 'inline') return judgeDetails(service.ref, source.root, [page.document]);
    const details = this.answered(service.ref, await this.get(source.url, signal));
    if ('status' in details) return details;
    const detailsRoot = details.document.body ?? details.document;
    return judgeDetails(service.ref, detailsRoot, [page.document, detailsRoot]);
  }

  private answered(ref: string, result: PoliteResult): AuditRow | { document: Document; url: string } {
    // The last try decides: a portal that never answered in time is not a lost connection.
    if (result.kind === 'network')
      return errorRow(ref, result.error instanceof FetchTimedOut ? 'timeout' : 'network');
    const { fetched } = result;
    if (fetched.status === 401) throw new SessionExpired();
    if (fetched.status < 200 || fetched.status > 299)
      return errorRow(ref, errorReason(fetched.status), fetched.status);
    if (this.offSite(fetched.url)) throw new SessionExpired();
    if (!isMarkup(fetched.contentType)) return errorRow(ref, 'unexpected-page');
    const document = this.deps.parse(fetched.text);
    if (isLoginPage(document)) throw new SessionExpired();
    if (looksTruncated(fetched.text)) return errorRow(ref, 'unexpected-page');
    return { document, url: fetched.url };
  }

  /**
   * An answer that ends on another site: the portal sent the request elsewhere, which it does to sign
   * in again (a single sign-on page that may ask for the identifier first, with no password field yet).
   */
  private offSite(url: string): boolean {
    try {
      return new URL(url).origin !== this.state.origin;
    } catch {
      return true;
    }
  }
}
