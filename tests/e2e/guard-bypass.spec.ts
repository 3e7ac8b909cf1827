/**
 * The guard cannot be bypassed (both browsers): a quantity pushed past the maximum by the page's own
 * stepper script (no event), a submit button labelled otherwise, every way of acting on it (mouse,
 * Enter, Space, Enter in the field) — nothing reaches the portal while the quantity is wrong, and a
 * valid quantity still goes through. Variants of the mock's markup are switched on per test.
 */
import type { Locator } from '@playwright/test';
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import type { Portal, VariantName } from '../../mocks/portal';
import { expect, test } from './fixtures';
import { openServiceDirect, TerminationDialog, transitionsEnded } from './pages/portal';
import { countTerminationPosts, type PortalFixtures } from './support/termination-posts';

// The guard speaks the browser's language (French or English here): its words in both.
const TOO_MANY = /ne peut pas dépasser 1|cannot exceed 1/;
const MAX_ONE = /Maximum résiliable\s:\s1|Most you can terminate: 1/;
const SENDING_BLOCKED = /L’envoi est bloqué|Sending is blocked/;
const CONFIRMER_BLOCKED = /Confirmer est bloqué|Confirmer is blocked/;

/** The card's Détails tab with the mock's `variants` on, Licence full's termination icon clicked. */
async function clickTerminateFull(
  { page, portal, portalOrigin, credentials }: PortalFixtures,
  variants: VariantName[],
): Promise<{ posts: () => number }> {
  portal.setVariants(variants);
  const posts = countTerminationPosts(portal);
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  await service.terminateButton('Licence full').click();
  return { posts };
}

/** The same, once the dialog shows its labelled quantity field (the card's dialog). */
async function openFullDialog(
  fixtures: PortalFixtures,
  variants: VariantName[],
): Promise<{ dialog: TerminationDialog; posts: () => number }> {
  const { posts } = await clickTerminateFull(fixtures, variants);
  const dialog = new TerminationDialog(fixtures.page, 'Licence full');
  await expect(dialog.quantity).toBeVisible();
  await dialog.opened();
  return { dialog, posts };
}

/** Nothing was sent and nothing changed: the dialog is open, the portal saw no POST, no history. */
async function expectNothingSent(dialog: { root: Locator }, portal: Portal, posts: () => number) {
  await expect(dialog.root).toBeVisible();
  expect(posts()).toBe(0);
  expect(portal.store.counts.history).toBe(0);
  expect(portal.store.licenceCount(CARD_SERVICE.ref, 'licence-full')).toMatchObject({
    subscribed: 2,
    active: 1,
  });
}

/** The dialog closed on one POST, and Licence full went from 2 subscribed to 1. */
async function expectOneTerminated(dialog: { root: Locator }, portal: Portal, posts: () => number) {
  await expect(dialog.root).toBeHidden();
  expect(posts()).toBe(1);
  expect(portal.store.licenceCount(CARD_SERVICE.ref, 'licence-full')).toMatchObject({ subscribed: 1 });
}

test('@regression stepper: a quantity the page script pushes past the maximum is refused, the valid one goes through', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  const { dialog, posts } = await openFullDialog({ page, portal, portalOrigin, credentials }, ['stepper']);
  await expect(qa.guard()).toHaveAttribute('data-max', '1');
  await expect(qa.guard()).toHaveAttribute('data-valid', 'true');

  await test.step('the guard sits after the input group, which keeps its line (− and + as tall as the input)', async () => {
    const layout = await dialog.quantity.evaluate((input) => {
      const group = input.parentElement as HTMLElement;
      const height = (element: Element) => Math.round(element.getBoundingClientRect().height);
      return {
        after: group.nextElementSibling?.localName ?? null,
        described: input.getAttribute('aria-describedby') === group.nextElementSibling?.id,
        input: height(input),
        buttons: Array.from(group.querySelectorAll('button')).map(height),
      };
    });
    expect(layout.after).toBe('mla-termination-guard');
    expect(layout.described).toBe(true);
    for (const button of layout.buttons) expect(Math.abs(button - layout.input)).toBeLessThanOrEqual(2);
  });

  await test.step('+ then Confirmer in the same task: judged at that moment, before any watch', async () => {
    await dialog.root.evaluate((root) => {
      const button = (name: string) =>
        Array.from(root.querySelectorAll('button')).find(
          (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === name,
        ) as HTMLButtonElement;
      button('Augmenter').click();
      button('Confirmer').click();
    });
    await expect(dialog.quantity).toHaveValue('2');
    await expect(qa.guard()).toHaveAttribute('data-valid', 'false');
    await expectNothingSent(dialog, portal, posts);
  });

  await test.step('the guard keeps watching: its text and Confirmer follow the value without any event', async () => {
    await dialog.button('Augmenter').click();
    await expect(dialog.quantity).toHaveValue('3');
    await expect(qa.guard()).toContainText(TOO_MANY);
    await expect(dialog.confirm).toBeDisabled(); // aria-disabled: still focusable
    await dialog.confirm.click({ force: true });
    await dialog.quantity.press('Enter');
    await dialog.confirm.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await expectNothingSent(dialog, portal, posts);
  });

  await test.step('back to 1 with the stepper: Confirmer goes through', async () => {
    await dialog.button('Diminuer').click();
    await dialog.button('Diminuer').click();
    await expect(dialog.quantity).toHaveValue('1');
    await expect(qa.guard()).toHaveAttribute('data-valid', 'true');
    await expect(dialog.confirm).toBeEnabled();
    await dialog.confirm.click();
    await expectOneTerminated(dialog, portal, posts);
  });
});

