/**
 * What is judged is what is sent, and what was sent is not forgotten (both browsers), on the mock's
 * variants: `sans-rafraichissement` (the page shows the new counts only once reloaded: after a termination
 * the row is in doubt and a second one of the same licence is refused until the counts are read afresh;
 * one the portal refused leaves no doubt), `copie-cachee`
 * (the form sends a hidden copy of the quantity that the page copies on `change` and the server takes:
 * while it lags, « non reconnue »), `champ-nombre` (an `<input type="number">`: what each browser does
 * with « 1,5 » or « 0x2 » typed, refused either way).
 */
import type { Locator } from '@playwright/test';
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import type { Portal, VariantName } from '../../mocks/portal';
import { expect, test } from './fixtures';
import { openServiceDirect, type ServicePage, type TerminationDialog } from './pages/portal';
import { countTerminationPosts, type PortalFixtures } from './support/termination-posts';

// The guard speaks the browser's language (French or English here): its words in both.
const TOO_MANY = /ne peut pas dépasser 1|cannot exceed 1/;
const NOT_RECOGNISED = /Quantité non reconnue|Quantity not recognised/;
const NOT_A_NUMBER = /Saisissez un nombre entier, en chiffres|Enter a whole number, in digits/;
const NOT_WHOLE = /doit être un nombre entier|must be a whole number/;
const NOTHING_TERMINABLE =
  /Aucune licence de ce type n’est résiliable|No licence of this type can be terminated/;
const RELOAD = /rechargez la page|reload the page/;

/** The card's Détails tab with the mock's `variants` on; termination POSTs counted. */
async function openDetails(
  { page, portal, portalOrigin, credentials }: PortalFixtures,
  variants: VariantName[],
): Promise<{ service: ServicePage; posts: () => number }> {
  portal.setVariants(variants);
  const posts = countTerminationPosts(portal);
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  return { service, posts };
}

async function openFullDialog(service: ServicePage): Promise<TerminationDialog> {
  const dialog = await service.openTermination('Licence full');
  await dialog.opened();
  return dialog;
}

/** Licence full's subscribed count on the server. */
const subscribed = (portal: Portal) =>
  portal.store.licenceCount(CARD_SERVICE.ref, 'licence-full')?.subscribed;

/** Clicked while blocked (`aria-disabled`: Playwright would wait for it to be enabled). */
async function clickBlocked(confirm: Locator): Promise<void> {
  await expect(confirm).toBeDisabled();
  await confirm.click({ force: true });
}

test('@regression counts shown only on reload (sans-rafraichissement): the row is in doubt, a second 1 is refused, the reload ends it', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  const fixtures = { page, portal, portalOrigin, credentials };
  const { service, posts } = await openDetails(fixtures, ['sans-rafraichissement']);
  const full = qa.annotation('Licence full');

  await test.step('terminate 1 « Licence full » (1 / 2): the dialog closes, the row still says 1 / 2', async () => {
    await expect(service.licenceCount('Licence full')).toHaveText('1 / 2');
    await expect(full).toHaveAttribute('data-terminable', '1');
    const dialog = await openFullDialog(service);
    await expect(qa.guard()).toHaveAttribute('data-max', '1');
    await dialog.terminate('1');
    await expect(service.flash()).toBeVisible();
    expect(posts()).toBe(1);
    expect(subscribed(portal)).toBe(1);
    await expect(service.licenceCount('Licence full')).toHaveText('1 / 2');
  });

  await test.step('the extension says the row is not known now (reload)', async () => {
    await expect(full).toHaveAttribute('data-state', 'unknown');
    await expect(full).not.toHaveAttribute('data-terminable', /./);
    await expect(full).toContainText(RELOAD);
    await expect(qa.summary()).toHaveAttribute('data-unknown-count', '1');
  });

  await test.step('the dialog opened again: no maximum, 1 refused at Confirmer, nothing sent', async () => {
    const dialog = await openFullDialog(service);
    // The portal's dialog is fetched afresh: it already counts the termination.
    await expect(dialog.value('Quantité souscrite')).toHaveText('1');
    await expect(dialog.quantity).toHaveValue('1');
    await expect(qa.guard()).toHaveAttribute('data-state', 'unknown');
    await expect(qa.guard()).not.toHaveAttribute('data-max', /./);
    await expect(qa.guard()).toContainText(NOTHING_TERMINABLE);
    await clickBlocked(dialog.confirm);
    await dialog.quantity.press('Enter');
    await expect(dialog.root).toBeVisible();
    expect(posts()).toBe(1);
    expect(subscribed(portal)).toBe(1);
    expect(portal.store.counts.history).toBe(1);
    await dialog.cancel.click();
    await expect(dialog.root).toBeHidden();
    await expect(full).toHaveAttribute('data-state', 'unknown');
  });

  await test.step('reload: the row shows 1 / 1 and nothing terminable', async () => {
    await page.reload();
    await service.showTab('Détails');
    await expect(service.licenceCount('Licence full')).toHaveText('1 / 1');
    await expect(full).toHaveAttribute('data-state', 'sda-linked');
    await expect(full).toHaveAttribute('data-terminable', '0');
    await expect(qa.summary()).toHaveAttribute('data-terminable-total', '0');
    await expect(qa.summary()).toHaveAttribute('data-unknown-count', '0');
    await expect(service.terminateButton('Licence full')).toBeDisabled();
  });
});

