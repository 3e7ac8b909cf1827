/**
 * The verdict about one reading of a page: each row's numbers (legend and remembered dialog
 * disagreements applied), the totals, and the most each open termination dialog allows. The only
 * place where what the portal shows becomes numbers the extension shows. Pure: what the page taught
 * earlier (dialog disagreements) comes in as `memory` and goes out updated; the caller keeps it.
 */
import type { CountLegend, LicenceRow } from '../portal/types';
import { applyCrossCheck, applyLegend, assessLicence, summarise, unknownLicence } from './assess';
import type { LicenceAssessment, LicenceSummary, ShownReason } from './types';

/** A row as the portal adapter read it. */
export type RowReading = Pick<LicenceRow, 'label' | 'rawCount' | 'count' | 'problem'>;

/** An open termination dialog as the portal adapter read it. */
export interface DialogReading {
  /** What identifies the dialog (the reader's element); compared by identity only. */
  root: object;
  licenceLabel: string;
  /** "Quantité souscrite" and "Quantité active", `null` when absent or not whole numbers. */
  subscribed: number | null;
  active: number | null;
}

export interface PageReading {
  /** The licence block's rows, in page order (none when there is no block). */
  rows: readonly RowReading[];
  legend: CountLegend;
  dialogs: readonly DialogReading[];
  /** Whether two labels name the same licence, as the portal writes them (`lib/portal/labels.ts`). */
  sameLicence(a: string, b: string): boolean;
  /**
   * Rows of the block that carry an `A / S` count but no licence label the reader could read: counted
   * with the unknown rows, so that the summary never hides a row.
   */
  unreadRows?: number;
  /**
   * How many numbers (SDA) the page shows holding the licence a row names (a "Numéros" table, maybe
   * only one page of it): each holds an active licence, so a licence held by more numbers than its
   * count's actives is not counted as active / subscribed — a count read as `0 / 1` that means
   * "free / total" would show 1 terminable where none is.
   */
  numbersHolding?: (label: string) => number;
}

/** A row a termination dialog contradicted, with the count it showed then. */
export interface Disagreement {
  label: string;
  /** A new count (after a termination) is judged afresh. */
  rawCount: string;
}

/** A dialog's content as first seen, with the count its row showed then. */
export interface DialogSeen extends DialogReading {
  rawCount: string;
}

/** What the extension learns while a page lives. */
export interface PageMemory {
  readonly disagreements: readonly Disagreement[];
  /** One entry per dialog element (the portal reuses one for every licence). */
  readonly dialogsSeen: readonly DialogSeen[];
  /**
   * Terminations the guard let through, with the dialog and the count their row showed then. Once the
   * page closed that dialog (a failure keeps it open, with its error), the row's count may be the one
   * from before until it shows another (a portal that needs a reload).
   */
  readonly sent?: readonly SentTermination[];
}

export interface SentTermination extends Disagreement {
  /** The dialog it was sent from (compared by identity, as `DialogReading.root`). */
  dialog: object;
  /**
   * Sent from a dialog whose title names no row (`Résiliation de 2 licences full`, a licence the block
   * does not show): every row was remembered, any of them may be the one; each stays in doubt while it
   * shows the count it had (another row's new count does not tell which service or licence it was).
   */
  unbound?: true | undefined;
  /** How many the guard let through (the sends of one opening summed), when it could read the quantity. */
  value?: number | undefined;
  /** The dialog's own quantities then: a dialog showing them again was not refreshed since. */
  quantities?: Pick<DialogReading, 'subscribed' | 'active'> | undefined;
  /**
   * The page closed its dialog since (set by `judgePage`): the termination was taken, or at least not
   * refused in the dialog. Opened again, the dialog does not bring the old count back, nor does a cancel.
   */
  closed?: true;
  /** The closed termination of the same count this one was sent after; a cancel brings it back. */
  earlier?: SentTermination | undefined;
}