for (const [variant, submit] of [
  ['bouton-resilier', 'Résilier'],
  ['bouton-icone', 'Valider'],
] as const) {
  test(`@regression a submit labelled « ${submit} » (${variant}) is refused on every path, and says so without naming Confirmer`, async ({
    page,
    portal,
    portalOrigin,
    credentials,
    qa,
  }) => {
    const { dialog, posts } = await openFullDialog({ page, portal, portalOrigin, credentials }, [variant]);
    const button = dialog.button(submit);
    await expect(button).toBeVisible();
    await dialog.setQuantity('2');
    await expect(qa.guard()).toHaveAttribute('data-valid', 'false');
    await expect(qa.guard()).toContainText(SENDING_BLOCKED);
    await expect(qa.guard()).not.toContainText('Confirmer');

    await test.step('blocked, yet reachable with the keyboard and telling why', async () => {
      await expect(button).toBeDisabled();
      await expect(button).toHaveAccessibleDescription(TOO_MANY);
      await expect(dialog.quantity).toHaveAttribute('aria-invalid', 'true');
      await expect(dialog.quantity).toHaveAccessibleDescription(MAX_ONE);
      // Tab by Tab (Bootstrap may move the focus to the modal itself once its fade ends).
      await dialog.quantity.focus();
      await expect(async () => {
        await page.keyboard.press('Tab');
        await expect(button).toBeFocused({ timeout: 250 });
      }).toPass({ timeout: 7_000 });
    });

    await test.step('mouse, Enter, Space, Enter in the field, a submit by script: nothing is sent', async () => {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Space');
      await button.click({ force: true });
      await dialog.quantity.press('Enter');
      await dialog.root.locator('form').evaluate((form: HTMLFormElement) => form.requestSubmit());
      await expectNothingSent(dialog, portal, posts);
    });

    await test.step('a valid quantity goes through', async () => {
      await dialog.setQuantity('1');
      await expect(qa.guard()).toHaveAttribute('data-valid', 'true');
      await expect(button).toBeEnabled();
      await expect(dialog.quantity).not.toHaveAttribute('aria-invalid', /./);
      await button.click();
      await expectOneTerminated(dialog, portal, posts);
    });
  });
}

test('@regression Annuler still closes the dialog while the quantity is wrong', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  const { dialog, posts } = await openFullDialog({ page, portal, portalOrigin, credentials }, []);
  await dialog.setQuantity('7');
  await expect(qa.guard()).toHaveAttribute('data-valid', 'false');
  await expect(dialog.confirm).toHaveAccessibleDescription(CONFIRMER_BLOCKED);
  await dialog.cancel.click();
  await expect(dialog.root).toBeHidden();
  expect(posts()).toBe(0);
});

