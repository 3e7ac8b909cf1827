/**
 * The messages the content script shows: keys of `public/_locales/{fr,en}/messages.json`. The content
 * script ships none of their text (its size is budgeted): it asks the browser, or the background for
 * the language the browser does not speak (see `page-texts.ts`).
 */
import type { Translator } from './translator';

export const PAGE_MESSAGE_KEYS = [
  'badgeTerminable_one',
  'badgeTerminable_other',
  'badgeAlsoLinked_one',
  'badgeAlsoLinked_other',
  'badgeSdaLinked_one',
  'badgeSdaLinked_other',
  'badgeNone',
  'badgeUnknown',
  'reasonMissing',
  'reasonNotANumber',
  'reasonNegative',
  'reasonActiveExceedsSubscribed',
  'reasonAmbiguous',
  'reasonDialogDisagrees',
  'reasonLegendDisagrees',
  'reasonSdaDisagrees',
  'reasonDuplicateLicence',
  'reasonSeveralBlocks',
  'reasonPendingNote',
  'reasonDialogUnreadable',
  'reasonTableChanged',
  'reasonTerminationSent',
  // What to do about each reason (lib/ui/page-text.ts: a reason without both does not compile).
  'wayOutMissing',
  'wayOutNotANumber',
  'wayOutNegative',
  'wayOutActiveExceedsSubscribed',
  'wayOutAmbiguous',
  'wayOutDialogDisagrees',
  'wayOutLegendDisagrees',
  'wayOutSdaDisagrees',
  'wayOutDuplicateLicence',
  'wayOutSeveralBlocks',
  'wayOutPendingNote',
  'wayOutDialogUnreadable',
  'wayOutTableChanged',
  'wayOutTerminationSent',
  'sdaToggle',
  'sdaRule',
  'sdaWayOut',
  'sdaOpenNumbersTab',
  'sdaProcedure',
  'sdaNumbers',
  'sdaNumbersPartial',
  'summaryText',
  'summaryUnknown_one',
  'summaryUnknown_other',
  'summaryLabel',
  'guardMax',
  'guardMaxUnknown',
  'guardNotBlocking',
  'guardInputUnknown',
  'guardInputUnknownCheck',
  'guardInputUnknownNoMax',
  'guardValid',
  'guardEmpty',
  'guardNotANumber',
  'guardNotWhole',
  'guardBelowMinimum',
  'guardAboveMaximum',
  'guardNothingTerminable',
  'guardDisagree',
  'guardCopyLags',
  'guardUnknownWhy',
  'guardBlocked',
  'guardBlockedSending',
  'guardNoSendSeen',
  'guardSentAgain',
  'auditStartButton',
  'captureSave',
  'captureFailed',
  'captureMasked_one',
  'captureMasked_other',
  'captureDownload',
  'captureClose',
] as const;

export type PageMessageKey = (typeof PAGE_MESSAGE_KEYS)[number];

/**
 * The one message that names its file's language (`fr`, `en`): the content script asks the browser
 * for it to learn which catalog `i18n.getMessage` reads, rather than guess the browser's negotiation.
 */
export const CATALOG_LANGUAGE_KEY = 'catalogLanguage';

/** What the in-page components translate with (the content script's messages only). */
export type PageText = Translator<PageMessageKey>;