test('@regression counts shown only on reload (sans-rafraichissement): a termination the portal refused leaves no doubt; the Détails tab fetched again ends it', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  const { service, posts } = await openDetails({ page, portal, portalOrigin, credentials }, [
    'sans-rafraichissement',
  ]);
  const full = qa.annotation('Licence full');

  await test.step('the portal refuses the termination: its error in the dialog, Annuler → the row is known again', async () => {
    portal.setFaults({ terminationError: true });
    const dialog = await openFullDialog(service);
    await dialog.confirm.click();
    await expect(dialog.error).toContainText('erreur technique');
    await dialog.cancel.click();
    await expect(dialog.root).toBeHidden();
    expect(posts()).toBe(1);
    expect(subscribed(portal)).toBe(2);
    await expect(full).toHaveAttribute('data-state', 'terminable');
    await expect(full).toHaveAttribute('data-terminable', '1');
  });

  await test.step('taken this time: the row in doubt until the Détails tab is fetched again (1 / 1)', async () => {
    portal.setFaults({ terminationError: false });
    const dialog = await openFullDialog(service);
    await expect(qa.guard()).toHaveAttribute('data-max', '1');
    await dialog.confirm.click();
    await expect(dialog.root).toBeHidden();
    expect(subscribed(portal)).toBe(1);
    await expect(full).toHaveAttribute('data-state', 'unknown');
    await service.showTab('Numéros');
    await service.showTab('Détails');
    await expect(service.licenceCount('Licence full')).toHaveText('1 / 1');
    await expect(full).toHaveAttribute('data-state', 'sda-linked');
    await expect(full).toHaveAttribute('data-terminable', '0');
  });
});

