/**
 * Reading the "Nombre de licences ⓘ" block of the Détails tab from visible text and structure only:
 * the real portal's markup is unknown (a table on the card; it may be divs, a dl, a list).
 *
 * How a row is found: every visible text node that starts with the word "Licence" starts a label.
 * The label element is that text's element, widened while the wider element still only holds this
 * label (`<td><b>Licence</b> full</td>`). The row is the smallest ancestor holding the label and a
 * count without holding another label or the heading; when there is none (a `dl`, a flat grid), the
 * label's following siblings up to the next label are its row.
 */
import { shownInAnotherOrder } from './bidi';
import { type CountReading, holdsCountShape, parseCount, splitLabelAndCount } from './count';
import { findByText, visibleTextNodesWhere, widestWithSameText } from './find-by-text';
import {
  HEADING_LABEL,
  isLicenceLabel,
  isStateOrMark,
  knownLicenceType,
  licenceKey,
  startsWithLicenceWord,
} from './labels';
import { classifyLegendText, combineLegends, TOOLTIP_ATTRIBUTES, tooltipTexts } from './legend';
import { findNumberTables } from './sda';
import { CLICKABLE, DIALOGS, TAB_PANEL } from './selectors';
import { readTerminationDialogs } from './termination-dialog';
import { foldText, normaliseText } from './text';
import type { CountLegend, LicenceBlock, LicenceRow } from './types';
import {
  INLINE_FORMATTING,
  isHiddenElement,
  isHiddenWithin,
  oneRead,
  readWithout,
  shownState,
  visibleText,
} from './visibility';

const HEADING = foldText(HEADING_LABEL);
/** Containers that group rows, never one row's label. */
const ROW_GROUPS = new Set(['TR', 'TBODY', 'THEAD', 'TFOOT', 'TABLE', 'DL', 'UL', 'OL', 'BODY', 'HTML']);
/** Siblings that start a new row in a flat layout (`dt` after `dt`…). */
const ROW_STARTS = new Set(['DT', 'TR', 'LI']);
/** Elements that may continue a label: `<td><a>Licence</a> <span>full</span></td>`. */
const LABEL_PARTS: ReadonlySet<string> = new Set([...INLINE_FORMATTING, 'SPAN', 'A', 'LABEL']);
/** How far above the heading the rows may start: beyond that, the heading has no rows. */
const MAX_CONTAINER_DEPTH = 12;
/** Page text longer than this near the block is prose, not a legend. */
const MAX_LEGEND_LENGTH = 200;
/** How many levels above the rows' container a note still counts as "near the block". */
const LEGEND_LEVELS = 3;

/**
 * `''` when the text is the heading, the trailing words when it is the heading plus a short note (a
 * total too: `Nombre de licences (9)`, `Nombre de licences : 9`, see `readLicenceBlockInSteps`).
 */
