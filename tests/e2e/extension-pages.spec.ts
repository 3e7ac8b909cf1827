/**
 * The extension's options at work on the portal (each feature off in turn), its popup and its options
 * page, in both browsers (Firefox: see docs/regression-kit.md for how its extension pages are reached).
 */
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import { DEFAULT_SETTINGS, type ExtensionSettings, expect, test } from './fixtures';
import { openServiceDirect } from './pages/portal';

function without(feature: keyof ExtensionSettings['features']): ExtensionSettings {
  return { ...DEFAULT_SETTINGS, features: { ...DEFAULT_SETTINGS.features, [feature]: false } };
}

test('@regression each feature switched off in the options disappears from the open page, the others stay', async ({
  page,
  portalOrigin,
  credentials,
  qa,
  extension,
}) => {
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  await expect(qa.annotations()).toHaveCount(8);
  await expect(qa.sdaFlags()).toHaveCount(7);
  await expect(qa.summary()).toHaveCount(1);

  await test.step('annotations off', async () => {
    await extension.setSettings(without('annotations'));
    await expect(qa.annotations()).toHaveCount(0);
    await expect(qa.summary()).toHaveCount(1);
  });
  await test.step('SDA flags off', async () => {
    await extension.setSettings(without('sdaFlags'));
    await expect(qa.annotations()).toHaveCount(8);
    await expect(qa.sdaFlags()).toHaveCount(0);
  });
  await test.step('summary off', async () => {
    await extension.setSettings(without('summary'));
    await expect(qa.summary()).toHaveCount(0);
    await expect(qa.sdaFlags()).toHaveCount(7);
  });
  await test.step('guard off: no guard, nothing blocked', async () => {
    await extension.setSettings(without('guard'));
    await expect(qa.summary()).toHaveCount(1);
    const dialog = await service.openTermination('Licence full');
    await dialog.setQuantity('2');
    await expect(dialog.confirm).toBeEnabled();
    await expect(qa.guard()).toHaveCount(0);
    await dialog.cancel.click();
  });
  await test.step('all on again', async () => {
    await extension.setSettings(DEFAULT_SETTINGS);
    const dialog = await service.openTermination('Licence full');
    await expect(qa.guard()).toHaveAttribute('data-max', '1');
    await dialog.cancel.click();
    await expect(qa.annotations()).toHaveCount(8);
  });
});

test('@regression the portal page speaks the language chosen in the options, and switches live', async ({
  page,
  portalOrigin,
  credentials,
  qa,
  extension,
}) => {
  // One of the two is the browser's own language (its i18n), the other comes from the background.
  await extension.setSettings({ ...DEFAULT_SETTINGS, language: 'fr' });
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  const full = qa.annotation('Licence full');
  await expect(full).toContainText('1 résiliable');
  await expect(qa.summary()).toContainText('Résiliables maintenant : 1 · Associées à un numéro : 7');
  await extension.setSettings({ ...DEFAULT_SETTINGS, language: 'en' });
  await expect(full).toContainText('1 terminable');
  await expect(qa.summary()).toContainText('Terminable now: 1 · Held by a number: 7');
  await extension.setSettings({ ...DEFAULT_SETTINGS, language: 'fr' });
  await expect(full).toContainText('1 résiliable');
});

test('@smoke the popup recognises the Détails page and lists its licences', async ({
  page,
  portalOrigin,
  credentials,
  extension,
}) => {
  await extension.setSettings({ ...DEFAULT_SETTINGS, language: 'fr' });
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  // Opened in a tab, the popup's "active tab" would be itself: point it at the portal's tab.
  const tabId = await extension.tabIdOf(page.url());
  expect(tabId, 'the extension sees the portal’s tab').not.toBeNull();
  const popup = await extension.openPage(`popup.html?tabId=${tabId}`);
  await expect(popup.getByRole('heading', { name: 'Assistant licences MetaCentrex' })).toBeVisible();
  await expect(popup.getByRole('status')).toHaveText('Page Détails MetaCentrex reconnue.');
  const full = popup
    .getByRole('row')
    .filter({ has: popup.getByRole('rowheader', { name: 'Licence full', exact: true }) });
  await expect(full).toContainText('Résiliable');
  await expect(full).toContainText('1 / 2');
  await expect(popup.getByRole('row').filter({ has: popup.getByRole('rowheader') })).toHaveCount(8);
  await extension.closePage(popup);
});

test('@regression the options page saves a switch and the open portal page follows at once', async ({
  page,
  portalOrigin,
  credentials,
  qa,
  extension,
}) => {
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  await expect(qa.annotations()).toHaveCount(8);

  const options = await extension.openPage('options.html');
  await options.getByLabel(/^(Langue|Language)/).selectOption('fr');
  await expect(
    options.getByRole('heading', { name: 'Options de l’assistant licences MetaCentrex' }),
  ).toBeVisible();
  const annotations = options.getByRole('checkbox', {
    name: 'Indiquer, sur chaque licence, combien sont résiliables',
  });
  await expect(annotations).toBeChecked();
  await annotations.uncheck();
  await expect(options.getByRole('status')).toHaveText(/^Enregistré/);
  await expect(qa.annotations()).toHaveCount(0);
  await expect(qa.summary()).toHaveCount(1);

  await annotations.check();
  await expect(qa.annotations()).toHaveCount(8);
  await extension.closePage(options);
});