test('@regression a hidden copy of the quantity synced on change (copie-cachee): « non reconnue » while it lags, judged on the agreed value once the field is left', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  const { service, posts } = await openDetails({ page, portal, portalOrigin, credentials }, ['copie-cachee']);
  const dialog = await openFullDialog(service);
  const copy = dialog.root.locator('input[type="hidden"][name="quantite"]');
  await expect(copy).toHaveValue('1');
  await expect(qa.guard()).toHaveAttribute('data-max', '1');
  await expect(qa.guard()).toHaveAttribute('data-valid', 'true');

  await test.step('2 typed, the field not left: the copy still says 1, Confirmer refused « non reconnue », nothing sent', async () => {
    await dialog.typeQuantity('2');
    await expect(dialog.quantity).toHaveValue('2');
    await expect(dialog.quantity).toBeFocused();
    await expect(copy).toHaveValue('1');
    await expect(qa.guard()).toHaveAttribute('data-valid', 'false');
    await expect(qa.guard()).toContainText(NOT_RECOGNISED);
    await expect(qa.guard()).toContainText('« 2 »');
    await expect(qa.guard()).toContainText('« 1 »');
    await clickBlocked(dialog.confirm);
    // The click was stopped from its press on: the field kept the focus, so the copy was not synced.
    await expect(dialog.quantity).toBeFocused();
    await expect(copy).toHaveValue('1');
    await expect(qa.guard()).toContainText(NOT_RECOGNISED);
    await expect(dialog.root).toBeVisible();
    expect(posts()).toBe(0);
    expect(subscribed(portal)).toBe(2);
  });

  await test.step('the field left: the copy says 2 too, refused as impossible, nothing sent', async () => {
    await dialog.quantity.press('Tab');
    await expect(copy).toHaveValue('2');
    await expect(qa.guard()).toHaveAttribute('data-valid', 'false');
    await expect(qa.guard()).toContainText(TOO_MANY);
    await expect(qa.guard()).not.toContainText(NOT_RECOGNISED);
    await clickBlocked(dialog.confirm);
    await expect(dialog.root).toBeVisible();
    expect(posts()).toBe(0);
    expect(subscribed(portal)).toBe(2);
  });

  await test.step('1 typed, the field not left: the field is valid but the copy still says 2, refused « non reconnue »', async () => {
    await dialog.typeQuantity('1');
    await expect(dialog.quantity).toHaveValue('1');
    await expect(copy).toHaveValue('2');
    await expect(qa.guard()).toHaveAttribute('data-valid', 'false');
    await expect(qa.guard()).toContainText(NOT_RECOGNISED);
    // The portal would take the copy: 2, more than the 1 terminable.
    await dialog.quantity.press('Enter');
    await clickBlocked(dialog.confirm);
    await expect(copy).toHaveValue('2');
    await expect(dialog.root).toBeVisible();
    expect(posts()).toBe(0);
    expect(subscribed(portal)).toBe(2);
  });

  await test.step('the field left: both say 1, valid, and the termination of 1 goes through', async () => {
    await dialog.quantity.press('Tab');
    await expect(copy).toHaveValue('1');
    await expect(qa.guard()).toHaveAttribute('data-valid', 'true');
    await dialog.confirm.click();
    await expect(dialog.root).toBeHidden();
    expect(posts()).toBe(1);
    expect(subscribed(portal)).toBe(1);
    expect(portal.store.counts.history).toBe(1);
  });
});

/**
 * What each browser makes of keys a number field refuses (measured on this page, `<html lang="fr">`):
 * Chromium drops them as they are typed; Firefox keeps the text shown and reads it in the page's
 * language — « 1,5 » is 1.5 there (the French decimal comma), « 0x2 » is nothing (`validity.badInput`).
 * Every one is refused; the test fails if a browser starts reading them otherwise.
 */
const TYPED: { typed: string; chromium: [string, RegExp]; firefox: [string, RegExp] }[] = [
  { typed: '1,5', chromium: ['15', TOO_MANY], firefox: ['1.5', NOT_WHOLE] },
  { typed: '0x2', chromium: ['02', TOO_MANY], firefox: ['', NOT_A_NUMBER] },
];

test('@regression a number field (champ-nombre): what each browser reads of « 1,5 » and « 0x2 » typed is refused, 1 goes through', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}, testInfo) => {
  const { service, posts } = await openDetails({ page, portal, portalOrigin, credentials }, ['champ-nombre']);
  const dialog = await openFullDialog(service);
  await expect(dialog.quantity).toHaveAttribute('type', 'number');
  await expect(qa.guard()).toHaveAttribute('data-max', '1');
  const browser = /firefox/i.test(testInfo.project.name) ? 'firefox' : 'chromium';

  for (const row of TYPED) {
    const [value, message] = row[browser];
    await test.step(`« ${row.typed} » typed with the keyboard: the field holds ${JSON.stringify(value)}, refused, nothing sent`, async () => {
      await dialog.typeQuantity(row.typed);
      await expect(dialog.quantity).toHaveValue(value);
      expect(await dialog.quantity.evaluate((input: HTMLInputElement) => input.validity.badInput)).toBe(
        value === '',
      );
      await expect(qa.guard()).toHaveAttribute('data-valid', 'false');
      await expect(qa.guard()).toContainText(message);
      await clickBlocked(dialog.confirm);
      await expect(dialog.root).toBeVisible();
      expect(posts()).toBe(0);
      expect(subscribed(portal)).toBe(2);
    });
  }

  await test.step('1: valid, the termination goes through', async () => {
    await dialog.typeQuantity('1');
    await expect(dialog.quantity).toHaveValue('1');
    await expect(qa.guard()).toHaveAttribute('data-valid', 'true');
    await dialog.confirm.click();
    await expect(dialog.root).toBeHidden();
    expect(posts()).toBe(1);
    expect(subscribed(portal)).toBe(1);
  });
});