function headingNote(text: string): string | null {
  const folded = foldText(text);
  if (folded === HEADING) return '';
  if (!folded.startsWith(`${HEADING} `) && !folded.startsWith(`${HEADING}(`)) return null;
  const note = normaliseText(text).slice(HEADING_LABEL.length);
  if (note.length > 80 || startsWithLicenceWord(note.replace(/^[\s(:]+/, ''))) return null;
  return note.replace(/^[\s(:\u2013\u2014-]+|[\s)]+$/g, '');
}

/** The deepest visible elements reading "Nombre de licences" (case, spaces, icons, colon tolerant). */
function findHeadings(root: ParentNode): HTMLElement[] {
  return findByText(root, 'licences', (text) => headingNote(text) !== null);
}

/** Whether a node is inside a dialog or a numbers table: its licences are not rows of the block. */
function elsewhere(node: Node, numberTables: readonly Element[]): boolean {
  const parent = node.parentElement;
  if (!parent || parent.closest(DIALOGS)) return true;
  return numberTables.some((table) => table.contains(parent));
}

/** Text nodes starting with the word "Licence" that the operator sees in the container, outside dialogs and numbers tables. */
function labelStarts(container: Element): Text[] {
  const numberTables = findNumberTables(container);
  return visibleTextNodesWhere(container, startsWithLicenceWord, true).filter(
    (node) => !elsewhere(node, numberTables),
  );
}

/**
 * The ancestors of the heading holding at least one label, smallest first, within reach. The first
 * may hold only a bare "Licence" column header (a `thead`): the caller goes on to the next.
 */
function* candidateContainers(heading: HTMLElement): Generator<{ container: HTMLElement; starts: Text[] }> {
  let current = heading.parentElement;
  for (let depth = 0; current && depth < MAX_CONTAINER_DEPTH; depth += 1) {
    const starts = labelStarts(current);
    if (starts.length > 0) yield { container: current, starts };
    if (current.tagName === 'BODY' || current.matches(DIALOGS)) return;
    current = current.parentElement;
  }
}

const COUNT_LIKE = /[\d/]/;
/**
 * Words saying an operation is pending on a row (`1 / 2 dont une en cours de résiliation`, `résiliation
 * programmée`, `résiliée`): the count may not say what can be terminated now. Not `Résilier` (the action).
 */
const PENDING = /\ben (?:cours|attente)\b|\bprogramme|\bresiliee?s?\b|\bpending\b/;

interface RowContext {
  container: HTMLElement;
  heading: HTMLElement;
  starts: readonly Text[];
  /** How many starts each node holds (itself included), counted once per read. */
  startsIn: Map<Node, number>;
  /** The header cell naming the count, per table or group of rows (`null`: none), found once. */
  countColumns: Map<Element, Element | null>;
}

/**
 * Each start counted on itself and every ancestor: one walk per start, instead of testing every
 * start against every node asked about (rows × starts, 40,000 `contains` for a 200-row block).
 */
function countStarts(starts: readonly Text[]): Map<Node, number> {
  const counts = new Map<Node, number>();
  for (const start of starts)
    for (let node: Node | null = start; node; node = node.parentNode)
      counts.set(node, (counts.get(node) ?? 0) + 1);
  return counts;
}

function startsWithin(element: Node, context: RowContext): number {
  return context.startsIn.get(element) ?? 0;
}

/** A text that can only be a count or its placeholder (`2`, `1,5`, `—`), never more words of a label. */
const COUNT_ONLY = /^[-+\u2010-\u2014\u2212]?[\d.,]*$/;

/**
 * Whether `parent` may widen the label element `label`: it only adds more words of this label
 * (`<td><b>Licence</b> <span>full</span></td>`), no slash, no count-only part. Digits inside words
 * are label (`Licence T2`).
 */
function continuesLabel(parent: HTMLElement, label: HTMLElement, context: RowContext): boolean {
  if (parent === context.container || ROW_GROUPS.has(parent.tagName) || parent.contains(context.heading))
    return false;
  if (startsWithin(parent, context) !== 1) return false;
  const text = visibleText(parent);
  if (text.includes('/') || !startsWithLicenceWord(text)) return false;
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child === label) continue;
    const childText = visibleText(child);
    // An empty cell beside the label is the row's count not shown: the box is a row, not the label.
    if (childText === '' && isGap(child, false)) return false;
    if (childText === '') continue;
    if (COUNT_ONLY.test(childText)) return false;
    if (child.nodeType === 1 && !LABEL_PARTS.has((child as Element).tagName) && !isClickable(child))
      return false;
  }
  return true;
}

function isClickable(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).matches(CLICKABLE);
}

/**
 * The label's text. Links and buttons after the label's first word (an ⓘ link whose screen-reader
 * text says "Informations") are left out, unless the label needs them (`Licence <a>full</a>`).
 */
function labelText(nodes: readonly Node[], start: Text): string {
  const full = nodes.map((node) => visibleText(node)).join(' ');
  const clickables = new Set<Node>();
  for (const node of nodes) {
    if (isClickable(node) && !node.contains(start)) clickables.add(node);
    if (node.nodeType !== 1) continue;
    for (const inner of (node as Element).querySelectorAll(CLICKABLE)) {
      if (!inner.contains(start)) clickables.add(inner);
    }
  }
  if (clickables.size === 0) return full;
  const trimmed = nodes.map((node) => visibleText(node, clickables)).join(' ');
  return isLicenceLabel(splitLabelAndCount(trimmed).label) ? trimmed : full;
}

/**
 * The rest of a label written as loose siblings of its first word (`<b>Licence</b> <span>full</span>
 * <span>1 / 2</span>`): following text and inline elements up to anything count-like.
 */
