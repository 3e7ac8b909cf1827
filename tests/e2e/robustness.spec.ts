/**
 * The page cannot break the extension, nor the extension the page (issue: trust on a portal we have
 * never seen): a page whose script removes every node it did not render stays responsive, a
 * Détails tab shown in a same-origin frame is annotated and reported by the popup, and a page that
 * rewrites itself (`document.open`) is still guarded. Both browsers.
 */
import type { ConsoleMessage } from '@playwright/test';
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import { DEFAULT_SETTINGS, expect, LOG_PREFIX, test } from './fixtures';
import { ExtensionContract } from './pages/extension-contract';
import { openServiceDirect } from './pages/portal';

test.describe('a page that fights the extension', () => {
  // The back-off is logged once per feature it stops: expected here, an error anywhere else.
  test.use({ allowedExtensionErrors: [/stopped: the page keeps removing its elements/] });

  test('@regression a page removing every foreign node stays responsive: evaluate answers within 1 s after 3 s', async ({
    context,
    portalOrigin,
    credentials,
  }) => {
    // A page of its own, closed at the end: the fighting script stays with the page it was added to,
    // and the worker's context hands its pages on to the next tests.
    const page = await context.newPage();
    try {
      const qa = new ExtensionContract(page);
      // A reconciler's way: the page renders only standard elements and removes any other one added
      // to it (the extension's elements are custom elements), as soon as it is added.
      await page.addInitScript(() => {
        new MutationObserver((records) => {
          for (const record of records)
            for (const node of Array.from(record.addedNodes))
              if (node instanceof Element && node.localName.includes('-')) node.remove();
        }).observe(document, { childList: true, subtree: true });
      });
      const stopped: string[] = [];
      const onConsole = (message: ConsoleMessage) => {
        if (message.text().includes(LOG_PREFIX) && /stopped:/.test(message.text()))
          stopped.push(message.text());
      };
      page.on('console', onConsole);
      const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
      await service.showTab('Détails');
      await expect(service.licenceCount('Licence full')).toHaveText('1 / 2');
      await page.waitForTimeout(3_000);
      // A frozen tab never answers: race the page against a 1 s timer (no timing of our own code).
      const answer = await Promise.race([
        page.evaluate(() => 1),
        new Promise<'no answer within 1 s'>((resolve) =>
          setTimeout(() => resolve('no answer within 1 s'), 1_000),
        ),
      ]);
      expect(answer).toBe(1);
      await expect(qa.anything()).toHaveCount(0);
      // Each fought feature is logged once: annotations, SDA flags, summary.
      await expect.poll(() => stopped.length).toBe(3);
    } finally {
      await page.close();
    }
  });
});

test.describe('a Détails tab shown in a same-origin frame (variant cadre)', () => {
  test('@regression the frame is annotated with the right numbers and the popup reports it', async ({
    page,
    portal,
    portalOrigin,
    credentials,
    extension,
    qa,
  }) => {
    portal.setVariants(['cadre']);
    await extension.setSettings({ ...DEFAULT_SETTINGS, language: 'fr' });
    const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
    await service.showTab('Détails');
    const frame = new ExtensionContract(service.detailsFrame());
    await expect(frame.annotations()).toHaveCount(8);
    await expect(frame.annotation('Licence full')).toHaveAttribute('data-terminable', '1');
    await expect(frame.annotation('Licence full')).toHaveAttribute('data-subscribed', '2');
    await expect(frame.summary()).toHaveCount(1);
    // The page around the frame holds no block: nothing of ours there.
    await expect(qa.anything()).toHaveCount(0);

    const tabId = await extension.tabIdOf(page.url());
    expect(tabId, 'the extension sees the portal’s tab').not.toBeNull();
    const popup = await extension.openPage(`popup.html?tabId=${tabId}`);
    await expect(popup.getByRole('status')).toHaveText('Page Détails MetaCentrex reconnue.');
    const full = popup
      .getByRole('row')
      .filter({ has: popup.getByRole('rowheader', { name: 'Licence full', exact: true }) });
    await expect(full).toContainText('1 / 2');
    await expect(popup.getByRole('row').filter({ has: popup.getByRole('rowheader') })).toHaveCount(8);
    await extension.closePage(popup);
  });
});

test.describe('a page that rewrites itself with document.open / document.write', () => {
  test('@regression the termination dialog it writes is guarded: an impossible quantity is not sent', async ({
    page,
    portalOrigin,
    credentials,
    qa,
  }) => {
    const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
    await service.showTab('Détails');
    await expect(qa.annotation('Licence full')).toHaveAttribute('data-terminable', '1');
    // `document.open()` erases every listener of the window and the document, the extension's too.
    await page.evaluate(() => {
      const rows = [
        ['Licence simple', '1 / 1'],
        ['Licence full', '1 / 2'],
      ]
        .map(([label, count]) => `<tr><td>${label}</td><td>${count}</td></tr>`)
        .join('');
      document.open();
      document.write(`<!doctype html><html lang="fr"><body>
        <table><tbody><tr><th>Nombre de licences</th></tr>${rows}</tbody></table>
        <div class="modal in" role="dialog" style="display:block"><h4>Résiliation licence full</h4>
          <form onsubmit="window.sent = (window.sent || 0) + 1; return false;"><table>
            <tr><td>Quantité souscrite</td><td>2</td></tr><tr><td>Quantité active</td><td>1</td></tr>
            <tr><td><label for="qty">Quantité à résilier</label></td><td><input id="qty" value="1"></td></tr>
          </table><button type="button">Annuler</button><button type="submit">Confirmer</button></form>
        </div></body></html>`);
      document.close();
    });
    await expect(qa.guard()).toHaveAttribute('data-max', '1');
    await page.locator('#qty').fill('5');
    await expect(qa.guard()).toHaveAttribute('data-valid', 'false');
    const confirm = page.getByRole('button', { name: 'Confirmer' });
    // Blocked elements stay focusable (aria-disabled): a real click and Enter reach the guard.
    await confirm.click({ force: true });
    await page.locator('#qty').press('Enter');
    expect(await page.evaluate(() => (window as { sent?: number }).sent ?? 0)).toBe(0);
    // A quantity that can be terminated still goes through.
    await page.locator('#qty').fill('1');
    await confirm.click();
    expect(await page.evaluate(() => (window as { sent?: number }).sent ?? 0)).toBe(1);
  });
});
