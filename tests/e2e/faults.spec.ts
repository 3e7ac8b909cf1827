/**
 * The journey when the portal misbehaves (the mock's faults): the extension must never show a wrong
 * number, and nothing may be lost or done twice.
 */
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import { expect, test } from './fixtures';
import { LoginPage, openServiceDirect } from './pages/portal';

test('@regression a 500 on Confirmer: the error is shown, counts and annotations unchanged', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  await expect(qa.annotation('Licence full')).toHaveAttribute('data-terminable', '1');
  const dialog = await service.openTermination('Licence full');
  portal.setFaults({ terminationError: true });
  await dialog.confirm.click();
  await expect(dialog.error).toContainText('erreur technique');
  await expect(dialog.quantity).toHaveValue('1');
  await dialog.cancel.click();
  await expect(dialog.root).toBeHidden();
  await expect(service.licenceCount('Licence full')).toHaveText('1 / 2');
  await expect(qa.annotation('Licence full')).toHaveAttribute('data-state', 'terminable');
  await expect(qa.annotation('Licence full')).toHaveAttribute('data-terminable', '1');
  await expect(qa.summary()).toHaveAttribute('data-terminable-total', '1');
  expect(portal.store.counts.history).toBe(0);
});

test('@regression the session expires mid-flow: log in again, nothing lost or doubled in the history', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  let dialog = await service.openTermination('Licence full');
  portal.setFaults({ sessionExpired: true });
  await dialog.confirm.click();
  await expect(dialog.error).toContainText('session a expiré');

  await dialog.error.getByRole('link', { name: 'Se reconnecter' }).click();
  const login = new LoginPage(page);
  await expect(login.heading()).toBeVisible();
  await login.logIn(credentials);

  await service.showTab('Détails');
  await expect(service.licenceCount('Licence full')).toHaveText('1 / 2');
  await expect(qa.annotation('Licence full')).toHaveAttribute('data-terminable', '1');
  await service.showTab('Historique');
  await expect(service.historyRows('Résiliation')).toHaveCount(0);

  await service.showTab('Détails');
  dialog = await service.openTermination('Licence full');
  await dialog.terminate('1');
  await expect(service.licenceCount('Licence full')).toHaveText('1 / 1');
  await expect(qa.annotation('Licence full')).toHaveAttribute('data-state', 'sda-linked');
  await service.showTab('Historique');
  await expect(service.historyRows('Résiliation')).toHaveCount(1);
});

test('@regression added latency: annotations right at the end and never a wrong number meanwhile', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  // Every state any <mla-licence> takes, recorded in the page as it happens (not only when polled).
  await page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { __mlaSeen: Set<string> }).__mlaSeen = seen;
    const record = () => {
      for (const element of document.querySelectorAll('mla-licence')) {
        const attribute = (name: string) => element.getAttribute(name) ?? '-';
        seen.add(
          ['data-licence', 'data-state', 'data-subscribed', 'data-active', 'data-terminable']
            .map(attribute)
            .join('|'),
        );
      }
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true });
  });
  portal.setFaults({ latencyMs: 1_500 });
  await service.tab('Détails').click();
  const panel = service.panel('Détails');
  await expect(panel.getByText('Chargement...')).toBeVisible();
  await expect
    .poll(() => qa.annotations().count(), { message: 'nothing is annotated while loading' })
    .toBe(0);
  await expect(panel.getByText('Chargement...')).toBeHidden({ timeout: 10_000 });

  await expect(qa.annotations()).toHaveCount(8);
  await expect(qa.annotation('Licence full')).toHaveAttribute('data-terminable', '1');
  await expect(qa.summary()).toHaveAttribute('data-terminable-total', '1');
  const seen = await page.evaluate(() => [...(window as unknown as { __mlaSeen: Set<string> }).__mlaSeen]);
  const final = await qa
    .annotations()
    .evaluateAll((elements) =>
      elements.map((element) =>
        ['data-licence', 'data-state', 'data-subscribed', 'data-active', 'data-terminable']
          .map((name) => element.getAttribute(name) ?? '-')
          .join('|'),
      ),
    );
  expect(final).toContain('Licence full|terminable|2|1|1');
  expect(seen.length, 'the recorder saw the annotations appear').toBeGreaterThan(0);
  expect(
    seen.filter((state) => !final.includes(state)),
    'no intermediate state differs from the final one',
  ).toEqual([]);
});

test('@regression a malformed licence block: broken rows are unknown, the rest stays right, the portal usable', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  portal.setFaults({ malformedDetails: true });
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  for (const licence of ['Licence full', 'Licence full meeting']) {
    await expect(qa.annotation(licence)).toHaveAttribute('data-state', 'unknown');
    await expect(qa.annotation(licence)).not.toHaveAttribute('data-terminable', /.*/);
  }
  await expect(qa.annotation('Licence simple')).toHaveAttribute('data-state', 'sda-linked');
  await expect(qa.annotation('Licence SVI')).toHaveAttribute('data-state', 'sda-linked');
  await expect(qa.summary()).toHaveAttribute('data-terminable-total', '0');
  // Two unknown rows and the row without label (it carries a count): the summary hides none of them.
  await expect(qa.summary()).toHaveAttribute('data-unknown-count', '3');

  // Still usable: the dialog opens and closes, the other tabs load.
  const dialog = await service.openTermination('Licence full');
  await dialog.cancel.click();
  await expect(dialog.root).toBeHidden();
  await service.showTab('Historique');
  await expect(service.panel('Historique')).toBeVisible();
});
