/**
 * The mocked portal alone, in a browser without the extension (issue 2's smoke and the baseline):
 * the card's journey works by itself and nothing of the extension appears.
 */
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import { expect, test } from './fixtures';
import { openServiceFromCard } from './pages/portal';

test.use({ withExtension: false });

test('@smoke the portal alone: log in, find the service, terminate 1 Licence full, the row reads 1 / 1', async ({
  page,
  portalOrigin,
  credentials,
  qa,
}) => {
  const service = await openServiceFromCard(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  await expect(service.licenceCount('Licence full')).toHaveText('1 / 2');
  const dialog = await service.openTermination('Licence full');
  await expect(dialog.value('Quantité souscrite')).toHaveText('2');
  await expect(dialog.value('Quantité active')).toHaveText('1');
  await expect(dialog.quantity).toHaveValue('1');
  await dialog.terminate('1');
  await expect(service.flash()).toBeVisible();
  await expect(service.licenceCount('Licence full')).toHaveText('1 / 1');
  await expect(service.terminateButton('Licence full')).toBeDisabled();
  await expect(qa.anything()).toHaveCount(0);
});

test('@regression baseline without the extension: no annotation, summary or guard anywhere on the journey', async ({
  page,
  portalOrigin,
  credentials,
  qa,
}) => {
  const service = await openServiceFromCard(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  await expect(service.licenceCount('Licence SVI')).toHaveText('1 / 1');
  const dialog = await service.openTermination('Licence full');
  await dialog.setQuantity('2');
  // Without the guard nothing stops a wrong quantity client-side: the portal itself must refuse it.
  await expect(dialog.confirm).toBeEnabled();
  await dialog.confirm.click();
  await expect(dialog.error).toContainText(/./);
  await expect(qa.anything()).toHaveCount(0);
});
