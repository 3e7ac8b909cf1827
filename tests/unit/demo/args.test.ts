import { describe, expect, it } from 'vitest';
import { parseDemoArgs, UsageError } from '../../../scripts/demo/args';

describe('parseDemoArgs', () => {
  it('defaults to the card scenario on port 4173 in headed Chromium', () => {
    expect(parseDemoArgs([])).toMatchObject({
      port: 4173,
      scenario: 'carte',
      browser: 'chromium',
      headless: false,
      noBrowser: false,
      tour: null,
      pace: 1,
      outputDir: 'demo-output',
    });
  });

  it('reads every option, with `--name value` and `--name=value`', () => {
    const options = parseDemoArgs([
      '--port=5000',
      '--scenario',
      'grand-compte',
      '--browser',
      'firefox',
      '--headless',
      '--tour',
      '--pace',
      '0.05',
      '--xvfb',
      '--rebuild',
      '--output',
      '/tmp/out',
      '--docs-screenshots',
    ]);
    expect(options).toMatchObject({
      port: 5000,
      scenario: 'grand-compte',
      browser: 'firefox',
      headless: true,
      tour: 'carte',
      pace: 0.05,
      xvfb: true,
      rebuild: true,
      outputDir: '/tmp/out',
      docsScreenshots: true,
    });
    expect(parseDemoArgs(['--no-browser']).noBrowser).toBe(true);
  });

  it('explains bad values in French and names the option', () => {
    expect(() => parseDemoArgs(['--port', 'abc'])).toThrow(/--port : « abc »/);
    expect(() => parseDemoArgs(['--port', '70000'])).toThrow(UsageError);
    expect(() => parseDemoArgs(['--browser', 'safari'])).toThrow(/chromium ou firefox/);
    expect(() => parseDemoArgs(['--pace', '-1'])).toThrow(/--pace/);
    expect(() => parseDemoArgs(['--scenario'])).toThrow(/attend une valeur/);
    expect(() => parseDemoArgs(['--bogus'])).toThrow(/Option inconnue « --bogus »/);
    expect(() => parseDemoArgs(['--tour', '--no-browser'])).toThrow(/--tour/);
  });

  // `--tour` alone is the card's journey; a tour name may follow it, with a space or `=`.
  it.each<[string[], 'carte' | 'audit']>([
    [['--tour'], 'carte'],
    [['--tour', '--headless'], 'carte'],
    [['--tour', 'carte'], 'carte'],
    [['--tour', 'audit'], 'audit'],
    [['--tour=audit'], 'audit'],
    [['--headless', '--tour', 'audit', '--pace', '0'], 'audit'],
  ])('reads %j as the %s tour', (argv, tour) => {
    expect(parseDemoArgs(argv).tour).toBe(tour);
  });

  it('plays the audit tour headless at full speed, on the mixte scenario unless told otherwise', () => {
    expect(parseDemoArgs(['--tour', 'audit', '--headless', '--pace', '0'])).toMatchObject({
      tour: 'audit',
      headless: true,
      pace: 0,
      scenario: 'mixte',
      browser: 'chromium',
    });
    expect(parseDemoArgs(['--tour', 'audit', '--scenario', 'grand-compte']).scenario).toBe('grand-compte');
    expect(parseDemoArgs(['--tour']).scenario).toBe('carte');
  });

  it('refuses an unknown tour, and the audit tour in Firefox, in French', () => {
    expect(() => parseDemoArgs(['--tour=visite'])).toThrow(/--tour : « visite » inconnu \(carte ou audit\)/);
    expect(() => parseDemoArgs(['--tour', 'visite'])).toThrow(/Argument inattendu « visite »/);
    expect(() => parseDemoArgs(['--tour', 'audit', '--browser', 'firefox'])).toThrow(/Chromium/);
    expect(() => parseDemoArgs(['--tour', 'audit', '--no-browser'])).toThrow(/--tour/);
  });
});
