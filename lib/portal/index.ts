export {
  isLicenceLabel,
  KNOWN_LICENCE_TYPES,
  knownLicenceType,
  LABELS,
  licenceLabelFromDialogTitle,
  sameLabel,
  sameLicence,
} from './labels';
export { readLicenceBlock } from './licence-block';
export { findNumbersTab, readSdaAssignments } from './sda';
export { readTerminationDialogs } from './termination-dialog';
export { foldText, isHidden, isOwnElement, normaliseText, visibleText } from './text';
export type * from './types';