/** What the guard let through: the quantity (when read), the dialog's own quantities then. */
export type SentWhat = Pick<SentTermination, 'value' | 'quantities'>;

/**
 * The memory once a termination of `row`'s licence was let through from `dialog` (`row` given; every
 * row of the block when the dialog names none of them), or once the operator cancelled that dialog
 * (`null`: the page kept it open, it was not taken).
 */
export function rememberSent(
  memory: PageMemory,
  dialog: object,
  row: RowReading | readonly RowReading[] | null,
  same: PageReading['sameLicence'],
  what: SentWhat = {},
): PageMemory {
  const previous = memory.sent ?? [];
  // A cancel forgets only what this opening sent: a termination whose dialog the page closed before
  // (the dialog opened again since) stays.
  if (row === null)
    return {
      ...memory,
      sent: previous.flatMap((entry) =>
        entry.dialog !== dialog || entry.closed ? [entry] : entry.earlier ? [entry.earlier] : [],
      ),
    };
  const rows: readonly RowReading[] = 'label' in row ? [row] : row;
  // Only the same licence's entry from the same count (both sends add up): the portal reuses one dialog
  // element for every licence, and a termination of another licence sent from it before (closed or not)
  // is still in doubt; so is one sent from another count — maybe another service's, shown again later.
  const replaced = (entry: SentTermination) =>
    rows.some(({ label, rawCount }) => same(entry.label, label) && entry.rawCount === rawCount);
  const sent = previous.filter((entry) => !replaced(entry));
  const unbound = !('label' in row);
  for (const { label, rawCount } of rows) {
    // A termination of the same count sent from an earlier opening and closed: both are still in doubt.
    const match = previous.find(
      (entry) => replaced(entry) && same(entry.label, label) && entry.rawCount === rawCount,
    );
    const earlier = match?.closed ? match : match?.earlier;
    const value =
      what.value === undefined || (earlier && earlier.value === undefined)
        ? undefined
        : what.value + (earlier?.value ?? 0);
    sent.push({
      label,
      rawCount,
      dialog,
      unbound: unbound || undefined,
      value,
      quantities: what.quantities,
      earlier,
    });
  }
  return { ...memory, sent };
}

export const EMPTY_MEMORY: PageMemory = { disagreements: [], dialogsSeen: [] };

/** Dialog elements remembered at most: the portal reuses one; this only bounds a page that does not. */
const MAX_DIALOGS_SEEN = 8;

/**
 * The most a dialog lets the operator terminate, or why it cannot be told. `atMost`: the least of what
 * the readings that remain state (the dialog's own quantities, the row as read; when the table changed
 * behind the open dialog, the dialog as opened and the row now): more is refused, anything up to it is
 * not claimed checked.
 */
export type DialogLimit =
  | { kind: 'max'; max: number }
  | { kind: 'unknown'; reason: ShownReason; atMost?: number };

export interface PageVerdict {
  /** One per row of the reading, in the same order. */
  licences: LicenceAssessment[];
  summary: LicenceSummary;
  /** One per dialog of the reading, in the same order. */
  dialogs: DialogLimit[];
  memory: PageMemory;
}

/**
 * The dialog's own quantities decide the maximum, and only when the table agrees: a row the
 * extension cannot read (or that a dialog contradicted) leaves the maximum unknown.
 */
function dialogLimit(dialog: DialogReading, row: LicenceAssessment | undefined): DialogLimit {
  const { subscribed, active } = dialog;
  if (subscribed === null || active === null || active > subscribed)
    return { kind: 'unknown', reason: 'dialog-unreadable' };
  if (row && row.state === 'unknown') return { kind: 'unknown', reason: row.reason ?? 'missing' };
  return { kind: 'max', max: subscribed - active };
}

