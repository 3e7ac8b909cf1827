/**
 * The mock server's limits on what a client sends. A portal form posts a few fields; anything much
 * bigger is a mistake or an abuse, and must not be held in memory.
 */
export const MAX_BODY_BYTES = 64 * 1024;

/** Past this, the server stops even reading (and discarding) an oversized body: it drops the connection. */
export const MAX_DISCARDED_BYTES = 16 * MAX_BODY_BYTES;

export const BODY_TOO_LARGE_MESSAGE =
  'Requête trop volumineuse : le portail simulé accepte au plus 64 Ko de données par requête.';

/** The 413 answer, in French, as plain text (read by a person, or shown by the demo panel). */
export function bodyTooLarge(): Response {
  return new Response(BODY_TOO_LARGE_MESSAGE, {
    status: 413,
    headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' },
  });
}

/** A declared `Content-Length` over the cap: refused before a byte of the body is read. */
export function declaresTooLarge(contentLength: string | undefined | null): boolean {
  if (!contentLength || !/^\d+$/.test(contentLength.trim())) return false;
  return Number(contentLength) > MAX_BODY_BYTES;
}

export type CappedBody = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'abusive' };

/**
 * Reads a body up to MAX_BODY_BYTES. Past the cap it keeps nothing and only drains the rest, so the
 * client (which may still be sending) gets the 413 rather than a broken pipe; past
 * MAX_DISCARDED_BYTES it stops reading altogether ('abusive': the caller drops the connection).
 */
export async function readCappedBody(chunks: AsyncIterable<Buffer | string>): Promise<CappedBody> {
  const kept: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    if (total > MAX_DISCARDED_BYTES) return { ok: false, reason: 'abusive' };
    if (total <= MAX_BODY_BYTES) kept.push(buffer);
  }
  return total > MAX_BODY_BYTES
    ? { ok: false, reason: 'too-large' }
    : { ok: true, body: Buffer.concat(kept) };
}
