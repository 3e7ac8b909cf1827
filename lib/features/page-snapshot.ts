/**
 * One reading of the page per change, shared by every feature: the licence block, each row's
 * verdict (legend and remembered dialog disagreements applied), the open termination dialogs with
 * the most each allows. SDA tables and the Numéros tab are read only when a feature asks.
 */
import { applyCrossCheck, applyLegend, assessLicence, summarise } from '../licences/assess';
import type { LicenceAssessment, LicenceSummary } from '../licences/types';
import { sameLicence } from '../portal/labels';
import { readLicenceBlock } from '../portal/licence-block';
import { findNumbersTab, readSdaAssignments } from '../portal/sda';
import { readTerminationDialogs } from '../portal/termination-dialog';
import type { LicenceBlock, LicenceRow, SdaAssignment, TerminationDialog } from '../portal/types';
import type { ShownReason } from '../ui/page-text';
import type { PageState } from './page-state';

export interface RowView {
  row: LicenceRow;
  assessment: LicenceAssessment;
}

/** The most a dialog lets the operator terminate, or why it cannot be told. */
export type DialogLimit = { kind: 'max'; max: number } | { kind: 'unknown'; reason: ShownReason };

export interface DialogView {
  dialog: TerminationDialog;
  limit: DialogLimit;
}

export interface PageSnapshot {
  block: LicenceBlock | null;
  rows: RowView[];
  summary: LicenceSummary;
  dialogs: DialogView[];
  sdaAssignments(): SdaAssignment[];
  numbersTab(): HTMLElement | null;
}

function rowFor<T extends { row: LicenceRow }>(views: readonly T[], label: string): T | undefined {
  return views.find((view) => sameLicence(view.row.label, label));
}

/**
 * The dialog's own quantities decide the maximum, and only when the table agrees: a row the
 * extension cannot read (or that a dialog contradicted) leaves the maximum unknown.
 */
function dialogLimit(dialog: TerminationDialog, rows: readonly RowView[]): DialogLimit {
  const { subscribed, active } = dialog;
  if (subscribed === null || active === null || active > subscribed)
    return { kind: 'unknown', reason: 'dialog-unreadable' };
  const view = rowFor(rows, dialog.licenceLabel);
  if (view && view.assessment.state === 'unknown')
    return { kind: 'unknown', reason: view.assessment.reason ?? 'missing' };
  return { kind: 'max', max: subscribed - active };
}

function disagreed(label: string): LicenceAssessment {
  return {
    label,
    state: 'unknown',
    subscribed: null,
    active: null,
    terminable: null,
    reason: 'dialog-disagrees',
  };
}

export function readPage(root: Document, state: PageState): PageSnapshot {
  const block = readLicenceBlock(root);
  const dialogs = readTerminationDialogs(root);
  const base = (block?.rows ?? []).map((row) => ({
    row,
    assessment: applyLegend(assessLicence(row), block?.legend ?? { kind: 'none' }),
  }));
  for (const dialog of dialogs) {
    const view = rowFor(base, dialog.licenceLabel);
    if (!view || view.assessment.state === 'unknown') continue;
    const { rawCount, label } = view.row;
    if (state.countWhenOpened({ ...dialog }, rawCount) !== rawCount) continue;
    if (applyCrossCheck(view.assessment, dialog).state === 'unknown')
      state.rememberDisagreement({ label, rawCount });
  }
  const rows = base.map(({ row, assessment }) =>
    assessment.state !== 'unknown' && state.disagrees(row.label, row.rawCount)
      ? { row, assessment: disagreed(row.label) }
      : { row, assessment },
  );
  let sda: SdaAssignment[] | undefined;
  let tab: HTMLElement | null | undefined;
  return {
    block,
    rows,
    summary: summarise(
      rows.map((view) => view.assessment),
      block?.unreadRows ?? 0,
    ),
    dialogs: dialogs.map((dialog) => ({ dialog, limit: dialogLimit(dialog, rows) })),
    sdaAssignments: () => {
      sda ??= readSdaAssignments(root);
      return sda;
    },
    numbersTab: () => {
      if (tab === undefined) tab = findNumbersTab(root);
      return tab;
    },
  };
}
