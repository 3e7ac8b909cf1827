/**
 * The audit's messages between its page, the background and the portal tab's content script. Kept
 * apart (no imports) so the content script takes only these few lines.
 */
export const AUDIT_FETCH = 'mla:audit-fetch';
export const OPEN_AUDIT = 'mla:open-audit';

/** The audit page asks a portal tab to GET a page of its own origin, with its own session. */
export interface AuditFetchRequest {
  type: typeof AUDIT_FETCH;
  url: string;
}

export type AuditFetchAnswer =
  | { ok: true; status: number; url: string; text: string; retryAfter: string | null }
  | { ok: false; error: 'other-origin' | 'network' };

/** The portal's list page asks the background to open the audit page for it. */
export interface OpenAuditRequest {
  type: typeof OPEN_AUDIT;
}

export function isAuditFetchRequest(message: unknown): message is AuditFetchRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as AuditFetchRequest).type === AUDIT_FETCH &&
    typeof (message as AuditFetchRequest).url === 'string'
  );
}

export function isOpenAuditRequest(message: unknown): message is OpenAuditRequest {
  return typeof message === 'object' && message !== null && (message as OpenAuditRequest).type === OPEN_AUDIT;
}

/** `audit.html?from=<page>&tab=<id>`: the page the user is on and the tab that reads for the audit. */
export function auditPageQuery(from: string, tabId: number | undefined): string {
  const params = new URLSearchParams({ from });
  if (tabId !== undefined) params.set('tab', String(tabId));
  return `?${params.toString()}`;
}
