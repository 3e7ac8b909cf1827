import type { PageText } from '../i18n/page-messages';
import type { LicenceAssessment } from '../licences/types';
import { CaptureButton } from './CaptureButton';
import { reasonText, wayOutText } from './page-text';

export interface LicenceBadgeProps {
  assessment: LicenceAssessment;
  text: PageText;
  /** Offered when the row is not recognised (see CaptureButton). */
  capture?: () => void;
}

/** The row's verdict: how many can be terminated now, how many a number (SDA) holds, or "non reconnue" and why. */
export function LicenceBadge({ assessment, text, capture }: LicenceBadgeProps) {
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
  // The verdict in a few words, on the label's line; the way out is in a disclosure (the SDA flag's
  // for a number holding the licence, this one for a row not recognised: a native one, keyboard and
  // screen readers know it, no state to keep). One span around it carries the extension's mark.
  return (
    <span class="mark">
      <span class={`tag ${state}`}>{main}</span>
      {extra && <span class="extra"> · {extra}</span>}
      {state === 'unknown' && (
        <details>
          <summary>{text.t('sdaToggle')}</summary>
          <span class="details">{wayOutText(assessment.reason ?? 'missing', text)}</span>
        </details>
      )}
      {state === 'unknown' && capture && <CaptureButton text={text} onCapture={capture} />}
    </span>
  );
}
