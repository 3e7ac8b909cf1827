/** What the runtime watches of the page after a reading: shared by the observer and the idle check. */
export interface Tracked {
  /** Regions where any change matters (the licence block, open dialogs). */
  regions: readonly Node[];
  /** Nodes whose removal matters (rows, label cells, our hosts' parents). */
  nodes: readonly Node[];
}
