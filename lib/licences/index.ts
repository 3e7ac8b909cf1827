export { applyCrossCheck, applyLegend, assessLicence, summarise } from './assess';
export { validateQuantity } from './quantity';
export type { LicenceAssessment, LicenceState, LicenceSummary, QuantityCheck, UnknownReason } from './types';
