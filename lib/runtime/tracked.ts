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
}