function labelContinuation(labelElement: HTMLElement, context: RowContext): Node[] {
  if (visibleText(labelElement).includes('/')) return [];
  const nodes: Node[] = [];
  for (let sibling = labelElement.nextSibling; sibling; sibling = sibling.nextSibling) {
    const text = visibleText(sibling);
    if (startsWithin(sibling, context) > 0 || sibling.contains(context.heading)) break;
    if (text !== '' && (text.includes('/') || COUNT_ONLY.test(text))) break;
    // An element that is no part of a label ends it, even empty: an empty `dd` is a count not shown.
    if (sibling.nodeType === 1 && !LABEL_PARTS.has((sibling as Element).tagName) && !isClickable(sibling))
      break;
    nodes.push(sibling);
  }
  return nodes;
}

/**
 * Label and leftover from the label's nodes. Where loose words follow the label, the longest known
 * type ending at a node boundary wins when what follows it is a state or marks (`Licence simple` +
 * `<em>Actif</em>` → `Licence simple`, while `<b>Licence full</b> <span>avancée</span>` stays
 * `Licence full avancée`); other words are the rest of a type's name (`<b>Licence full</b>
 * <span>vidéo</span>`, a type the card does not list, is not `Licence full`): unknown types keep all.
 */
function labelFromNodes(nodes: readonly Node[], start: Text): { label: string; rest: string } {
  const whole = splitLabelAndCount(labelText(nodes, start));
  for (let count = nodes.length; count > 1 && !knownLicenceType(whole.label); count -= 1) {
    const shorter = splitLabelAndCount(labelText(nodes.slice(0, count - 1), start));
    const cut = whole.label.slice(shorter.label.length);
    // After an empty cell the words are another cell's (`Licence full`, `<span></span>`, `Total`):
    // cut, they stay on the row before its count, which makes it ambiguous (finishRow, wordsAfterGap).
    if (
      knownLicenceType(shorter.label) &&
      (isStateOrMark(cut) || nodes.slice(count - 1).some((node) => isGap(node)))
    )
      return { label: shorter.label, rest: `${cut} ${whole.rest}` };
  }
  return whole;
}

/**
 * The siblings after `node` up to the next label (or the heading, or a new row of the same kind as
 * `rowStart`: a `dt` after the label's `dt`, even when the label's empty `dd` came in between).
 */
function followingRowSiblings(node: Node, context: RowContext, rowStart: Node = node): Node[] {
  const siblings: Node[] = [];
  const startTag = rowStart.nodeType === 1 ? (rowStart as Element).tagName : '';
  for (let sibling = node.nextSibling; sibling; sibling = sibling.nextSibling) {
    if (startsWithin(sibling, context) > 0 || sibling.contains(context.heading)) break;
    if (sibling.nodeType === 1 && ROW_STARTS.has(startTag) && (sibling as Element).tagName === startTag)
      break;
    siblings.push(sibling);
  }
  return siblings;
}

/** A column header that names the count: "Actives / Souscrites", "Licences utilisées / souscrites". */
function namesTheCount(text: string): boolean {
  return (
    /\/|\bsur\b/.test(foldText(text)) && classifyLegendText(text, 'text')?.kind === 'active-of-subscribed'
  );
}

/** Whether a row has a cell spanning several columns: its cells no longer line up with the header's. */
function spansColumns(row: Element): boolean {
  return row.querySelector(':scope > [colspan]:not([colspan="1"])') !== null;
}

/**
 * The cell under a header naming the count (the first row of the table, or of the group of div rows,
 * with a cell named like the count; exactly one such cell), when the row comes after that header and
 * lines up with it (as many cells, none spanning columns) and the label is not in it. Rows then read
 * that column only, so a price or a reference beside the count is never taken for it. `null`: read
 * the whole row.
 */
