/**
 * The portal tab's part in the account-wide audit: it GETs, for the audit page, pages of its own
 * origin with the user's session — the same request the page's own links and "Chargement..." loads
 * make (an extension page's request would go without the portal's SameSite cookies). Nothing else:
 * GET only, same origin only, nothing run, nothing shown. The audit's own code is not in this bundle,
 * and this is written small: it ships on every portal page.
 */
import { browser } from 'wxt/browser';
import { AUDIT_FETCH, type AuditFetchAnswer } from '../audit/messages';

export function answerAuditFetches(signal: AbortSignal): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (answer: AuditFetchAnswer) => void) => {
    const { type, url } = (message ?? {}) as { type?: unknown; url?: unknown };
    if (
      type !== AUDIT_FETCH ||
      typeof url !== 'string' ||
      new URL(url, location.href).origin !== location.origin
    )
      return undefined;
    fetch(url, { credentials: 'same-origin', cache: 'no-store' }).then(
      async (response) =>
        sendResponse({
          ok: true,
          status: response.status,
          url: response.url || url,
          text: await response.text(),
          retryAfter: response.headers.get('retry-after'),
        }),
      () => sendResponse({ ok: false, error: 'network' }),
    );
    return true as const;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
