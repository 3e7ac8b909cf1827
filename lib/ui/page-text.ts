import type { PageMessageKey, PageText } from '../i18n/page-messages';
import type { ShownReason } from '../licences/types';

/**
 * Each reason's message is named after it (`not-a-number` → `reasonNotANumber`: no table to ship);
 * a reason without one reads as `reasonMissing`.
 */
export function reasonText(reason: ShownReason, text: PageText): string {
  const key = `reason${reason.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase())}`;
  return text.t(key as PageMessageKey) || text.t('reasonMissing');
}
