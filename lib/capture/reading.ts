/**
 * The extension's reading of a page, as a capture records it and as the fixture tests compare it:
 * whether the Détails block is recognised, each row's verdict with its reason, the totals, and the
 * most each open termination dialog allows (or why that is unknown). Read afresh (nothing learnt
 * from earlier dialogs), so a capture served back reads the same as the page it came from.
 */
import { readPage } from '../features/page-snapshot';
import { createPageState } from '../features/page-state';
import type { LicenceAssessment, LicenceSummary } from '../licences/types';

export interface DialogReading {
  licence: string;
  max: number | null;
  reason: string | null;
}

export interface PageReading {
  recognised: boolean;
  licences: LicenceAssessment[];
  summary: LicenceSummary;
  dialogs: DialogReading[];
}

export function readingOf(document: Document): PageReading {
  const page = readPage(document, createPageState());
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
