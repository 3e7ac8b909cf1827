import type { PageMessageKey } from '../i18n/page-messages';
import type { Translator } from '../i18n/translator';
import type { UnknownReason } from '../licences/types';

/** What the in-page components translate with (the content script's messages only). */
export type PageText = Translator<PageMessageKey>;

/** Why numbers are not shown: the row's reasons, plus the guard's own (dialog quantities unreadable). */
export type ShownReason = UnknownReason | 'dialog-unreadable';

const REASON_KEYS: Record<ShownReason, PageMessageKey> = {
  missing: 'reasonMissing',
  'not-a-number': 'reasonNotANumber',
  negative: 'reasonNegative',
  'active-exceeds-subscribed': 'reasonActiveExceedsSubscribed',
  ambiguous: 'reasonAmbiguous',
  'dialog-disagrees': 'reasonDialogDisagrees',
  'legend-disagrees': 'reasonLegendDisagrees',
  'dialog-unreadable': 'reasonDialogUnreadable',
};

export function reasonText(reason: ShownReason, text: PageText): string {
  return text.t(REASON_KEYS[reason] ?? 'reasonMissing');
}