/**
 * An unknown maximum is still bounded by what the page states and the extension could read: the
 * dialog's own souscrite − active, and the row's terminable count as read (before any disagreement
 * set it aside). Where they disagree, or one of them is unreadable, nothing says which is right — but
 * more than the least of them is impossible by every reading, so it is refused at the action; anything
 * up to it is let through without being claimed checked.
 */
function boundedByWhatIsRead(
  limit: DialogLimit,
  dialog: DialogReading,
  row: LicenceAssessment | undefined,
): DialogLimit {
  if (limit.kind !== 'unknown' || limit.atMost !== undefined) return limit;
  const { subscribed, active } = dialog;
  const bounds: number[] = [];
  if (subscribed !== null && active !== null && active <= subscribed) bounds.push(subscribed - active);
  if (row && row.state !== 'unknown' && row.terminable !== null) bounds.push(row.terminable);
  return bounds.length === 0 ? limit : { ...limit, atMost: Math.min(...bounds) };
}

/**
 * A dialog opened again for a licence whose termination the page closed and whose row still shows the
 * count it had: whether that termination was taken is not known (a portal that updates on reload), so
 * the maximum is unknown, and what was sent comes off every reading that predates it — the row, and the
 * dialog's own quantities when it shows those it showed then (not refreshed). A second termination of
 * the "same" licence beyond what remains after the first is refused; reloading the page ends the doubt.
 */
function afterTermination(
  dialog: DialogReading,
  row: LicenceAssessment | undefined,
  sent: SentTermination,
): DialogLimit {
  const value = sent.value ?? 0;
  const { subscribed, active } = dialog;
  const bounds: number[] = [];
  if (subscribed !== null && active !== null && active <= subscribed) {
    const refreshed =
      sent.quantities !== undefined &&
      (sent.quantities.subscribed !== subscribed || sent.quantities.active !== active);
    bounds.push(subscribed - active - (refreshed ? 0 : value));
  }
  if (row && row.state !== 'unknown' && row.terminable !== null) bounds.push(row.terminable - value);
  const reason = 'termination-sent';
  return bounds.length === 0
    ? { kind: 'unknown', reason }
    : { kind: 'unknown', reason, atMost: Math.max(0, Math.min(...bounds)) };
}

/** This dialog element showing the same content when it was seen before, if it was. */
function seenBefore(
  seen: readonly DialogSeen[],
  dialog: DialogReading,
  same: PageReading['sameLicence'],
): DialogSeen | undefined {
  const known = seen.find((entry) => entry.root === dialog.root);
  return known &&
    known.subscribed === dialog.subscribed &&
    known.active === dialog.active &&
    same(known.licenceLabel, dialog.licenceLabel)
    ? known
    : undefined;
}

/**
 * The row's count when this dialog content was first seen. After Confirmer, the portal replaces the
 * block (new counts) while the dialog still shows the old quantities: comparing those would be a
 * false disagreement, so a dialog is only compared with the table it opened over.
 */
function countWhenOpened(
  seen: DialogSeen[],
  dialog: DialogReading,
  rawCount: string,
  same: PageReading['sameLicence'],
): string {
  const known = seenBefore(seen, dialog, same);
  if (known) return known.rawCount;
  const at = seen.findIndex((entry) => entry.root === dialog.root);
  if (at >= 0) seen.splice(at, 1);
  else if (seen.length >= MAX_DIALOGS_SEEN) seen.shift();
  seen.push({ ...dialog, rawCount });
  return rawCount;
}