function countColumnCell(row: HTMLElement, labelElement: HTMLElement, context: RowContext): Element | null {
  const table = row.tagName === 'TR' ? (row.closest('table') as HTMLTableElement | null) : null;
  const group = table ?? row.parentElement;
  if (!group) return null;
  let header = context.countColumns.get(group);
  if (header === undefined) {
    header = null;
    for (const candidate of Array.from(table ? table.rows : group.children)) {
      // A header names the count in words: a cell with no letter in its text nor a control cannot
      // (numbers and buttons, two cells in three of a licence row) and is not read.
      const naming = Array.from(candidate.children).filter(
        (cell) =>
          (/\p{L}/u.test(cell.textContent ?? '') || cell.querySelector('input, select, textarea') !== null) &&
          namesTheCount(visibleText(cell)),
      );
      if (naming.length === 0 || isHiddenWithin(candidate, group)) continue;
      // Two columns named like the count: which one is it? None is picked.
      header = naming.length === 1 ? (naming[0] ?? null) : null;
      break;
    }
    context.countColumns.set(group, header);
  }
  const headerRow = header?.parentElement;
  if (
    !header ||
    !headerRow ||
    !((headerRow.compareDocumentPosition(row) & 4) /* FOLLOWING */) ||
    row.childElementCount !== headerRow.childElementCount ||
    spansColumns(row) ||
    spansColumns(headerRow)
  )
    return null;
  const cell = row.children[Array.from(headerRow.children).indexOf(header)];
  return cell && !cell.contains(labelElement) ? cell : null;
}

/**
 * The tooltips on a row's numbers (an element showing a digit, outside the label and the buttons): what
 * the count's own `title` says it is (`libres / total`). An ⓘ describes the licence, a button its action.
 */
function rowTooltips(nodes: readonly Node[], label: ReadonlySet<Node>): string[] {
  const texts: string[] = [];
  for (const node of nodes)
    if (node.nodeType === 1) {
      const element = node as Element;
      // Only what carries a tooltip is looked at (the row's text is read once per element otherwise).
      const carriers = element.querySelectorAll(WITH_TOOLTIP);
      for (const carrier of element.matches(WITH_TOOLTIP) ? [element, ...carriers] : carriers)
        if (
          !carrier.closest(CLICKABLE) &&
          ![...label].some((part) => part.contains(carrier)) &&
          /\d/.test(visibleText(carrier))
        )
          for (const attribute of TOOLTIP_ATTRIBUTES) texts.push(carrier.getAttribute(attribute) ?? '');
    }
  return texts;
}
const WITH_TOOLTIP = TOOLTIP_ATTRIBUTES.map((attribute) => `[${attribute}]`).join(',');

/** One row from the text node starting its label. */
function readRow(start: Text, context: RowContext): { rows: LicenceRow[]; parts: Node[] } | null {
  const own = start.parentElement;
  if (!own) return null;
  // Loose text: the label's element also holds other labels (`Licence a 1 / 1<br>Licence b 1 / 2`).
  if (own === context.container || startsWithin(own, context) > 1) {
    const siblings = followingRowSiblings(start, context);
    // The label is on its line: `Licence full<br>Sous-total 0 / 5` is not a type "full Sous-total".
    const cut = siblings.findIndex((node) => isGap(node));
    const onLine = cut < 0 ? siblings : siblings.slice(0, cut);
    const { label, rest } = splitLabelAndCount(
      [start.nodeValue ?? '', ...onLine.map((node) => visibleText(node))].join(' '),
    );
    const after = cut < 0 ? [] : siblings.slice(cut).map((node) => visibleText(node));
    const unsure = somethingBeforeFirstLabel(own, context) || wordsAfterGap(siblings);
    return finishRow(label, own, own, [rest, ...after].join(' '), [start, ...siblings], unsure);
  }
  let labelElement = own;
  while (labelElement.parentElement && continuesLabel(labelElement.parentElement, labelElement, context)) {
    labelElement = labelElement.parentElement;
  }
  const labelNodes = [labelElement, ...labelContinuation(labelElement, context)];
  const split = labelFromNodes(labelNodes, start);
  const excluded = new Set<Node>(labelNodes);
  let row: HTMLElement | null = null;
  // The row's text without its label, kept from the search: the row is read once.
  let rowOwnText = '';
  for (
    let parent = labelElement.parentElement;
    parent &&
    parent !== context.container &&
    !parent.contains(context.heading) &&
    startsWithin(parent, context) === 1;
    parent = parent.parentElement
  ) {
    row = parent;
    rowOwnText = visibleText(parent, excluded);
    if (COUNT_LIKE.test(rowOwnText)) break;
    // A table row is the row; a box holding the label and an empty cell is a row whose count is not
    // shown. What is above either (a group's subtotal, a date) is never its count.
    if (parent.tagName === 'TR' || holdsEmptyCell(parent, labelElement)) break;
  }
  if (row) {
    const column = countColumnCell(row, labelElement, context);
    const rowText = [split.rest, rowOwnText].join(' ');
    return finishRow(
      split.label,
      row,
      labelElement,
      column ? visibleText(column) : rowText,
      [row],
      row.tagName !== 'TR' && wordsAfterGap(nodesAfterBranch(row, labelElement)),
      [rowText, ...rowTooltips([row], excluded)].join(' '),
    );
  }
  // Flat layout (dl, a grid of cells): the row is the label and its following siblings.
  const siblings = followingRowSiblings(
    labelNodes[labelNodes.length - 1] ?? labelElement,
    context,
    labelElement,
  );
  const rest = [split.rest, ...siblings.map((node) => visibleText(node))].join(' ');
  const group = labelElement.parentElement ?? labelElement;
  return finishRow(
    split.label,
    labelElement,
    labelElement,
    rest,
    [...labelNodes, ...siblings],
    somethingBeforeFirstLabel(group, context) || wordsAfterGap([...labelNodes.slice(1), ...siblings]),
    [rest, ...rowTooltips(siblings, new Set(labelNodes))].join(' '),
  );
}

