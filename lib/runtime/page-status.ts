/**
 * The popup's question to the content script and its answer. Kept apart from the features so the
 * popup imports only this.
 */
import type { LicenceAssessment, LicenceSummary } from '../licences/types';

export const STATUS_REQUEST = 'mla:page-status';

export interface StatusRequest {
  type: typeof STATUS_REQUEST;
  /** Asked of the frames inside the page, not of the page itself (status-messages.ts). */
  frames?: true;
}

export interface PageStatus {
  recognised: boolean;
  /** Why not recognised; 'assistant-failed': the page's detector could not get the assistant injected. */
  reason?: 'no-licence-block' | 'assistant-failed';
  licences: LicenceAssessment[];
  summary: LicenceSummary;
}

export function isStatusRequest(message: unknown): message is StatusRequest {
  return (
    typeof message === 'object' && message !== null && (message as StatusRequest).type === STATUS_REQUEST
  );
}

export function isFrameStatusRequest(message: StatusRequest): boolean {
  return message.frames === true;
}

/** Whether an answer has the shape of a `PageStatus` (a foreign or older content script may answer). */
export function isPageStatus(value: unknown): value is PageStatus {
  if (typeof value !== 'object' || value === null) return false;
  const status = value as PageStatus;
  return (
    typeof status.recognised === 'boolean' &&
    Array.isArray(status.licences) &&
    typeof status.summary === 'object' &&
    status.summary !== null
  );
}
