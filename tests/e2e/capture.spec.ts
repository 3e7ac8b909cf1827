/**
 * The anonymised capture, in both browsers: on the malformed-Détails fault the user saves a capture
 * from a row's "non reconnu" and from the guard's "maximum non reconnu"; each file is downloaded (a
 * download the user starts), holds nothing of the page's personal data, and `fixture:add` accepts it.
 * Then every captured fixture, served back by the mock, is read by the extension as reviewed.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureInfoOf } from '../../lib/capture/build-capture';
import { inspectCapture } from '../../lib/capture/detector';
import { capturedFixtures } from '../../mocks/captured';
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import { addFixture, type ExpectedReading, parseCapture } from '../../scripts/fixture-add/add-fixture';
import { DEFAULT_SETTINGS, expect, test } from './fixtures';
import { CapturePanel } from './pages/capture-panel';
import { openServiceDirect } from './pages/portal';

/** What the mocked card's pages show that is personal (client, service, account, site, login). */
const PERSONAL = [
  CARD_SERVICE.ref,
  CARD_SERVICE.client,
  CARD_SERVICE.name,
  'CC-004512',
  'Oberkampf',
  'E-0000012345',
];

function checkAndAdd(file: string, name: string) {
  const html = readFileSync(file, 'utf8');
  for (const personal of PERSONAL) expect(html, personal).not.toContain(personal);
  expect(inspectCapture(parseCapture(html), html)).toEqual([]);
  const added = addFixture({ file, root: mkdtempSync(join(tmpdir(), 'mla-fixture-')), name });
  expect(added).toMatchObject({ ok: true, review: 'to review' });
  return captureInfoOf(html);
}

test('@regression a capture saved from "non reconnu" (row, then guard) is anonymised and accepted by fixture:add', async ({
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
  const panel = new CapturePanel(page);

  await test.step('from the row', async () => {
    await panel.openFrom(full);
    // The preview shows what is kept: the portal's words, not its data.
    await expect(panel.preview).toContainText('Nombre de licences');
    await expect(panel.preview).not.toContainText(CARD_SERVICE.client);
    const file = testInfo.outputPath('capture-row.html');
    await panel.saveTo(file);
    const info = checkAndAdd(file, 'malformed-details');
    expect(info?.reading.licences.find((licence) => licence.label === 'Licence full')?.state).toBe('unknown');
    expect(info?.browser).toMatch(testInfo.project.name === 'firefox' ? /^Firefox \d+/ : /^Chrom(e|ium) \d+/);
    await panel.close.click();
    await expect(panel.root).toHaveCount(0);
  });

  await test.step('from the guard', async () => {
    const dialog = await service.openTermination('Licence full');
    await expect(qa.guard()).toHaveAttribute('data-state', 'unknown');
    await panel.openFrom(qa.guard());
    const file = testInfo.outputPath('capture-guard.html');
    await panel.saveTo(file);
    const info = checkAndAdd(file, 'malformed-details-dialog');
    expect(info?.reading.dialogs).toEqual([{ licence: 'Licence full', max: null, reason: 'not-a-number' }]);
    await panel.close.click();
    await dialog.cancel.click();
  });
});

test('@regression the popup saves a capture of any portal page, recognised or not', async ({
  page,
  portalOrigin,
  credentials,
  extension,
}, testInfo) => {
  await extension.setSettings({ ...DEFAULT_SETTINGS, language: 'fr' });
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await expect(service.tab('Informations')).toBeVisible();
  const tabId = await extension.tabIdOf(page.url());
  expect(tabId, 'the extension sees the portal’s tab').not.toBeNull();
  const popup = await extension.openPage(`popup.html?tabId=${tabId}`);
  await expect(popup.getByRole('status')).toHaveText(
    'Aucune page Détails MetaCentrex reconnue sur cet onglet.',
  );
  const panel = new CapturePanel(popup, popup.locator('section.capture'));
  await popup.getByRole('button', { name: 'Enregistrer une capture anonymisée' }).click();
  await expect(panel.status).toContainText(/\d+ textes masqués/);
  const file = testInfo.outputPath('capture-popup.html');
  await panel.saveTo(file);
  const info = checkAndAdd(file, 'informations');
  expect(info?.reading.recognised).toBe(false);
  await extension.closePage(popup);
});

for (const fixture of capturedFixtures()) {
  test(`@regression captured fixture "${fixture.name}", served by the mock, is read as reviewed`, async ({
    page,
    portalOrigin,
    qa,
  }) => {
    const expected = JSON.parse(readFileSync(fixture.expectedPath, 'utf8')) as ExpectedReading;
    await page.goto(`${portalOrigin}/__variants/captured/${fixture.name}`);
    const licences = expected.reading.licences;
    await expect(qa.annotations()).toHaveCount(licences.length);
    for (const licence of licences) {
      await expect(qa.annotation(licence.label)).toHaveAttribute('data-state', licence.state);
      if (licence.state !== 'unknown')
        await expect(qa.annotation(licence.label)).toHaveAttribute(
          'data-terminable',
          String(licence.terminable),
        );
    }
    const dialogs = expected.reading.dialogs;
    await expect(qa.guard()).toHaveCount(dialogs.length);
    for (const dialog of dialogs)
      if (dialog.max === null) await expect(qa.guard()).toHaveAttribute('data-state', 'unknown');
      else await expect(qa.guard()).toHaveAttribute('data-max', String(dialog.max));
  });
}
