import type { PageMessageKey } from '../i18n/page-messages';
import type { ShownReason } from '../licences/types';

/** `not-a-number` → `NotANumber`, as the message keys name reasons. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${Pascal<Tail>}`
  : Capitalize<S>;

/** Each reason's two messages: why the number is not shown, and what to do about it. */
export type ReasonKey = `reason${Pascal<ShownReason>}` | `wayOut${Pascal<ShownReason>}`;

/**
 * A reason added without both messages (listed in PAGE_MESSAGE_KEYS) does not compile: the keys are
 * derived from the reason's name at run time, with no table shipped in the content script.
 */
type Unlisted = Exclude<ReasonKey, PageMessageKey>;
export const EVERY_REASON_HAS_MESSAGES: [Unlisted] extends [never] ? true : Unlisted = true;

/** The content script's texts, or an extension page's (which hold every message). */
type Texts = { t(key: PageMessageKey): string };

function keyOf(prefix: 'reason' | 'wayOut', reason: ShownReason): PageMessageKey {
  return `${prefix}${reason.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase())}` as ReasonKey;
}

/** Why the number is not shown; a reason without a message reads as `reasonMissing`. */
export function reasonText(reason: ShownReason, text: Texts): string {
  return text.t(keyOf('reason', reason)) || text.t('reasonMissing');
}

/** What the operator can do about it (reload, close and reopen the dialog, send a capture…). */
export function wayOutText(reason: ShownReason, text: Texts): string {
  return text.t(keyOf('wayOut', reason)) || text.t('wayOutMissing');
}