/** What an empty count cell may show: nothing, a dash, `N/A`, « Chargement… ». */
const PLACEHOLDER = /^(?:[-\u2010-\u2014\u2212?…]*|n\/?a|chargement\b.*)$/i;

/**
 * An empty cell: a line break, or a cell-like element the operator sees that shows no text or a
 * placeholder (our own annotations are hidden elements). `spans`: an empty `span` too, though it is
 * also how Bootstrap writes an icon; without, a line break is no cell either.
 */
function isGap(node: Node, spans = true): boolean {
  const tag = (node as Element).tagName;
  if (tag === 'BR') return spans;
  return (
    (/^(?:DIV|T[DH]|D[DT]|LI|P)$/.test(tag ?? '') || (spans && tag === 'SPAN')) &&
    !isHiddenElement(node as Element) &&
    PLACEHOLDER.test(visibleText(node))
  );
}

/** Whether a box holds, beside the label's branch, an empty cell (not a span, not a line break). */
function holdsEmptyCell(box: Element, labelElement: Element): boolean {
  return Array.from(box.children).some((child) => !child.contains(labelElement) && isGap(child, false));
}

/** The nodes of a row after the child holding the label (the label's continuation included). */
function nodesAfterBranch(row: Element, labelElement: Element): Node[] {
  const nodes = Array.from(row.childNodes);
  return nodes.slice(nodes.findIndex((node) => node.contains(labelElement)) + 1);
}

/**
 * In a flat layout, words after a gap and before the count (`Licence full`, an empty cell, `Total`,
 * `2 / 3`): the words may be another row's label and the count theirs, the label's own count the
 * empty cell. Words right after the label (`Licence simple`, `Actif`, `1 / 1`) are read as today.
 */
function wordsAfterGap(nodes: readonly Node[]): boolean {
  let gap = false;
  for (const node of nodes) {
    if (isGap(node)) {
      gap = true;
      continue;
    }
    const text = visibleText(node);
    const beforeCount = text.split(/[\d/]/, 1)[0] ?? '';
    if (gap && /\p{L}/u.test(beforeCount)) return true;
    if (beforeCount !== text) return false;
  }
  return false;
}

/**
 * In a flat layout a label takes the count that follows it, which is right only when each label
 * comes first in its row. Anything before the first label of the group (a count, an empty cell that
 * may be a missing count, a stray total) means the pairing could be off by one: every row of the
 * group is then `ambiguous` rather than possibly given its neighbour's count.
 */
function somethingBeforeFirstLabel(group: Node, context: RowContext): boolean {
  for (let child = group.firstChild; child; child = child.nextSibling) {
    if (child.contains(context.heading) || isBlank(child)) continue;
    return startsWithin(child, context) === 0;
  }
  return false;
}

