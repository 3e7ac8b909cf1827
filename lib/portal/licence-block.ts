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
import { type CountReading, parseCount, splitLabelAndCount } from './count';
import { HEADING_LABEL, isLicenceLabel, knownLicenceType, startsWithLicenceWord } from './labels';
import { classifyLegendText, combineLegends, tooltipTexts } from './legend';
import { findNumberTables } from './sda';
import {
  findByText,
  foldText,
  hidesItsContent,
  INLINE_FORMATTING,
  isHiddenWithin,
  normaliseText,
  visibleText,
  visibleTextNodesWhere,
  widestWithSameText,
} from './text';
import type { CountLegend, LicenceBlock, LicenceRow } from './types';

const HEADING = foldText(HEADING_LABEL);
/** Containers that group rows, never one row's label. */
const ROW_GROUPS = new Set(['TR', 'TBODY', 'THEAD', 'TFOOT', 'TABLE', 'DL', 'UL', 'OL', 'BODY', 'HTML']);
/** Siblings that start a new row in a flat layout (`dt` after `dt`…). */
const ROW_STARTS = new Set(['DT', 'TR', 'LI']);
/** Elements that may continue a label: `<td><a>Licence</a> <span>full</span></td>`. */
const LABEL_PARTS: ReadonlySet<string> = new Set([...INLINE_FORMATTING, 'SPAN', 'A', 'LABEL']);
const CLICKABLE = 'a, button, [role="button"]';
const DIALOGS = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
/** How far above the heading the rows may start: beyond that, the heading has no rows. */
const MAX_CONTAINER_DEPTH = 12;
/** Page text longer than this near the block is prose, not a legend. */
const MAX_LEGEND_LENGTH = 200;
/** How many levels above the rows' container a note still counts as "near the block". */
const LEGEND_LEVELS = 3;

