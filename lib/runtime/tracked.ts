/** Attributes that show or hide content (tabs, modals). */
export const WATCHED_ATTRIBUTES = ['class', 'style', 'hidden', 'aria-hidden', 'open'];

/** What the runtime watches of the page after a reading: shared by the observer and the idle check. */
export interface Tracked {
  /** Regions where any change matters (the licence block, open dialogs). */
  regions: readonly Node[];
  /** Nodes whose removal matters (rows, label cells, our hosts' parents). */
  nodes: readonly Node[];
  /**
   * Where what matters can appear, observed after an operator's action instead of the whole page:
   * dialog containers (watched whole) and the elements along the block's path (their children, and
   * the attributes that show or hide what they hold).
   */
  places?: { dialogs: readonly Node[]; paths: readonly Node[] };
  /**
   * The block and number tables read, with every ancestor they had then: one of them removed from its
   * parent, or one of them now under another parent, means the block was moved (still in the page,
   * the summary placed before it would stay behind) or its pane replaced.
   */
  placed?: ReadonlySet<Node>;
}

/** Whether a removed node held what was read, or was it (moved elsewhere or gone). */
export function heldWhatWasRead(tracked: Tracked, removed: Node): boolean {
  return tracked.placed?.has(removed) === true;
}

/** Whether something read is no longer where it was (moved under another parent, still in the page). */
export function movedRegions(tracked: Tracked): boolean {
  const { placed } = tracked;
  if (!placed) return false;
  for (const region of tracked.regions)
    if (placed.has(region))
      for (let at = region.parentNode; at; at = at.parentNode) if (!placed.has(at)) return true;
  return false;
}
