/**
 * One view of the page per change, shared by every feature: `lib/portal` reads, `lib/licences`
 * judges (`judgePage`), and this pairs the verdict with the elements it is about. Page data beyond
 * the verdict (SDA tables, the Numéros tab) is read only when a running feature needs it.
 */
import { type DialogLimit, judgePage, type PageMemory, type PageVerdict } from '../licences/judge-page';
import type { LicenceAssessment } from '../licences/types';
import { sameLicence } from '../portal/labels';
import { readLicenceBlock } from '../portal/licence-block';
import { findNumbersTab, readSdaAssignments } from '../portal/sda';
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
  numbersTab(): HTMLElement | null;
  /**
   * The rows in the order the operator sees them: those in the viewport, then the nearest to it
   * (page order among equals). Features annotate in that order, in slices (slices.ts).
   */
  rowsNearestFirst(): RowView[];
}

export type PageNeed = keyof PageExtras;

export interface PageView extends PageExtras {
  block: LicenceBlock | null;
  rows: RowView[];
  summary: PageVerdict['summary'];
  dialogs: DialogView[];
  /** The verdict as judged, memory included (the runtime keeps it for the next view). */
  verdict: PageVerdict;
}

/** How far (px) a row is from the viewport: 0 inside it. */
function distanceFromViewport(element: Element, height: number): number {
  const box = element.getBoundingClientRect();
  if (box.bottom < 0) return -box.bottom;
  if (box.top > height) return box.top - height;
  return 0;
}

/** So few rows are all done in the first slice: no layout is forced to order them. */
export const FEW_ROWS = 16;

/** Rows nearest the viewport first, page order among equals (one layout: read before any write). */
export function nearestFirst(rows: readonly RowView[], root: Document): RowView[] {
  if (rows.length <= FEW_ROWS) return [...rows];
  const height = root.defaultView?.innerHeight ?? 0;
  const distances = rows.map(({ row }) => distanceFromViewport(row.element, height));
  return rows
    .map((view, at) => ({ view, at }))
    .sort((a, b) => (distances[a.at] as number) - (distances[b.at] as number) || a.at - b.at)
    .map(({ view }) => view);
}

export function viewPage(root: Document, memory: PageMemory): PageView {
  const block = readLicenceBlock(root);
  const dialogs = readTerminationDialogs(root);
  const rows = block?.rows ?? [];
  const verdict = judgePage(
    {
      rows,
      legend: block?.legend ?? { kind: 'none' },
      dialogs,
      sameLicence,
      unreadRows: block?.unreadRows ?? 0,
    },
    memory,
  );
  let sda: SdaAssignment[] | undefined;
  let tab: HTMLElement | null | undefined;
  let ordered: RowView[] | undefined;
  const rowViews = rows.map((row, at) => ({ row, assessment: verdict.licences[at] as LicenceAssessment }));
  return {
    block,
    rows: rowViews,
    summary: verdict.summary,
    dialogs: dialogs.map((dialog, at) => ({ dialog, limit: verdict.dialogs[at] as DialogLimit })),
    verdict,
    sdaAssignments: () => {
      sda ??= readSdaAssignments(root);
      return sda;
    },
    numbersTab: () => {
      if (tab === undefined) tab = findNumbersTab(root);
      return tab;
    },
    rowsNearestFirst: () => {
      ordered ??= nearestFirst(rowViews, root);
      return ordered;
    },
  };
}
