// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { launchSettings } from '../../e2e/support/extension-browser';

describe('launchSettings', () => {
  it.each([
    ['firefox', true, { live: true }, { serviceWorkers: 'block', extensionPages: false }],
    ['chromium', true, { live: true }, { serviceWorkers: 'block', extensionPages: false }],
    ['firefox', true, {}, { serviceWorkers: 'allow', extensionPages: true }],
    ['firefox', false, {}, { serviceWorkers: 'allow', extensionPages: false }],
    ['chromium', true, {}, { serviceWorkers: 'allow', extensionPages: false }],
  ] as const)('%s, extension %s, %j → %j', (name, withExtension, options, expected) => {
    expect(launchSettings(name, withExtension, options)).toEqual(expected);
  });
});
