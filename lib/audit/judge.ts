/**
 * The audit's one place that turns a Détails content into a verdict, with the very readers and rules
 * the Détails tab uses (readLicenceBlock → assessLicence → applyLegend → summarise, as
 * lib/features/page-snapshot.ts `readPage` does without an open dialog). When lib/licences gains a
 * single `judgePage(reading, memory)`, this function's body becomes that one call.
 */
import { applyLegend, assessLicence, summarise } from '../licences/assess';
import { readLicenceBlock } from '../portal/licence-block';
import type { AuditLicence, AuditRow } from './types';

export function judgeDetails(ref: string, root: ParentNode): AuditRow {
  const block = readLicenceBlock(root);
  if (!block || block.rows.length === 0) {
    return { ref, status: 'unknown', terminable: 0, sdaLinked: 0, licences: [], reason: 'no-licence-block' };
  }
  const assessments = block.rows.map((row) => applyLegend(assessLicence(row), block.legend));
  const summary = summarise(assessments);
  const licences: AuditLicence[] = assessments.map((assessment) => ({
    label: assessment.label,
    state: assessment.state,
    subscribed: assessment.subscribed,
    active: assessment.active,
    terminable: assessment.terminable,
    reason: assessment.reason,
  }));
  const firstUnknown = assessments.find((assessment) => assessment.state === 'unknown');
  return {
    ref,
    status: firstUnknown ? 'unknown' : 'ok',
    terminable: summary.terminableTotal,
    sdaLinked: summary.sdaLinkedTotal,
    licences,
    reason: firstUnknown ? (firstUnknown.reason ?? 'missing') : null,
  };
}
