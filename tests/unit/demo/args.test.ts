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
      tour: false,
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
      tour: true,
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
});
