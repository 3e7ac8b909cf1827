/**
 * The audit's one place that turns a Détails content into a verdict, with the very reader and judge
 * the Détails tab uses: `readLicenceBlock`, the numbers shown holding licences, then `judgePage`
 * (lib/licences) with no dialog open and nothing remembered — what lib/runtime/page-view.ts `viewPage` does on the Détails tab.
 */
import { EMPTY_MEMORY, judgePage } from '../licences/judge-page';
import { sameLicence } from '../portal/labels';
import { readLicenceBlock } from '../portal/licence-block';
import { numbersHoldingEach, readSdaAssignments } from '../portal/sda';
import type { AuditLicence, AuditRow } from './types';

/**
 * `numbersRoots`: where the numbers (SDA) holding licences may be shown (the service page and the
 * Détails content): they check the counts, as on the Détails tab.
 */
export function judgeDetails(
  ref: string,
  root: ParentNode,
  numbersRoots: readonly ParentNode[] = [root],
): AuditRow {
  const block = readLicenceBlock(root);
  if (!block || block.rows.length === 0) {
    return { ref, status: 'unknown', terminable: 0, sdaLinked: 0, licences: [], reason: 'no-licence-block' };
  }
  const { licences: assessments, summary } = judgePage(
    {
      rows: block.rows,
      legend: block.legend,
      dialogs: [],
      sameLicence,
      unreadRows: block.unreadRows,
      numbersHolding: numbersHoldingEach(numbersRoots.flatMap((numbers) => readSdaAssignments(numbers))),
    },
    EMPTY_MEMORY,
  );
  const licences: AuditLicence[] = assessments.map((assessment) => ({
    label: assessment.label,
    state: assessment.state,
    subscribed: assessment.subscribed,
    active: assessment.active,
    terminable: assessment.terminable,
    reason: assessment.reason,
  }));
  const firstUnknown = assessments.find((assessment) => assessment.state === 'unknown');
  // Rows the reader saw but could not read (no label…) count as unknown, as in the Détails summary.
  const unread = !firstUnknown && summary.unknownCount > 0;
  return {
    ref,
    status: firstUnknown || unread ? 'unknown' : 'ok',
    terminable: summary.terminableTotal,
    sdaLinked: summary.sdaLinkedTotal,
    licences,
    reason: firstUnknown ? (firstUnknown.reason ?? 'missing') : unread ? 'unread-rows' : null,
  };
}