/** Nodes that cannot stand for a cell: blank text, comments, line breaks, hidden or our own elements. */
function isBlank(node: Node): boolean {
  if (node.nodeType === 3) return visibleText(node) === '';
  if (node.nodeType !== 1) return true;
  const element = node as Element;
  return element.tagName === 'BR' || element.tagName === 'HR' || isHiddenElement(element);
}

/**
 * Words naming an aggregate before a count (`Licence full`, `Total`, `2 / 3`): the count may be the
 * aggregate's, not the licence's, whereas a status word there (`Actif`) is read as before.
 */
const AGGREGATE = /\b(?:total|totaux|somme|cumul|ensemble|global)/;
/** Where a licence starts again on one text line: after a count or a separator (`1 / 1 · Licence full`). */
const NEXT_LICENCE = /(?<=(?:\d\s*\/\s*\d+|[·|;•,])\s*)(?=licence\s)/iu;

/**
 * The rows of a label and the text after it: one, or one per licence when the text goes on with other
 * licences (`Licence simple : 1 / 1 · Licence full : 1 / 2`), each read from its own piece. On such a
 * line, a licence without a count beside one with a count (`Licence simple | Licence full : 1 / 2`)
 * makes each `ambiguous`: the count may be both's.
 */
function finishRow(
  label: string,
  element: HTMLElement,
  labelElement: HTMLElement,
  rest: string,
  parts: Node[],
  pairingUnsure = false,
  rowText = rest,
): { rows: LicenceRow[]; parts: Node[] } {
  const line = normaliseText(`${label} ${rest}`).split(NEXT_LICENCE);
  const several = line.length > 1;
  const pieces = several ? line.map((piece) => splitLabelAndCount(piece)) : [{ label, rest }];
  const unsure = pairingUnsure || (several && pieces.some((piece) => !/\d/.test(piece.rest)));
  const rows: LicenceRow[] = [];
  for (const piece of pieces) {
    // A bare "Licence" is a column header, not a licence.
    if (!isLicenceLabel(piece.label)) continue;
    const rawCount = normaliseText(piece.rest);
    const text = several ? rawCount : rowText;
    let reading: CountReading =
      unsure || AGGREGATE.test(foldText(`${piece.label} ${rawCount}`.split(/[\d/]/, 1)[0] ?? ''))
        ? { count: null, problem: 'ambiguous' }
        : parseCount(rawCount);
    // Words on the row that say what the count is (`1 / 2 disponibles`, a `libres` cell) and not active
    // / subscribed: the block's legend, on one row.
    if (reading.count && classifyLegendText(text, 'text')?.kind === 'other')
      reading = { count: null, problem: 'legend-disagrees' };
    else if (reading.count && PENDING.test(foldText(text)))
      reading = { count: null, problem: 'pending-note' };
    // Digits shown in another order than the text holds them (`\u200F1 / 2` is shown `2 / 1`).
    if (reading.count && shownInAnotherOrder([element, ...parts]))
      reading = { count: null, problem: 'not-a-number' };
    rows.push({ label: piece.label, element, labelElement, rawCount, ...reading });
  }
  return { rows, parts };
}

/** Tooltips of the heading's ⓘ, a note in the heading, and short visible texts around the rows. */
function readLegend(heading: HTMLElement, container: HTMLElement, rowParts: readonly Node[]): CountLegend {
  // The heading's box: the widest ancestor whose text is still just the heading (it holds the ⓘ icon).
  const box = widestWithSameText(heading);
  const legends: (CountLegend | null)[] = [];
  const iconsNearHeading = [box, box.nextElementSibling, box.previousElementSibling].filter(
    (element): element is Element => element !== null && (element === box || visibleText(element) === ''),
  );
  for (const element of iconsNearHeading) {
    for (const text of tooltipTexts(element)) legends.push(classifyLegendText(text, 'tooltip'));
  }
  const note = headingNote(visibleText(heading));
  if (note) legends.push(classifyLegendText(note, 'tooltip'));
  const aroundRows = visibleText(container, new Set<Node>([box, ...rowParts]));
  if (aroundRows.length <= MAX_LEGEND_LENGTH) legends.push(classifyLegendText(aroundRows, 'text'));
  // A note just before or after the block (the container may be a tbody, the note after its table).
  let around: HTMLElement | null = container;
  for (let level = 0; around && level < LEGEND_LEVELS && around.tagName !== 'BODY'; level += 1) {
    for (const sibling of [around.previousElementSibling, around.nextElementSibling]) {
      if (!sibling || sibling.contains(heading)) continue;
      if ((sibling.textContent ?? '').length > MAX_LEGEND_LENGTH * 4) continue;
      const text = visibleText(sibling);
      if (text.length <= MAX_LEGEND_LENGTH) legends.push(classifyLegendText(text, 'text'));
    }
    around = around.parentElement;
  }
  return combineLegends(legends);
}

