import { describe, expect, it } from 'vitest';
import { parseBenchArgs, SECTIONS, UsageError } from '../../../scripts/bench/options';

describe('parseBenchArgs', () => {
  it('measures everything, without checking, by default', () => {
    expect(parseBenchArgs([])).toEqual({
      check: false,
      quick: false,
      sections: [...SECTIONS],
      runSuite: false,
      output: 'bench/results.json',
    });
  });

  it('reads --check, --quick, --run-suite, --output and --only (kept in the bench’s own order)', () => {
    const options = parseBenchArgs([
      '--check',
      '--quick',
      '--only',
      'observer,size',
      '--run-suite',
      '--output=x.json',
    ]);
    expect(options).toMatchObject({ check: true, quick: true, runSuite: true, output: 'x.json' });
    expect(options.sections).toEqual(['size', 'observer']);
  });

  it('refuses unknown options and sections with a message naming them', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/--fast/);
    expect(() => parseBenchArgs(['--only', 'size,speed'])).toThrow(/speed/);
    expect(() => parseBenchArgs(['--only'])).toThrow(/attend une valeur/);
  });
});
