/**
 * The audit's messages between the list page's button, the popup and the background. Kept apart (no
 * imports) so the button's script (entrypoints/audit-start.ts) takes only these few lines. The audit's
 * reads need no message: the audit page runs them in a portal tab itself (tab-fetch.ts).
 */
export const OPEN_AUDIT = 'mla:open-audit';

/** The portal's list page asks the background to open the audit page for it. */
export interface OpenAuditRequest {
  type: typeof OPEN_AUDIT;
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
