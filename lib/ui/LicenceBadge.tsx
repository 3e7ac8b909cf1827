import type { PageText } from '../i18n/page-messages';
import type { LicenceAssessment } from '../licences/types';
import { reasonText } from './page-text';

export interface LicenceBadgeProps {
  assessment: LicenceAssessment;
  text: PageText;
}

/** The row's verdict: how many can be terminated now, how many a number (SDA) holds, or "non reconnue" and why. */
export function LicenceBadge({ assessment, text }: LicenceBadgeProps) {
  const { state, terminable, active } = assessment;
  let main: string;
  let extra: string | null = null;
  if (state === 'unknown') main = text.t('badgeUnknown', reasonText(assessment.reason ?? 'missing', text));
  else if (state === 'none') main = text.t('badgeNone');
  else if (state === 'sda-linked') main = text.n('badgeSdaLinked', active ?? 0);
  else {
    main = text.n('badgeTerminable', terminable ?? 0);
    if (active) extra = text.n('badgeAlsoLinked', active);
  }
  // The verdict in a few words, on the label's line; the why and the way out are in the SDA flag's
  // disclosure. One span around it carries the extension's mark.
  return (
    <span class="mark">
      <span class={`tag ${state}`}>{main}</span>
      {extra && <span class="extra"> · {extra}</span>}
    </span>
  );
}
