/**
 * The licence rules: what can be terminated now, and when the numbers must not be shown.
 * Pure functions over what the portal adapter read; no DOM.
 */
import type { CountLegend, LicenceRow } from '../portal/types';
import type { LicenceAssessment, LicenceSummary, UnknownReason } from './types';

/** A licence whose numbers are not shown: the one way such a verdict is built. */
export function unknownLicence(label: string, reason: UnknownReason): LicenceAssessment {
  return { label, state: 'unknown', subscribed: null, active: null, terminable: null, reason };
}

/**
 * Terminable now = S − A (a licence held by an SDA cannot be terminated, card rule). `none` when
 * nothing is subscribed, `sda-linked` when every subscribed licence is held by a number.
 */
export function assessLicence(row: Pick<LicenceRow, 'label' | 'count' | 'problem'>): LicenceAssessment {
  if (row.problem) return unknownLicence(row.label, row.problem);
  if (!row.count) return unknownLicence(row.label, 'missing');
  const { active, subscribed } = row.count;
  if (!Number.isSafeInteger(active) || !Number.isSafeInteger(subscribed))
    return unknownLicence(row.label, 'not-a-number');
  if (active < 0 || subscribed < 0) return unknownLicence(row.label, 'negative');
  if (active > subscribed) return unknownLicence(row.label, 'active-exceeds-subscribed');
  const terminable = subscribed - active;
  const state = subscribed === 0 ? 'none' : terminable > 0 ? 'terminable' : 'sda-linked';
  return { label: row.label, state, subscribed, active, terminable, reason: null };
}

/** When the page says the count means something else than active / subscribed, the numbers are not shown. */
export function applyLegend(assessment: LicenceAssessment, legend: CountLegend): LicenceAssessment {
  if (assessment.state === 'unknown' || legend.kind !== 'other') return assessment;
  return unknownLicence(assessment.label, 'legend-disagrees');
}

/**
 * The termination dialog names both quantities: when one it shows differs from the row's, the row's
 * reading is wrong somewhere and its numbers are not shown. A quantity the dialog does not show
 * (null) gives no verdict.
 */
export function applyCrossCheck(
  assessment: LicenceAssessment,
  dialog: { subscribed: number | null; active: number | null },
): LicenceAssessment {
  if (assessment.state === 'unknown') return assessment;
  const subscribedDiffers = dialog.subscribed !== null && dialog.subscribed !== assessment.subscribed;
  const activeDiffers = dialog.active !== null && dialog.active !== assessment.active;
  return subscribedDiffers || activeDiffers
    ? unknownLicence(assessment.label, 'dialog-disagrees')
    : assessment;
}

/**
 * Totals over the rows whose numbers are shown; the others are only counted, with the block's
 * `unreadRows` (rows that carry a count but could not be read as a licence): the summary never hides a row.
 */
export function summarise(assessments: readonly LicenceAssessment[], unreadRows = 0): LicenceSummary {
  let terminableTotal = 0;
  let sdaLinkedTotal = 0;
  let unknownCount = Math.max(0, Math.floor(unreadRows));
  for (const assessment of assessments) {
    if (assessment.state === 'unknown') {
      unknownCount += 1;
      continue;
    }
    terminableTotal += assessment.terminable ?? 0;
    sdaLinkedTotal += assessment.active ?? 0;
  }
  return { terminableTotal, sdaLinkedTotal, unknownCount };
}
