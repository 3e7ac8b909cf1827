import type { SdaAssignment } from './types';

/** Numbers shown with the licence they hold (a table with a number column and a licence column). */
export function readSdaAssignments(_root: ParentNode): SdaAssignment[] {
  return [];
}

/** The "Numéros" tab or link, when the page has one. */
export function findNumbersTab(_root: ParentNode): HTMLElement | null {
  return null;
}
