/**
 * The audit's one place that turns a Détails content into a verdict, with the very reader and judge
 * the Détails tab uses: `readLicenceBlock`, the numbers shown holding licences, then `judgePage`
 * (lib/licences) with no dialog open and nothing remembered — what lib/runtime/page-view.ts `viewPage` does on the Détails tab.
 */
import { EMPTY_MEMORY, judgePage } from '../licences/judge-page';
import { sameLicence } from '../portal/labels';
import { readLicenceBlock } from '../portal/licence-block';
import { findNumberTables, numbersHoldingEach, readSdaAssignments } from '../portal/sda';
import { foldText } from '../portal/text';
import type { LicenceBlock } from '../portal/types';
import { readWithout, visibleText } from '../portal/visibility';
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
  const row = readDetails(ref, block, numbersRoots);
  if (row.status !== 'ok' || !block) return row;
  // None of its numbers can be trusted: neither the totals (« au moins ») nor the CSV take any of them.
  const unstyled: AuditRow = {
    ref,
    status: 'unknown',
    terminable: 0,
    sdaLinked: 0,
    licences: [],
    reason: 'unstyled',
  };
  // A page script still filling the block: what it would add is not in this copy.
  if (foldText(visibleText(root)).includes(LOADING)) return unstyled;
  // Off-screen no stylesheet applies: an element the page's classes may hide (a template row, a stale
  // copy) is read as shown. When leaving one out still reads every licence but other numbers, which
  // one the operator sees cannot be told here.
  const candidates = mayHideRows(block, numbersRoots);
  if (candidates.length > MAX_CLASSED) return unstyled;
  const seen = verdictOf(row);
  for (const element of candidates) {
    const without = readWithout(new Set([element]), () =>
      readDetails(ref, readLicenceBlock(root), numbersRoots),
    );
    if (without.status === 'ok' && verdictOf(without) !== seen) return unstyled;
  }
  return row;
}

/** « Chargement… », folded: what a pane shows while its script fetches what it will show. */
const LOADING = foldText('Chargement');
/** Beyond this many classed elements holding digits, the check would cost too much: not judged. */
const MAX_CLASSED = 80;

/**
 * The elements whose leaving out could change the numbers and still read every licence: a classed
 * element, unlike its siblings, that is a row of the licence block or holds some of its rows (a
 * `tr.hide`, a `tbody` of stale rows — never what holds every row), or a row of a numbers table. Leaving out
 * anything else inside a row leaves it without a count or with the same one (a hidden copy beside the
 * count already makes the row ambiguous); above the rows, it leaves no row. Only these are read again: reading the
 * page again for every classed element holding a digit cost ~15 times the read itself per service.
 */
function mayHideRows(block: LicenceBlock, numbersRoots: readonly ParentNode[]): Element[] {
  const found = new Set<Element>();
  const consider = (element: Element) => {
    if (element.hasAttribute('class') && !likeASibling(element)) found.add(element);
  };
  // What holds every row leaves no row at all when left out: never an « ok » read with other numbers.
  const holdsEveryRow = (at: Element) => block.rows.every((row) => at.contains(row.element));
  for (const { element } of block.rows) {
    for (let at: Element | null = element; at && at !== block.container; at = at.parentElement) {
      if (holdsEveryRow(at)) break;
      consider(at);
    }
  }
  for (const numbers of numbersRoots)
    for (const table of findNumberTables(numbers))
      for (const tableRow of Array.from(table.querySelectorAll('tr, [role=row]'))) consider(tableRow);
  return [...found].filter((element) => /\p{Nd}|licence/iu.test(element.textContent ?? ''));
}

/**
 * One of a series (every licence row a `div.row`): its class styles them all alike, and the ones read
 * are shown. A row whose class none of its siblings carry (`tr.hide` among `tr`s) is what may be hidden.
 */
function likeASibling(element: Element): boolean {
  return Array.from(element.parentElement?.children ?? []).some(
    (other) =>
      other !== element && other.tagName === element.tagName && other.className === element.className,
  );
}

/** The numbers a verdict gives, to compare two reads. */
function verdictOf(row: AuditRow): string {
  return JSON.stringify([row.terminable, row.sdaLinked, row.licences]);
}

function readDetails(ref: string, block: LicenceBlock | null, numbersRoots: readonly ParentNode[]): AuditRow {
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
