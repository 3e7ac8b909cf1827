import type { LicenceBlock } from './types';

/** The "Nombre de licences" block of the Détails tab, or `null` when the page has none. */
export function readLicenceBlock(_root: ParentNode): LicenceBlock | null {
  return null;
}
