// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type Fetched, NotStarted, Pacer, PoliteClient, retryAfterMs } from '../../../lib/audit/scheduler';
import { fakeClock } from './support';

const OK: Fetched = { status: 200, url: 'https://p.example/', text: '', retryAfter: null };
const options = {
  concurrency: 2,
  requestsPerSecond: 0,
  maxRetries: 3,
  backoffMs: 1000,
  maxBackoffMs: 30_000,
};

describe('Retry-After', () => {
  it.each([
    ['2', 2000],
    ['0.5', 500],
    [null, null],
    ['', null],
    ['bientôt', null],
  ])('%s → %s ms', (value, ms) => {
    expect(retryAfterMs(value, 0)).toBe(ms);
  });
  it('an HTTP date counts from now', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(retryAfterMs('Tue, 01 Dec 2026 10:00:05 GMT', now)).toBe(5000);
  });
});

describe('the pace limit', () => {
  it('spaces request starts by 1000 / rate ms', async () => {
    const clock = fakeClock(0);
    const pacer = new Pacer(clock, 4);
    const starts: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await pacer.wait();
      starts.push(clock.time);
    }
    expect(starts).toEqual([0, 250, 500, 750, 1000]);
  });
  it('0 is no limit', async () => {
    const clock = fakeClock(0);
    const pacer = new Pacer(clock, 0);
    for (let i = 0; i < 5; i += 1) await pacer.wait();
    expect(clock.time).toBe(0);
  });
});

describe('concurrency', () => {
  it('never has more than 2 requests in flight, even when asked for more', async () => {
    let inFlight = 0;
    let most = 0;
    const client = new PoliteClient(
      async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight -= 1;
        return OK;
      },
      { ...options, concurrency: 5 },
      fakeClock(),
    );
    const signal = new AbortController().signal;
    await Promise.all(Array.from({ length: 10 }, () => client.get('https://p.example/', signal)));
    expect(most).toBe(2);
    expect(client.requests).toBe(10);
  });
});

describe('a request withdrawn when its turn comes', () => {
  it('is never sent, frees its slot, and the next one goes', async () => {
    const sent: string[] = [];
    const client = new PoliteClient(
      async (url) => {
        sent.push(url);
        return OK;
      },
      options,
      fakeClock(),
    );
    const signal = new AbortController().signal;
    await expect(client.get('https://p.example/a', signal, () => false)).rejects.toBeInstanceOf(NotStarted);
    await expect(client.get('https://p.example/b', signal, () => true)).resolves.toMatchObject({
      kind: 'answer',
    });
    expect(sent).toEqual(['https://p.example/b']);
    expect(client.slots.inFlight).toBe(0);
    expect(client.requests).toBe(1);
  });
});

describe('a request failing when a pause is asked', () => {
  it.each<[string, () => Fetched | Error]>([
    ['a dropped connection (or a timeout)', () => new TypeError('Failed to fetch')],
    ['a 503', () => ({ ...OK, status: 503 })],
  ])('%s: not retried after the pause, no back-off waited, withdrawn', async (_case, answer) => {
    const sent: string[] = [];
    const clock = fakeClock();
    const client = new PoliteClient(
      async (url) => {
        sent.push(url);
        const result = answer();
        if (result instanceof Error) throw result;
        return result;
      },
      options,
      clock,
    );
    let paused = false;
    const mayStart = () => {
      const ok = !paused;
      paused = true; // the pause is asked while the first try is in flight
      return ok;
    };
    const read = client.get('https://p.example/a', new AbortController().signal, mayStart);
    await expect(read).rejects.toBeInstanceOf(NotStarted);
    expect(sent).toEqual(['https://p.example/a']);
    expect(clock.sleeps).toEqual([]);
    expect(client.slots.inFlight).toBe(0);
  });
});

describe('back-off', () => {
  it('retries a 429 after its Retry-After, and a 500 with a doubling wait, then answers', async () => {
    const answers: Fetched[] = [
      { ...OK, status: 429, retryAfter: '3' },
      { ...OK, status: 503 },
      { ...OK, status: 500 },
      OK,
    ];
    const clock = fakeClock();
    const client = new PoliteClient(async () => answers.shift() ?? OK, options, clock);
    const result = await client.get('https://p.example/', new AbortController().signal);
    expect(result).toEqual({ kind: 'answer', fetched: OK, attempts: 4 });
    expect(clock.sleeps).toEqual([3000, 2000, 4000]);
  });

  it('gives up after maxRetries and returns the last answer', async () => {
    const clock = fakeClock();
    const client = new PoliteClient(
      async () => ({ ...OK, status: 500 }),
      { ...options, maxRetries: 2 },
      clock,
    );
    const result = await client.get('https://p.example/', new AbortController().signal);
    expect(result.kind === 'answer' && result.fetched.status).toBe(500);
    expect(client.requests).toBe(3);
  });

  it('caps a huge Retry-After', async () => {
    const clock = fakeClock();
    const answers: Fetched[] = [{ ...OK, status: 429, retryAfter: '86400' }, OK];
    const client = new PoliteClient(async () => answers.shift() ?? OK, options, clock);
    await client.get('https://p.example/', new AbortController().signal);
    expect(clock.sleeps).toEqual([30_000]);
  });

  it('a dropped connection is retried, then reported as network', async () => {
    const client = new PoliteClient(
      async () => {
        throw new TypeError('Failed to fetch');
      },
      { ...options, maxRetries: 1 },
      fakeClock(),
    );
    const result = await client.get('https://p.example/', new AbortController().signal);
    expect(result.kind).toBe('network');
    expect(client.requests).toBe(2);
  });

  it('a 404 is not retried', async () => {
    const client = new PoliteClient(async () => ({ ...OK, status: 404 }), options, fakeClock());
    await client.get('https://p.example/', new AbortController().signal);
    expect(client.requests).toBe(1);
  });
});
