/**
 * The one request the audit makes, as it runs inside a portal tab: the audit page injects
 * `fetchInPortalTab` there with `scripting.executeScript({ func, args: [url] })`. It runs in the tab's
 * isolated world, like a content script, so its GET carries the user's session exactly as the page's
 * own links and "Chargement..." loads do (an extension page's own request would go without the
 * portal's SameSite cookies in Chromium). GET only, the tab's own origin only, nothing run, nothing
 * shown. Nothing of it ships in the content scripts: it is sent, as source, when the audit reads.
 */

/** What the tab answers; `other-origin`: the tab no longer shows the portal the audit reads. */
export type AuditFetchAnswer =
  | {
      ok: true;
      status: number;
      url: string;
      text: string;
      retryAfter: string | null;
      /** The answer's `Content-Type` (null when it gives none). */
      contentType?: string | null;
    }
  | { ok: false; error: 'other-origin' | 'network' };

/**
 * Serialised and run in the tab (executeScript sends its source): it must stay self-contained — no
 * import, no name from this module, no helper a bundler could add. It never throws or rejects
 * (Chromium's InjectionResult has no `error`: a failure would come back as no answer at all).
 */
export async function fetchInPortalTab(url: string): Promise<AuditFetchAnswer> {
  // A request the portal never answers would hold one of the audit's two slots for ever: after 60 s it
  // answers as a lost connection (retried, then the row is an error with a retry). A race rather than
  // an aborted fetch: the GET left to finish is harmless, and nothing is handed to the tab's fetch but
  // what it was already given (an AbortSignal there made every Firefox request fail in the e2e run).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeLimit = new Promise<AuditFetchAnswer>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: 'network' }), 60_000);
  });
  const request = (async (): Promise<AuditFetchAnswer> => {
    try {
      const target = new URL(url, location.href);
      if (target.origin !== location.origin) return { ok: false, error: 'other-origin' };
      const response = await fetch(target.href, {
        method: 'GET',
        credentials: 'same-origin',
        cache: 'no-store',
      });
      const contentType = response.headers.get('content-type');
      const text = await response.text();
      return {
        ok: true,
        status: response.status,
        url: response.url || target.href,
        text,
        retryAfter: response.headers.get('retry-after'),
        contentType,
      };
    } catch {
      return { ok: false, error: 'network' };
    }
  })();
  try {
    return await Promise.race([request, timeLimit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether what came back from the tab is an answer (a closed or navigated frame gives none). */
export function isAuditFetchAnswer(value: unknown): value is AuditFetchAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as Record<string, unknown>;
  if (answer.ok === false) return answer.error === 'other-origin' || answer.error === 'network';
  return (
    answer.ok === true &&
    typeof answer.status === 'number' &&
    typeof answer.url === 'string' &&
    typeof answer.text === 'string' &&
    (answer.retryAfter === null || typeof answer.retryAfter === 'string') &&
    (answer.contentType === undefined ||
      answer.contentType === null ||
      typeof answer.contentType === 'string')
  );
}
