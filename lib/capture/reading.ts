/**
 * The extension's reading of a page, as a capture records it and as the fixture tests compare it:
 * whether the Détails block is recognised, each row's verdict with its reason, the totals, and the
 * most each open termination dialog allows (or why that is unknown). Judged afresh (nothing learnt
 * from earlier dialogs), so a capture served back reads the same as the page it came from.
 */
import { EMPTY_MEMORY } from '../licences/judge-page';
import type { LicenceAssessment, LicenceSummary } from '../licences/types';
import { viewPage } from '../runtime/page-view';

export interface CapturedDialog {
  licence: string;
  max: number | null;
  reason: string | null;
}

export interface CapturedReading {
  recognised: boolean;
  licences: LicenceAssessment[];
  summary: LicenceSummary;
  dialogs: CapturedDialog[];
}

export function readingOf(document: Document): CapturedReading {
  const page = viewPage(document, EMPTY_MEMORY);
  const licences = page.rows.map((view) => view.assessment);
  return {
    recognised: page.block !== null && licences.length > 0,
    licences,
    summary: page.summary,
    dialogs: page.dialogs.map(({ dialog, limit }) => ({
      licence: dialog.licenceLabel,
      max: limit.kind === 'max' ? limit.max : null,
      reason: limit.kind === 'unknown' ? limit.reason : null,
    })),
  };
}
