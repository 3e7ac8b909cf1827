/**
 * One view of the page per change, shared by every feature: `lib/portal` reads, `lib/licences`
 * judges (`judgePage`), and this pairs the verdict with the elements it is about. The numbers shown
 * holding licences (SDA tables) are read with the block: they check its counts. The Numéros tab is
 * looked for only when a running feature needs it.
 */
import { type DialogLimit, judgePage, type PageMemory, type PageVerdict } from '../licences/judge-page';
import type { LicenceAssessment } from '../licences/types';
import { inItsRow } from '../portal/dialog-row';
import { sameLicence } from '../portal/labels';
import { readLicenceBlock } from '../portal/licence-block';
import { findNumbersTab, findNumberTables, numbersHoldingEach, readSdaList } from '../portal/sda';
import { readTerminationDialogs } from '../portal/termination-dialog';
import type { LicenceBlock, LicenceRow, SdaAssignment, TerminationDialog } from '../portal/types';

export interface RowView {
  row: LicenceRow;
  assessment: LicenceAssessment;
}

export interface DialogView {
  dialog: TerminationDialog;
  limit: DialogLimit;
}

/** Page data a feature may need beyond the verdict, read at most once per view. */
export interface PageExtras {
  sdaAssignments(): SdaAssignment[];
  /** Whether those numbers are only part of the page's (a page of several, a filter, rows loading). */
  sdaListPartial(): boolean;
  numbersTab(): HTMLElement | null;
}

export type PageNeed = keyof PageExtras;

export interface PageView extends PageExtras {
  block: LicenceBlock | null;
  /**
   * The tables of numbers holding licences that were read with the block: what they say checks its
   * counts and is listed by the SDA flags, so they are watched like the block.
   */
  numberTables: Element[];
  rows: RowView[];
  summary: PageVerdict['summary'];
  dialogs: DialogView[];
  /** The verdict as judged, memory included (the runtime keeps it for the next view). */
  verdict: PageVerdict;
}

/**
 * So few rows are all done in the first slice: nothing watches which ones the operator sees
 * (viewport-order.ts) to put them first.
 */
export const FEW_ROWS = 16;

/** `block`: the licence block already read (in steps, see the manager), else it is read now. */
export function viewPage(
  root: Document,
  memory: PageMemory,
  block: LicenceBlock | null = readLicenceBlock(root),
): PageView {
  const rows = block?.rows ?? [];
  const dialogs = readTerminationDialogs(root).map((dialog) => inItsRow(dialog, block));
  // The numbers shown holding licences check the counts (judgePage): read with the block, not on demand,
  // and counted per licence once (200 rows against 200 numbers compared pairwise cost 20 ms).
  const numberTables = rows.length > 0 ? findNumberTables(root) : [];
  const { assignments: sda, partial } = readSdaList(root, numberTables);
  const verdict = judgePage(
    {
      rows,
      legend: block?.legend ?? { kind: 'none' },
      dialogs,
      sameLicence,
      unreadRows: block?.unreadRows ?? 0,
      numbersHolding: numbersHoldingEach(sda),
    },
    memory,
  );
  let tab: HTMLElement | null | undefined;
  const rowViews = rows.map((row, at) => ({ row, assessment: verdict.licences[at] as LicenceAssessment }));
  return {
    block,
    numberTables,
    rows: rowViews,
    summary: verdict.summary,
    dialogs: dialogs.map((dialog, at) => ({ dialog, limit: verdict.dialogs[at] as DialogLimit })),
    verdict,
    sdaAssignments: () => sda,
    sdaListPartial: () => partial,
    numbersTab: () => {
      if (tab === undefined) tab = findNumbersTab(root);
      return tab;
    },
  };
}
