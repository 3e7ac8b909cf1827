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
  | { ok: false; error: 'other-origin' | 'network' | 'timeout' };

/**
 * Serialised and run in the tab (executeScript sends its source): it must stay self-contained — no
 * import, no name from this module, no helper a bundler could add. It never throws or rejects
 * (Chromium's InjectionResult has no `error`: a failure would come back as no answer at all).
 */
export async function fetchInPortalTab(url: string): Promise<AuditFetchAnswer> {
  // A request the portal never answers would hold one of the audit's two slots for ever: after 60 s it
  // answers `timeout` (retried, then the row is an error with a retry). A race rather than
  // an aborted fetch: the GET left to finish is harmless, and nothing is handed to the tab's fetch but
  // what it was already given (an AbortSignal there made every Firefox request fail in the e2e run).
  // Inside the function, so it travels with it. The encoding, as browsers pick it: a byte order mark,
  // else the header's `charset`, else a `<meta>` charset in the first 1024 bytes, else UTF-8; a label
  // TextDecoder does not know is UTF-8 too.
  const decodeAnswer = (bytes: Uint8Array, contentType: string | null): string => {
    const decoder = (label: string | null): TextDecoder | null => {
      try {
        return label ? new TextDecoder(label.trim()) : null;
      } catch {
        return null; // an unknown label
      }
    };
    const charsetIn = (value: string): string | null =>
      /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(value)?.[1] ?? null;
    let chosen: TextDecoder | null = null;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) chosen = decoder('utf-8');
    else if (bytes[0] === 0xff && bytes[1] === 0xfe) chosen = decoder('utf-16le');
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) chosen = decoder('utf-16be');
    if (!chosen && contentType) chosen = decoder(charsetIn(contentType));
    if (!chosen) {
      // The head read byte for byte (ASCII is all a declaration needs), comments left out. By index
      // only: in a Firefox content script the body's buffer is the page's, and `subarray`, `slice` or
      // an iterator on it throw "Permission denied to access property constructor".
      let head = '';
      for (let at = 0; at < bytes.length && at < 1024; at += 1) head += String.fromCharCode(bytes[at] ?? 0);
      head = head.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
      for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
        const label = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(meta)?.[1] ?? null;
        chosen = decoder(label);
        if (chosen) break;
      }
      // A `<meta>` cannot declare UTF-16 (its own bytes were read as ASCII): UTF-8, as browsers do;
      // `x-user-defined` there means windows-1252.
      if (chosen?.encoding.startsWith('utf-16')) chosen = null;
      else if (chosen?.encoding === 'x-user-defined') chosen = decoder('windows-1252');
    }
    return (chosen ?? new TextDecoder()).decode(bytes);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeLimit = new Promise<AuditFetchAnswer>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: 'timeout' }), 60_000);
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
      // Decoded from its bytes as a browser would (`response.text()` is always UTF-8, and a portal page
      // in windows-1252 would lose its accented labels). Only a string goes back: it clones in both
      // browsers, where a buffer of the tab's realm might not.
      const bytes = new Uint8Array(await response.arrayBuffer());
      const text = decodeAnswer(bytes, contentType);
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
  if (answer.ok === false)
    return answer.error === 'other-origin' || answer.error === 'network' || answer.error === 'timeout';
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
