/**
 * The one MutationObserver of the extension. Portal pages change a lot for reasons that do not
 * concern us (clocks, menus, tooltips), so each record is filtered cheaply before anything is read:
 * only changes inside what we already track (the licence block, open dialogs), removals of tracked
 * nodes, and new content mentioning licences or quantities trigger a re-read, once per microtask.
 */
import { isOwnElement } from '../portal/text';

/** Words every relevant piece of content carries: licence rows, dialog titles and quantities. */
const RELEVANT_TEXT = /licen|quantit/i;
/** Attributes that show or hide content (tabs, modals). */
export const WATCHED_ATTRIBUTES = ['class', 'style', 'hidden', 'aria-hidden', 'open'];

export interface Tracked {
  /** Regions where any change matters (the licence block, open dialogs). */
  regions: readonly Node[];
  /** Nodes whose removal matters (rows, label cells, our hosts' parents). */
  nodes: readonly Node[];
}

/** Our own elements are never news; checked last, as most nodes do not mention licences at all. */
function mentionsLicences(node: Node): boolean {
  const type = node.nodeType;
  if (type === 3) return RELEVANT_TEXT.test((node as Text).data);
  return type === 1 && RELEVANT_TEXT.test(node.textContent ?? '') && !isOwnElement(node as Element);
}

function inRegions(node: Node, regions: readonly Node[]): boolean {
  for (const region of regions) if (region.contains(node)) return true;
  return false;
}

/**
 * Whether a batch of records may change what the features show. Runs for every page mutation, in
 * the content script's world where each DOM access costs: indexed loops (no NodeList copies), and
 * a target seen by the previous record (a list filling up) is not checked again.
 */
export function isRelevant(records: readonly MutationRecord[], tracked: Tracked): boolean {
  let removals = false;
  let lastTarget: Node | null = null;
  let ownTarget = false;
  const checked = new Set<Node>();
  for (let index = 0; index < records.length; index += 1) {
    const record = records[index] as MutationRecord;
    const target = record.target;
    if (target !== lastTarget) {
      lastTarget = target;
      ownTarget = target.nodeType === 1 && isOwnElement(target as Element);
      if (!ownTarget && inRegions(target, tracked.regions)) return true;
    }
    if (ownTarget) continue;
    const type = record.type;
    if (type === 'childList') {
      const added = record.addedNodes;
      for (let at = 0, count = added.length; at < count; at += 1)
        if (mentionsLicences(added[at] as Node)) return true;
      if (!removals && record.removedNodes.length > 0) removals = true;
    } else if (type === 'attributes') {
      const tag = (target as Element).tagName;
      // `body`/`html` classes change with every modal and menu; the modal itself is also recorded.
      if (tag === 'BODY' || tag === 'HTML' || checked.has(target)) continue;
      checked.add(target);
      if (mentionsLicences(target)) return true;
    } else if (type === 'characterData' && mentionsLicences(target)) {
      return true;
    }
  }
  if (removals) for (const node of tracked.nodes) if (!node.isConnected) return true;
  return false;
}

export interface PageObserver {
  /** Drops pending records (our own changes, right after we made them). */
  forget(): void;
  disconnect(): void;
}

/** Calls `onChange` once per microtask in which relevant mutations happened, until `signal` aborts. */
export function observePage(
  document: Document,
  tracked: () => Tracked,
  onChange: () => void,
  signal: AbortSignal,
): PageObserver {
  let scheduled = false;
  const observer = new MutationObserver((records) => {
    if (scheduled || signal.aborted || !isRelevant(records, tracked())) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (!signal.aborted) onChange();
    });
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  });
  const disconnect = () => observer.disconnect();
  signal.addEventListener('abort', disconnect, { once: true });
  return { forget: () => void observer.takeRecords(), disconnect };
}
