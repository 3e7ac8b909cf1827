/** The audit's words: row reasons to message keys, durations in French or English. */
import type { RowReason } from '../audit/types';
import type { MessageKey } from '../i18n/all-messages';
import type { Translator } from '../i18n/translator';

const AUDIT_REASONS: Partial<Record<RowReason, MessageKey>> = {
  'no-details-tab': 'auditReasonNoDetailsTab',
  'no-licence-block': 'auditReasonNoLicenceBlock',
  'unread-rows': 'auditReasonUnreadRows',
  unstyled: 'auditReasonUnstyled',
  network: 'auditReasonNetwork',
  timeout: 'auditReasonTimeout',
  server: 'auditReasonServer',
  'not-found': 'auditReasonNotFound',
  throttled: 'auditReasonThrottled',
  'unexpected-page': 'auditReasonUnexpectedPage',
};

/** A licence's reason reads as on the Détails tab (`not-a-number` → `reasonNotANumber`). */
export function auditReasonKey(reason: RowReason): MessageKey {
  const own = AUDIT_REASONS[reason];
  if (own) return own;
  return `reason${reason.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase())}` as MessageKey;
}

/** `1 h 05 min`, `3 min 20 s`, `12 s`; `—` when unknown. */
export function formatDuration(ms: number | null, _text: Translator<MessageKey>): string {
  if (ms === null) return '—';
  const seconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(rest).padStart(2, '0')} s`;
  return `${rest} s`;
}
