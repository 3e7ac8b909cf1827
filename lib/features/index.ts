import type { Feature } from '../runtime/feature';
import { licenceAnnotations } from './licence-annotations';
import { licenceSummary } from './licence-summary';
import { sdaFlags } from './sda-flags';
import { terminationGuard } from './termination-guard';

/** Every feature, in the order they update (annotations before the flags that sit after them). */
export const FEATURES: readonly Feature[] = [licenceAnnotations, sdaFlags, licenceSummary, terminationGuard];
