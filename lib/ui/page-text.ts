import type { PageMessageKey } from '../i18n/page-messages';
import type { Translator } from '../i18n/translator';
import type { UnknownReason } from '../licences/types';

/** What the in-page components translate with (the content script's messages only). */
export type PageText = Translator<PageMessageKey>;

/**
 * Why numbers are not shown: the row's reasons, plus the guard's own (dialog quantities unreadable,
 * the table changed while the dialog was open).
 */
export type ShownReason = UnknownReason | 'dialog-unreadable' | 'table-changed';

/**
 * Each reason's message is named after it (`not-a-number` → `reasonNotANumber`: no table to ship);
 * a reason without one reads as `reasonMissing`.
 */
export function reasonText(reason: ShownReason, text: PageText): string {
  const key = `reason${reason.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase())}`;
  return text.t(key as PageMessageKey) || text.t('reasonMissing');
}
