/**
 * The anonymised capture, in both browsers: on the malformed-Détails fault the user saves a capture
 * from a row's "non reconnu"; the file is downloaded (a download the user starts), holds nothing of
 * the page's personal data, and `fixture:add` accepts it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureInfoOf } from '../../lib/capture/build-capture';
import { inspectCapture } from '../../lib/capture/detector';
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import { addFixture, parseCapture } from '../../scripts/fixture-add/add-fixture';
import { DEFAULT_SETTINGS, expect, test } from './fixtures';
import { openServiceDirect } from './pages/portal';

test('@regression a capture saved from a "non reconnu" row is anonymised and becomes a fixture', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
  extension,
}, testInfo) => {
  await extension.setSettings({ ...DEFAULT_SETTINGS, language: 'fr' });
  portal.setFaults({ malformedDetails: true });
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  const full = qa.annotation('Licence full');
  await expect(full).toHaveAttribute('data-state', 'unknown');

  await full.getByRole('button', { name: 'Enregistrer une capture anonymisée' }).click();
  const panel = page.locator('mla-capture');
  await expect(panel.getByRole('status')).toContainText(/\d+ textes masqués/);
  // The preview shows what is kept: the portal's words, not its data.
  await expect(panel.locator('pre')).toContainText('Nombre de licences');
  await expect(panel.locator('pre')).not.toContainText(CARD_SERVICE.client);

  const download = page.waitForEvent('download');
  await panel.getByRole('link', { name: 'Enregistrer le fichier' }).click();
  const file = testInfo.outputPath('capture.html');
  await (await download).saveAs(file);

  const html = readFileSync(file, 'utf8');
  for (const personal of [
    CARD_SERVICE.ref,
    CARD_SERVICE.client,
    CARD_SERVICE.name,
    'CC-004512',
    'Oberkampf',
    'E-0000012345',
  ])
    expect(html, personal).not.toContain(personal);
  expect(inspectCapture(parseCapture(html), html)).toEqual([]);
  const info = captureInfoOf(html);
  expect(info?.reading.licences.find((licence) => licence.label === 'Licence full')?.state).toBe('unknown');
  expect(info?.browser).toMatch(testInfo.project.name === 'firefox' ? /^Firefox \d+/ : /^Chrom(e|ium) \d+/);

  const root = mkdtempSync(join(tmpdir(), 'mla-fixture-'));
  const added = addFixture({ file, root, name: 'malformed-details' });
  expect(added).toMatchObject({ ok: true, review: 'to review' });

  await panel.getByRole('button', { name: 'Fermer' }).click();
  await expect(panel).toHaveCount(0);
});