/** One block as found under one heading: its rows and how it is shown. */
interface FoundBlock {
  heading: HTMLElement;
  container: HTMLElement;
  rows: LicenceRow[];
  parts: Node[];
  startsIn: Map<Node, number>;
  shown: 'shown' | 'hidden-tab' | 'hidden';
}

/**
 * The block under one heading: the smallest container around it holding rows, or `null`. Yields the
 * container it reads after each row (see `readLicenceBlockInSteps`).
 */
function* blockUnder(heading: HTMLElement): Generator<Element, FoundBlock | null> {
  for (const found of candidateContainers(heading)) {
    const context: RowContext = {
      container: found.container,
      heading,
      starts: found.starts,
      startsIn: countStarts(found.starts),
      countColumns: new Map(),
    };
    const rows: LicenceRow[] = [];
    const parts: Node[] = [];
    for (const start of found.starts) {
      const read = readRow(start, context);
      // A row the page's styles hide inside the block (a template row) is not a row.
      const [first] = read?.rows ?? [];
      if (read && first && !isHiddenWithin(first.labelElement, found.container)) {
        rows.push(...read.rows);
        parts.push(...read.parts);
      }
      yield found.container;
    }
    if (rows.length === 0) continue;
    const shown = shownState(found.container, found.container.closest(TAB_PANEL));
    return { heading, container: found.container, rows, parts, startsIn: context.startsIn, shown };
  }
  return null;
}

/**
 * Rows whose count is not shown whatever it reads: every row when several blocks are shown
 * (`several-blocks`), else the rows of a licence shown twice (`duplicate-licence`: which one is right?).
 * Each label is folded once: comparing every row with every other was 40,000 foldings for 200 rows,
 * the largest part of a 200-row read.
 */
function markUnsure(rows: readonly LicenceRow[], several: boolean): LicenceRow[] {
  const keys = rows.map((row) => licenceKey(row.label));
  const seen = new Map<string, number>();
  for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  return rows.map((row, at) => {
    const key = keys[at] as string;
    return several || (key !== '' && (seen.get(key) ?? 0) > 1)
      ? { ...row, count: null, problem: several ? 'several-blocks' : 'duplicate-licence' }
      : row;
  });
}

/**
 * The rows of a block that carry an `A / S`-shaped count but were not read as a licence: the text
 * the operator sees in the container, outside the rows read, grouped by the widest element around it
 * that holds no row read (a `tr`, a grid row), or the bare text in a flat layout.
 */
function unreadRowsOf(block: FoundBlock): number {
  const read = new Set<Node>(block.parts);
  const inRead = (node: Node): boolean => {
    for (
      let current: Node | null = node;
      current && current !== block.container;
      current = current.parentNode
    )
      if (read.has(current)) return true;
    return false;
  };
  const holdsRead = (element: Element) => block.parts.some((part) => element.contains(part));
  const numberTables = findNumberTables(block.container);
  const groups = new Set<Node>();
  for (const text of visibleTextNodesWhere(block.container, (value) => /\d/.test(value), true)) {
    if (inRead(text) || elsewhere(text, numberTables) || block.heading.contains(text)) continue;
    let group: Node = text;
    for (
      let parent = text.parentElement;
      parent && parent !== block.container && !parent.contains(block.heading) && !holdsRead(parent);
      parent = parent.parentElement
    )
      group = parent;
    groups.add(group);
  }
  let unread = 0;
  for (const group of groups) if (holdsCountShape(visibleText(group))) unread += 1;
  return unread;
}

