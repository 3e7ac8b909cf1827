import { describe, expect, it } from 'vitest';
import { freeDisplayNumber, planDisplay } from '../../../scripts/demo/display';

const base = { display: undefined, headless: false, xvfb: false, noBrowser: false, xvfbAvailable: true };

describe('planDisplay', () => {
  it('opens a window on the display there is', () => {
    expect(planDisplay({ ...base, display: ':0' })).toEqual({ mode: 'headed', display: ':0' });
  });
  it('runs headless without a display, unless --xvfb asks for a virtual screen that exists', () => {
    expect(planDisplay(base)).toEqual({ mode: 'headless', reason: 'no-display' });
    expect(planDisplay({ ...base, xvfb: true })).toEqual({ mode: 'xvfb' });
    expect(planDisplay({ ...base, xvfb: true, xvfbAvailable: false })).toEqual({
      mode: 'headless',
      reason: 'no-display',
    });
  });
  it('honours --headless and --no-browser over a display', () => {
    expect(planDisplay({ ...base, display: ':0', headless: true })).toEqual({
      mode: 'headless',
      reason: 'asked',
    });
    expect(planDisplay({ ...base, display: ':0', noBrowser: true })).toEqual({
      mode: 'headless',
      reason: 'no-browser',
    });
  });
});

describe('freeDisplayNumber', () => {
  it('skips displays whose lock or socket exists', () => {
    const taken = new Set(['/tmp/.X99-lock', '/tmp/.X11-unix/X100']);
    expect(freeDisplayNumber(99, (path) => taken.has(path))).toBe(101);
    expect(freeDisplayNumber(99, () => false)).toBe(99);
  });
});
