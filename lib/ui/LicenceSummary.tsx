import type { PageText } from '../i18n/page-messages';
import type { LicenceSummary as Summary } from '../licences/types';

export interface LicenceSummaryProps {
  summary: Summary;
  text: PageText;
}

/** One line above the block: what can be terminated now, what numbers hold, what was not recognised. */
export function LicenceSummary({ summary, text }: LicenceSummaryProps) {
  return (
    <section class="summary" aria-label={text.t('summaryLabel')}>
      <p>
        {text.t('summaryText', summary.terminableTotal, summary.sdaLinkedTotal)}
        {summary.unknownCount > 0 && (
          <span class="tag unknown"> + {text.n('summaryUnknown', summary.unknownCount)}</span>
        )}
      </p>
    </section>
  );
}