/** Whether a block also holds another heading the operator sees: two blocks read as one. */
function holdsAnotherHeading(block: FoundBlock, headings: readonly HTMLElement[]): boolean {
  return headings.some(
    (heading) =>
      heading !== block.heading &&
      block.container.contains(heading) &&
      !isHiddenWithin(heading, block.container),
  );
}

/**
 * The "Nombre de licences" block the operator sees, or `null` when the page shows none. Blocks hidden
 * by the page (a stale copy kept by a script, hidden by a class) are never read; a block in a tab not
 * shown right now is read only when no block is shown. Two blocks shown at once: every row is unknown
 * (`several-blocks`), never summed or picked. A heading whose rows cannot be found yields a block with
 * no rows (the features can say "not recognised" rather than nothing).
 */
export function readLicenceBlock(root: ParentNode): LicenceBlock | null {
  const steps = readLicenceBlockInSteps(root);
  return oneRead(() => {
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  });
}

/**
 * The same read, a row at a time: each step yields the container being read (a 200-row read is
 * longer than a frame). The caller that spreads the steps over several tasks must watch every
 * container yielded and start again if one changes: the result is only right for a block that stayed
 * as it was from the first step to the last. Each step in its own `oneRead` (style answers are not
 * kept across tasks).
 */
export function* readLicenceBlockInSteps(root: ParentNode): Generator<Element, LicenceBlock | null> {
  // A termination form the portal opens inside the block (an inline editor in a row, or a row of its
  // own) is the guard's: its "Quantité souscrite 2", its recap and its inputs are no row, count or
  // unread row. A box holding a heading is the page (a Détails tab shown in a dialog), never skipped.
  const headings = findHeadings(root);
  const forms = new Set<Element>(
    readTerminationDialogs(root)
      .map((dialog) => dialog.scope ?? dialog.root)
      .filter((box) => !headings.some((heading) => box.contains(heading))),
  );
  const steps = readBlockInSteps(headings);
  for (;;) {
    const step = readWithout(forms, () => steps.next());
    if (step.done) return step.value;
    yield step.value;
  }
}

function* readBlockInSteps(all: readonly HTMLElement[]): Generator<Element, LicenceBlock | null> {
  // A heading with a number (`Nombre de licences (9)`, `: 9`) counts only when no plain one is
  // shown: a total line under the block would otherwise be a second block (several-blocks).
  const state = (heading: HTMLElement) => shownState(heading, heading.closest(TAB_PANEL));
  const plain = all.filter((heading) => !/\d/.test(headingNote(visibleText(heading)) ?? ''));
  const headings = plain.some((heading) => state(heading) === 'shown') ? plain : all;
  if (headings.length === 0) return null;
  const blocks: FoundBlock[] = [];
  for (const heading of headings) {
    // A second heading inside a block already read is that block's business (see holdsAnotherHeading).
    if (blocks.some((block) => block.container.contains(heading))) continue;
    const block = yield* blockUnder(heading);
    if (block && !blocks.some((other) => block.rows.some((row) => other.startsIn.has(row.labelElement))))
      blocks.push(block);
  }
  // What is left (duplicates, unread rows, the legend) is a step of its own: a few ms on 200 rows.
  if (blocks[0]) yield blocks[0].container;
  const shown = blocks.filter((block) => block.shown === 'shown');
  const chosen = shown.length > 0 ? shown : blocks.filter((block) => block.shown === 'hidden-tab');
  const first = chosen[0];
  if (!first) {
    // Headings without rows: "not recognised", unless the page hides them (then nothing is shown).
    // A line with a total and no rows (`Nombre de licences : 42` on another page) is no block.
    const heading = plain.find((candidate) => state(candidate) !== 'hidden');
    if (!heading || blocks.length > 0) return null;
    const container = heading.parentElement ?? heading;
    return { heading, container, rows: [], unreadRows: 0, legend: readLegend(heading, container, []) };
  }
  const rows = chosen.flatMap((block) => block.rows);
  const several = chosen.length > 1 || chosen.some((block) => holdsAnotherHeading(block, headings));
  return {
    heading: first.heading,
    container: first.container,
    rows: markUnsure(rows, several),
    unreadRows: chosen.reduce((total, block) => total + unreadRowsOf(block), 0),
    legend: readLegend(first.heading, first.container, first.parts),
  };
}