/** `''` when the text is the heading, the trailing words when it is the heading plus a short note. */
function headingNote(text: string): string | null {
  const folded = foldText(text);
  if (folded === HEADING) return '';
  if (!folded.startsWith(`${HEADING} `) && !folded.startsWith(`${HEADING}(`)) return null;
  const note = normaliseText(text).slice(HEADING_LABEL.length);
  if (note.length > 80 || /\d/.test(note) || startsWithLicenceWord(note.replace(/^[\s(:]+/, ''))) return null;
  return note.replace(/^[\s(:\u2013\u2014-]+|[\s)]+$/g, '');
}

/** The deepest visible elements reading "Nombre de licences" (case, spaces, icons, colon tolerant). */
function findHeadings(root: ParentNode): HTMLElement[] {
  return findByText(root, 'licences', (text) => headingNote(text) !== null);
}

/** Text nodes starting with the word "Licence", outside dialogs and numbers tables. */
function labelStarts(container: Element): Text[] {
  const numberTables = findNumberTables(container);
  return visibleTextNodesWhere(container, startsWithLicenceWord).filter((node) => {
    const parent = node.parentElement;
    if (!parent || parent.closest(DIALOGS)) return false;
    return !numberTables.some((table) => table.contains(parent));
  });
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

interface RowContext {
  container: HTMLElement;
  heading: HTMLElement;
  starts: readonly Text[];
  /** How many starts each node holds (itself included), counted once per read. */
  startsIn: Map<Node, number>;
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
    if (text !== '') {
      if (text.includes('/') || COUNT_ONLY.test(text)) break;
      if (sibling.nodeType === 1 && !LABEL_PARTS.has((sibling as Element).tagName) && !isClickable(sibling))
        break;
    }
    nodes.push(sibling);
  }
  return nodes;
}

/**
 * Label and leftover from the label's nodes. Where loose words follow the label, the longest known
 * type ending at a node boundary wins (`Licence simple` + `<em>Actif</em>` → `Licence simple`, while
 * `<b>Licence full</b> <span>avancée</span>` stays `Licence full avancée`); unknown types keep all.
 */
function labelFromNodes(nodes: readonly Node[], start: Text): { label: string; rest: string } {
  const whole = splitLabelAndCount(labelText(nodes, start));
  for (let count = nodes.length; count > 1 && !knownLicenceType(whole.label); count -= 1) {
    const shorter = splitLabelAndCount(labelText(nodes.slice(0, count - 1), start));
    if (knownLicenceType(shorter.label)) return { label: shorter.label, rest: whole.rest };
  }
  return whole;
}

/** The siblings after `node` up to the next label (or the heading, or a new row of the same kind). */
function followingRowSiblings(node: Node, context: RowContext): Node[] {
  const siblings: Node[] = [];
  const startTag = node.nodeType === 1 ? (node as Element).tagName : '';
  for (let sibling = node.nextSibling; sibling; sibling = sibling.nextSibling) {
    if (startsWithin(sibling, context) > 0 || sibling.contains(context.heading)) break;
    if (sibling.nodeType === 1 && ROW_STARTS.has(startTag) && (sibling as Element).tagName === startTag)
      break;
    siblings.push(sibling);
  }
  return siblings;
}

/** One row from the text node starting its label. */
function readRow(start: Text, context: RowContext): { row: LicenceRow; parts: Node[] } | null {
  const own = start.parentElement;
  if (!own) return null;
  // Loose text: the label's element also holds other labels (`Licence a 1 / 1<br>Licence b 1 / 2`).
  if (own === context.container || startsWithin(own, context) > 1) {
    const siblings = followingRowSiblings(start, context);
    const { label, rest } = splitLabelAndCount(
      [start.nodeValue ?? '', ...siblings.map((node) => visibleText(node))].join(' '),
    );
    return finishRow(label, own, own, rest, [start, ...siblings], somethingBeforeFirstLabel(own, context));
  }
  let labelElement = own;
  while (labelElement.parentElement && continuesLabel(labelElement.parentElement, labelElement, context)) {
    labelElement = labelElement.parentElement;
  }
  const labelNodes = [labelElement, ...labelContinuation(labelElement, context)];
  const split = labelFromNodes(labelNodes, start);
  const excluded = new Set<Node>(labelNodes);
  let row: HTMLElement | null = null;
  for (
    let parent = labelElement.parentElement;
    parent &&
    parent !== context.container &&
    !parent.contains(context.heading) &&
    startsWithin(parent, context) === 1;
    parent = parent.parentElement
  ) {
    row = parent;
    if (COUNT_LIKE.test(visibleText(parent, excluded))) break;
  }
  if (row) {
    return finishRow(split.label, row, labelElement, [split.rest, visibleText(row, excluded)].join(' '), [
      row,
    ]);
  }
  // Flat layout (dl, a grid of cells): the row is the label and its following siblings.
  const siblings = followingRowSiblings(labelNodes[labelNodes.length - 1] ?? labelElement, context);
  const rest = [split.rest, ...siblings.map((node) => visibleText(node))].join(' ');
  const group = labelElement.parentElement ?? labelElement;
  return finishRow(
    split.label,
    labelElement,
    labelElement,
    rest,
    [...labelNodes, ...siblings],
    somethingBeforeFirstLabel(group, context),
  );
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
  return element.tagName === 'BR' || element.tagName === 'HR' || hidesItsContent(element);
}

function finishRow(
  label: string,
  element: HTMLElement,
  labelElement: HTMLElement,
  rest: string,
  parts: Node[],
  pairingUnsure = false,
): { row: LicenceRow; parts: Node[] } | null {
  // A bare "Licence" is a column header, not a licence.
  if (!isLicenceLabel(label)) return null;
  const rawCount = normaliseText(rest);
  const reading: CountReading = pairingUnsure ? { count: null, problem: 'ambiguous' } : parseCount(rawCount);
  return {
    row: { label, element, labelElement, rawCount, count: reading.count, problem: reading.problem },
    parts,
  };
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

/**
 * The "Nombre de licences" block, or `null` when the page has none. A heading whose rows cannot be
 * found yields a block with no rows (the features can say "not recognised" rather than nothing).
 */
export function readLicenceBlock(root: ParentNode): LicenceBlock | null {
  const headings = findHeadings(root);
  const first = headings[0];
  if (!first) return null;
  for (const heading of headings) {
    for (const found of candidateContainers(heading)) {
      const context: RowContext = {
        container: found.container,
        heading,
        starts: found.starts,
        startsIn: countStarts(found.starts),
      };
      const rows: LicenceRow[] = [];
      const parts: Node[] = [];
      for (const start of found.starts) {
        const read = readRow(start, context);
        // A row the page's styles hide inside the block (a template row) is not a row.
        if (!read || isHiddenWithin(read.row.labelElement, found.container)) continue;
        rows.push(read.row);
        parts.push(...read.parts);
      }
      if (rows.length === 0) continue;
      return {
        heading,
        container: found.container,
        rows,
        legend: readLegend(heading, found.container, parts),
      };
    }
  }
  return {
    heading: first,
    container: first.parentElement ?? first,
    rows: [],
    legend: readLegend(first, first.parentElement ?? first, []),
  };
}
