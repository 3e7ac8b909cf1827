/**
 * Politeness towards the portal: at most `concurrency` requests in flight, request starts spaced by a
 * pace limit, and on 429/5xx a back-off (the server's `Retry-After` when it gives one) with a bounded
 * number of retries. Time is injected (`now`, `sleep`) so the rules are tested without waiting.
 */

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(resolve, Math.max(0, ms));
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true },
      );
    }),
};

export interface PoliteOptions {
  /** Requests in flight at once (the limit: 2). */
  concurrency: number;
  /** Request starts per second; 0 turns the pace limit off. */
  requestsPerSecond: number;
  /** Retries after a 429/5xx or a dropped connection, before the answer stands. */
  maxRetries: number;
  /** First back-off when the server gives no `Retry-After`; doubled each time. */
  backoffMs: number;
  /** No wait is ever longer (a huge `Retry-After` is capped, then the retries run out). */
  maxBackoffMs: number;
}

export const DEFAULT_POLITE: PoliteOptions = {
  concurrency: 2,
  requestsPerSecond: 4,
  maxRetries: 3,
  backoffMs: 1000,
  maxBackoffMs: 30_000,
};
export const MAX_CONCURRENCY = 2;

/** What the audit needs of an answer. */
export interface Fetched {
  status: number;
  /** The final address (after redirects). */
  url: string;
  text: string;
  retryAfter: string | null;
  /** The answer's `Content-Type`, when known (a JSON or PDF answer is no page to read). */
  contentType?: string | null;
}

export type Fetcher = (url: string, signal: AbortSignal) => Promise<Fetched>;

/** Thrown by a fetcher that cannot send anything now (no portal tab to read through): the audit pauses. */
/** A request the caller withdrew before it was sent (`mayStart` said no once its turn came). */
export class NotStarted extends Error {}

/** The portal did not answer in time (the tab gave up after its time limit): retried like a dropped connection. */
export class FetchTimedOut extends Error {}

export class FetchStopped extends Error {
  constructor(readonly reason: 'tab') {
    super(`fetch stopped: ${reason}`);
  }
}

/** `Retry-After` in ms: seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function isRetryable(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Counting semaphore: `acquire` resolves when a slot is free. */
export class Slots {
  private used = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(readonly max: number) {}
  get inFlight(): number {
    return this.used;
  }
  async acquire(): Promise<void> {
    if (this.used < this.max) {
      this.used += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.used -= 1;
  }
}

/** Spaces request starts by 1000 / rate ms (0: no limit). Each caller gets the next free start time. */
export class Pacer {
  private nextStart = 0;
  constructor(
    private readonly clock: Clock,
    private readonly requestsPerSecond: number,
  ) {}
  async wait(signal?: AbortSignal): Promise<void> {
    if (this.requestsPerSecond <= 0) return;
    const gap = 1000 / this.requestsPerSecond;
    const now = this.clock.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + gap;
    if (start > now) await this.clock.sleep(start - now, signal);
  }
}

export type PoliteResult =
  | { kind: 'answer'; fetched: Fetched; attempts: number }
  | { kind: 'network'; attempts: number; error: unknown };

/** One GET through the slots and the pace, retried on 429/5xx/dropped connection within bounds. */
export class PoliteClient {
  readonly slots: Slots;
  private readonly pacer: Pacer;
  requests = 0;
  constructor(
    private readonly fetcher: Fetcher,
    private readonly options: PoliteOptions,
    private readonly clock: Clock = realClock,
  ) {
    this.slots = new Slots(Math.min(Math.max(1, options.concurrency), MAX_CONCURRENCY));
    this.pacer = new Pacer(clock, options.requestsPerSecond);
  }

  private backoff(attempt: number, fetched: Fetched | null): number {
    const fromServer = fetched ? retryAfterMs(fetched.retryAfter, this.clock.now()) : null;
    const own = this.options.backoffMs * 2 ** attempt;
    return Math.min(this.options.maxBackoffMs, fromServer ?? own);
  }

  /** How many requests may be in flight at once (never more than `MAX_CONCURRENCY`). */
  get concurrency(): number {
    return this.slots.max;
  }

  /**
   * `mayStart`, asked when the request's turn comes (a slot and the pace allow it), just before it is
   * sent, and again before each retry's wait: `false` withdraws it (`NotStarted`), so a request queued
   * before a pause is never sent after, nor retried after it (a portal not answering would otherwise
   * hold a pause for minutes: up to four tries of 60 s and their back-off).
   */
  async get(url: string, signal: AbortSignal, mayStart: () => boolean = () => true): Promise<PoliteResult> {
    for (let attempt = 0; ; attempt += 1) {
      let fetched: Fetched | null = null;
      let error: unknown = null;
      await this.slots.acquire();
      try {
        await this.pacer.wait(signal);
        signal.throwIfAborted();
        if (!mayStart()) throw new NotStarted();
        this.requests += 1;
        fetched = await this.fetcher(url, signal);
      } catch (caught) {
        if (signal.aborted) throw signal.reason;
        if (caught instanceof FetchStopped || caught instanceof NotStarted) throw caught;
        error = caught;
      } finally {
        this.slots.release();
      }
      const retryable = fetched ? isRetryable(fetched.status) : true;
      if (!retryable && fetched) return { kind: 'answer', fetched, attempts: attempt + 1 };
      if (attempt >= this.options.maxRetries) {
        return fetched
          ? { kind: 'answer', fetched, attempts: attempt + 1 }
          : { kind: 'network', attempts: attempt + 1, error };
      }
      if (!mayStart()) throw new NotStarted();
      await this.clock.sleep(this.backoff(attempt, fetched), signal);
    }
  }
}
