import type { TerminationDialog } from './types';

/** The visible "Résiliation licence …" dialogs whose body has loaded. */
export function readTerminationDialogs(_root: ParentNode): TerminationDialog[] {
  return [];
}
