/** The portal adapter: reads the pages from visible French labels and structure (see each file). */
export { type CountReading, parseCount } from './count';
export {
  isLicenceLabel,
  KNOWN_LICENCE_TYPES,
  knownLicenceType,
  LABELS,
  licenceLabelFromDialogTitle,
  sameLabel,
  sameLicence,
} from './labels';
export { classifyLegendText } from './legend';
export { findLicenceRow, readLicenceBlock } from './licence-block';
export { findNumbersTab, readSdaAssignments } from './sda';
export { readTerminationDialogs } from './termination-dialog';
export { foldText, normaliseText } from './text';
export type * from './types';
export { isHidden, isOwnElement, visibleText } from './visibility';
