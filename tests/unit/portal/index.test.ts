import { describe, expect, it } from 'vitest';
import * as licences from '../../../lib/licences';
import * as portal from '../../../lib/portal';

describe('public API', () => {
  it('exposes the readers and rules the architecture names', () => {
    for (const name of [
      'readLicenceBlock',
      'readTerminationDialogs',
      'readSdaAssignments',
      'findNumbersTab',
      'sameLicence',
      'licenceLabelFromDialogTitle',
      'findLicenceRow',
    ]) {
      expect(typeof (portal as Record<string, unknown>)[name], name).toBe('function');
    }
    for (const name of ['assessLicence', 'applyCrossCheck', 'applyLegend', 'summarise', 'validateQuantity']) {
      expect(typeof (licences as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