test('@regression a quantity field it cannot tell from a date field (date-resiliation): the guard says so, blocks nothing, claims nothing', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  const { posts } = await clickTerminateFull({ page, portal, portalOrigin, credentials }, [
    'date-resiliation',
  ]);
  const dialog = new TerminationDialog(page, 'Licence full');
  const quantity = dialog.root.locator('input[name="quantity"]');
  await expect(quantity).toBeVisible();

  await test.step('beside the label: not recognised, the maximum, check it yourself, a capture offered', async () => {
    await expect(qa.guard()).toHaveAttribute('data-state', 'no-input');
    await expect(qa.guard()).toHaveAttribute('data-max', '1');
    await expect(qa.guard()).not.toHaveAttribute('data-valid', /./);
    await expect(qa.guard()).toContainText(
      /Quantité à résilier non reconnue|Quantité à résilier not recognised/,
    );
    await expect(qa.guard()).toContainText(MAX_ONE);
    await expect(qa.guard()).toContainText(/vérifiez-la vous-même|check it yourself/);
    await expect(dialog.root.locator('label + mla-termination-guard')).toHaveCount(1);
    await expect(qa.guard().getByRole('button', { name: /capture/ })).toBeVisible();
    await expect(quantity).not.toHaveAttribute('aria-invalid', /./);
    await expect(dialog.confirm).toBeEnabled();
  });

  await test.step('the operator decides: a quantity of 1 goes through to the portal', async () => {
    await quantity.fill('1');
    await dialog.confirm.click();
    await expectOneTerminated(dialog, portal, posts);
  });
});

for (const [variant, what] of [
  ['fenetre-sans-role', 'a window without ARIA role, its title in its body away from its buttons'],
  ['titre-different', 'a window titled « Résilier la licence full »: guarded from its own quantities'],
  [
    'modale-aria-hidden',
    'a window that keeps aria-hidden="true" once shown (Bootstrap 3.0 markup, 3.4.1 script)',
  ],
] as const) {
  test(`@regression ${what} (${variant}): 2 refused, 1 goes through`, async ({
    page,
    portal,
    portalOrigin,
    credentials,
    qa,
  }) => {
    const { posts } = await clickTerminateFull({ page, portal, portalOrigin, credentials }, [variant]);
    // Its role or name is not the card's: the window is found by the mock's id (the extension never uses it).
    const root = page.locator('#termination-modal');
    if (variant === 'fenetre-sans-role') await expect(root).not.toHaveAttribute('role', /./);
    else if (variant === 'modale-aria-hidden') await expect(root).toHaveAttribute('aria-hidden', 'true');
    else await expect(root.getByRole('heading')).toHaveText('Résilier la licence full');
    const quantity = root.getByLabel('Quantité à résilier');
    // (A window under aria-hidden is left out of the accessibility tree: its button is found all the same.)
    const confirm = root.getByRole('button', { name: 'Confirmer', includeHidden: true });
    await expect(quantity).toBeVisible();
    await transitionsEnded(root); // Bootstrap's end-of-animation focus would take the keys' focus
    await expect(qa.guard()).toHaveAttribute('data-max', '1');

    await test.step('2: Confirmer is blocked on every path, nothing is sent', async () => {
      await quantity.fill('2');
      await expect(qa.guard()).toHaveAttribute('data-valid', 'false');
      await expect(confirm).toBeDisabled(); // aria-disabled: still focusable
      await confirm.click({ force: true });
      await quantity.press('Enter');
      await confirm.focus();
      await page.keyboard.press('Enter');
      await expectNothingSent({ root }, portal, posts);
    });

    await test.step('1 goes through', async () => {
      await quantity.fill('1');
      await expect(qa.guard()).toHaveAttribute('data-valid', 'true');
      await confirm.click();
      await expectOneTerminated({ root }, portal, posts);
    });
  });
}

// One send at a time: a real browser's events of one send (Enter: keydown, keypress, click, submit;
// Space: keyup, click, submit) are one and go through, never taken for a second send; a double click
// sends once (the mock's own Confirmer also ignores a second click while it sends: the guard's refusal
// of a second send is tested in tests/unit/features/guard-events.test.ts).
for (const [how, act] of [
  ['Enter on Confirmer', (dialog: TerminationDialog) => dialog.confirm.press('Enter')],
  ['Space on Confirmer', (dialog: TerminationDialog) => dialog.confirm.press(' ')],
  ['a double click on Confirmer', (dialog: TerminationDialog) => dialog.confirm.dblclick()],
] as const) {
  test(`@regression ${how} with 1: one termination reaches the portal`, async ({
    page,
    portal,
    portalOrigin,
    credentials,
    qa,
  }) => {
    const { dialog, posts } = await openFullDialog({ page, portal, portalOrigin, credentials }, []);
    await expect(qa.guard()).toHaveAttribute('data-valid', 'true');
    await act(dialog);
    await expectOneTerminated(dialog, portal, posts);
  });
}
