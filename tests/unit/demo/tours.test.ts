// @vitest-environment node
// Node, not happy-dom: the tours import Playwright and the e2e page objects.
import { describe, expect, it } from 'vitest';
import { TOUR_NAMES } from '../../../scripts/demo/args';
import { AUDIT_TOUR_STEPS } from '../../../scripts/demo/audit-tour-steps';
import { README_SCREENSHOTS, TOUR_STEPS } from '../../../scripts/demo/tour-steps';
import { readmeScreenshotsOf, TOURS } from '../../../scripts/demo/tours';

describe('the demo tours', () => {
  it('has steps for every name --tour accepts', () => {
    expect(Object.keys(TOURS).sort()).toEqual([...TOUR_NAMES].sort());
    expect(TOURS.carte).toBe(TOUR_STEPS);
    expect(TOURS.audit).toBe(AUDIT_TOUR_STEPS);
  });

  it('walks the audit from the login to the export, and shoots the results table for the README', () => {
    expect(AUDIT_TOUR_STEPS.map((step) => step.id)).toEqual([
      'login',
      'mes-services',
      'monitoring',
      'audit-open',
      'audit-start',
      'audit-results',
      'audit-export',
    ]);
    expect(readmeScreenshotsOf(AUDIT_TOUR_STEPS)).toEqual(['audit-results']);
    expect(readmeScreenshotsOf(TOUR_STEPS)).toEqual(README_SCREENSHOTS);
  });

  it('captions every step in French, each its own', () => {
    const captions = AUDIT_TOUR_STEPS.map((step) => step.caption);
    expect(new Set(captions).size).toBe(captions.length);
    for (const caption of captions) expect(caption).toMatch(/[éèàç’«]/);
    expect(captions.join(' ')).toContain('Auditer les licences');
  });
});
