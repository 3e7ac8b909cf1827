/**
 * The procedure card's journey with the extension loaded (both browsers): the annotations match the
 * card, the guard refuses more than can be terminated, and everything follows the termination.
 */
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import type { Portal } from '../../mocks/portal';
import { expect, test } from './fixtures';
import type { ExtensionContract } from './pages/extension-contract';
import { LoginPage, openServiceFromCard, ServicePage, type TerminationDialog } from './pages/portal';

const SDA_LINKED = [
  'Licence simple',
  'Licence full meeting',
  'Licence full meeting avancée',
  'Licence full conferencing',
  'Licence fax entreprise',
  'Licence SVI',
];

async function expectAnnotation(
  qa: ExtensionContract,
  licence: string,
  expected: { state: string; subscribed: number; active: number; terminable: number },
) {
  const annotation = qa.annotation(licence);
  await expect(annotation).toHaveCount(1);
  await expect(annotation).toHaveAttribute('data-state', expected.state);
  await expect(annotation).toHaveAttribute('data-subscribed', String(expected.subscribed));
  await expect(annotation).toHaveAttribute('data-active', String(expected.active));
  await expect(annotation).toHaveAttribute('data-terminable', String(expected.terminable));
}

/** The card's Détails tab as the extension annotates it: the counts of the procedure card. */
async function expectCardAnnotations(qa: ExtensionContract) {
  await expect(qa.annotations()).toHaveCount(8);
  await expectAnnotation(qa, 'Licence full', {
    state: 'terminable',
    subscribed: 2,
    active: 1,
    terminable: 1,
  });
  for (const licence of SDA_LINKED) {
    await expectAnnotation(qa, licence, { state: 'sda-linked', subscribed: 1, active: 1, terminable: 0 });
  }
  await expectAnnotation(qa, 'Licence full avancée', {
    state: 'none',
    subscribed: 0,
    active: 0,
    terminable: 0,
  });
  await expect(qa.summary()).toHaveCount(1);
  await expect(qa.summary()).toHaveAttribute('data-terminable-total', '1');
  await expect(qa.summary()).toHaveAttribute('data-sda-linked-total', String(SDA_LINKED.length + 1));
}

/** Licence full's dialog: at most 1, and 2 refused by the button and by Enter; nothing reaches the portal. */
async function expectGuardRefusesTwo(qa: ExtensionContract, dialog: TerminationDialog, portal: Portal) {
  await expect(qa.guard()).toHaveCount(1);
  await expect(qa.guard()).toHaveAttribute('data-max', '1');
  await expect(qa.guard()).toHaveAttribute('data-valid', 'true');
  await dialog.setQuantity('2');
  await expect(qa.guard()).toHaveAttribute('data-valid', 'false');
  await expect(dialog.confirm).toBeDisabled();
  // Enter in the field must not submit either: nothing may reach the portal.
  await dialog.quantity.press('Enter');
  await expect(dialog.root).toBeVisible();
  expect(portal.store.counts.history).toBe(0);
}

test('@smoke the card’s journey: annotations match the card, the guard caps Licence full at 1, the row then reads 1 / 1', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  const service = await openServiceFromCard(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');

  await test.step('annotations match the card', () => expectCardAnnotations(qa));

  const dialog = await service.openTermination('Licence full');
  await test.step('the guard says at most 1 and refuses 2', () => expectGuardRefusesTwo(qa, dialog, portal));

  await test.step('1 is accepted and confirmed', async () => {
    await dialog.setQuantity('1');
    await expect(qa.guard()).toHaveAttribute('data-valid', 'true');
    await expect(dialog.confirm).toBeEnabled();
    await dialog.confirm.click();
    await expect(dialog.root).toBeHidden();
    await expect(service.flash()).toBeVisible();
  });

  await test.step('the row reads 1 / 1 and turns sda-linked, 0 terminable', async () => {
    await expect(service.licenceCount('Licence full')).toHaveText('1 / 1');
    await expectAnnotation(qa, 'Licence full', {
      state: 'sda-linked',
      subscribed: 1,
      active: 1,
      terminable: 0,
    });
    await expect(qa.summary()).toHaveAttribute('data-terminable-total', '0');
    await expect(qa.summary()).toHaveAttribute('data-sda-linked-total', String(SDA_LINKED.length + 1));
  });
});

test('@regression dissociate a number on Numéros, come back to Détails, terminate the licence it freed', async ({
  page,
  portalOrigin,
  credentials,
  qa,
}) => {
  const service = await openServiceFromCard(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  await expectAnnotation(qa, 'Licence SVI', { state: 'sda-linked', subscribed: 1, active: 1, terminable: 0 });
  await expect(qa.sdaFlag('Licence SVI')).toHaveCount(1);
  await expect(service.terminateButton('Licence SVI')).toBeDisabled();

  await service.showTab('Numéros');
  await expect(service.numberRow('01 84 78 78 86')).toContainText('Licence SVI');
  await service.dissociate('01 84 78 78 86');
  await expect(service.numberRow('01 84 78 78 86')).toContainText('Aucune licence');

  await service.showTab('Détails');
  await expect(service.licenceCount('Licence SVI')).toHaveText('0 / 1');
  await expectAnnotation(qa, 'Licence SVI', { state: 'terminable', subscribed: 1, active: 0, terminable: 1 });
  await expect(qa.sdaFlag('Licence SVI')).toHaveCount(0);
  await expect(qa.summary()).toHaveAttribute('data-terminable-total', '2');

  const dialog = await service.openTermination('Licence SVI');
  await expect(qa.guard()).toHaveAttribute('data-max', '1');
  await dialog.terminate('1');
  await expect(service.licenceCount('Licence SVI')).toHaveText('0 / 0');
  await expect(qa.annotation('Licence SVI')).toHaveAttribute('data-state', 'none');

  const history = await service.showTab('Historique');
  await expect(history).toBeVisible();
  await expect(service.historyRows('Dissociation')).toHaveCount(1);
  await expect(service.historyRows('Résiliation')).toHaveCount(1);
});

test('@regression opened straight on its Détails tab (the assistant comes as the tab shows, before its block): the same annotations and guard', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  // A link or a reload that lands on the Détails tab: the page is parsed with that tab chosen, and its
  // block arrives by the pane's round trip after "Chargement...".
  const login = new LoginPage(page);
  await page.goto(
    `${portalOrigin}/login?next=${encodeURIComponent(`/services/${CARD_SERVICE.ref}?tab=details`)}`,
  );
  await login.logIn(credentials);
  const service = new ServicePage(page);
  await expect(service.tab('Détails')).toHaveAttribute('aria-selected', 'true');
  await expect(service.licenceCount('Licence full')).toHaveText('1 / 2');
  await expectCardAnnotations(qa);
  const dialog = await service.openTermination('Licence full');
  await expectGuardRefusesTwo(qa, dialog, portal);
});
