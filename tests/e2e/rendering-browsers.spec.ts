/**
 * The reader's hostile-markup tables (tests/unit/fixtures/rendering-cases.ts) read in real browsers:
 * happy-dom only approximates the cascade, computed style, generated content and layout the visibility
 * and rendered-text rules depend on. The extension's readers are bundled for a blank page (no extension,
 * no portal) and read every case in one page load; any reading a browser disagrees with is listed.
 */
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { bundleForPage } from '../../scripts/shared/page-bundle';
import { launchExtensionBrowser } from './support/extension-browser';
import type { BrowserName } from './support/find-browser';
import type { Reading } from './support/rendering-in-page';

function bundle(): Promise<string> {
  return bundleForPage(resolve(import.meta.dirname, 'support/rendering-in-page.ts'));
}

test('hostile markups: every reading a real browser makes is the one the tables expect', async ({
  browserName,
}) => {
  const [script, browser] = await Promise.all([
    bundle(),
    launchExtensionBrowser(browserName as BrowserName, false),
  ]);
  try {
    const context = await browser.acquireContext();
    const page = await context.newPage();
    await page.setContent('<!doctype html><html lang="fr"><head></head><body></body></html>');
    await page.addScriptTag({ content: script });
    const readings = await page.evaluate(() =>
      (globalThis as unknown as { readRenderingCases: () => Reading[] }).readRenderingCases(),
    );
    expect(readings.length).toBeGreaterThan(100);
    const wrong = readings.filter((one) => !one.expected.includes(one.got));
    expect(wrong, `${browserName} disagrees`).toEqual([]);
  } finally {
    await browser.close();
  }
});