export function judgePage(reading: PageReading, memory: PageMemory): PageVerdict {
  const { rows, dialogs, sameLicence: same } = reading;
  const base = rows.map((row) => {
    const assessment = applyLegend(assessLicence(row), reading.legend);
    const numbers = reading.numbersHolding?.(row.label) ?? 0;
    return assessment.active !== null && numbers > assessment.active
      ? unknownLicence(row.label, 'sda-disagrees')
      : assessment;
  });
  const disagreements = [...memory.disagreements];
  // A dialog closed is forgotten: opened again (the same element, maybe the same quantities), it opens
  // over the table shown then, and is compared with it — not with the one it first opened over.
  const dialogsSeen = memory.dialogsSeen.filter((seen) =>
    dialogs.some((dialog) => dialog.root === seen.root),
  );
  const disagrees = ({ label, rawCount }: Disagreement) =>
    disagreements.some((known) => known.rawCount === rawCount && same(known.label, label));
  // Each dialog's row: the first that names its licence.
  const rowOf = dialogs.map((dialog) => rows.findIndex((row) => same(row.label, dialog.licenceLabel)));
  dialogs.forEach((dialog, index) => {
    const at = rowOf[index] as number;
    const row = rows[at];
    const assessment = base[at];
    if (!row || !assessment || assessment.state === 'unknown') return;
    const { label, rawCount } = row;
    if (countWhenOpened(dialogsSeen, dialog, rawCount, same) !== rawCount) return;
    if (applyCrossCheck(assessment, dialog).state === 'unknown' && !disagrees(row))
      disagreements.push({ label, rawCount });
  });
  // A termination sent is never forgotten while the page lives: its row showing another count makes it
  // inert (nothing matches it), not gone. Neither the address nor the row's elements name the service:
  // a framework may swap in another service's Détails at the same address (a hash router) or the same
  // service at another one (tabs, filters, a flag after the termination); another service's count
  // would otherwise end the doubt, and back on the first, its row still at the count it had (the portal
  // shows it until a reload), the old maximum would come back. A reload ends it (the memory lives in the
  // page's script).
  const sent = [...(memory.sent ?? [])];
  // Closed once is closed for good: the same dialog element opened again is another opening.
  for (const [at, entry] of sent.entries())
    if (!entry.closed && !dialogs.some((dialog) => dialog.root === entry.dialog))
      sent[at] = { ...entry, closed: true };
  const closed = sent.filter((entry) => entry.closed);
  // The closed termination a dialog would repeat: its row still shows the count it had then (a dialog
  // naming no row: the one it was sent from, opened again).
  const repeats = (dialog: DialogReading, row: RowReading | undefined) =>
    closed.find((entry) =>
      row
        ? entry.rawCount === row.rawCount && same(entry.label, row.label)
        : entry.unbound === true && entry.dialog === dialog.root,
    );
  const licences = base.map((assessment, at) => {
    const row = rows[at] as RowReading;
    if (assessment.state === 'unknown') return assessment;
    if (closed.some((entry) => entry.rawCount === row.rawCount && same(entry.label, row.label)))
      return unknownLicence(row.label, 'termination-sent');
    return disagrees(row) ? unknownLicence(row.label, 'dialog-disagrees') : assessment;
  });
  return {
    licences,
    summary: summarise(licences, reading.unreadRows),
    dialogs: dialogs.map((dialog, index) => {
      const sentBefore = repeats(dialog, rows[rowOf[index] as number]);
      if (sentBefore) return afterTermination(dialog, base[rowOf[index] as number], sentBefore);
      const limit = boundedByWhatIsRead(
        dialogLimit(dialog, licences[rowOf[index] as number]),
        dialog,
        base[rowOf[index] as number],
      );
      // A table changed (or gone) behind the open dialog makes its maximum stale.
      const opened = seenBefore(memory.dialogsSeen, dialog, same)?.rawCount;
      const changed = opened !== undefined && opened !== rows[rowOf[index] as number]?.rawCount;
      if (limit.kind !== 'max' || !changed) return limit;
      // After another termination the row shows fewer: what it allows now bounds the dialog's old maximum.
      const now = licences[rowOf[index] as number]?.terminable ?? null;
      return { kind: 'unknown', reason: 'table-changed', atMost: Math.min(limit.max, now ?? limit.max) };
    }),
    memory: {
      disagreements,
      dialogsSeen,
      ...(sent.length > 0 ? { sent } : {}),
    },
  };
}
