/**
 * axe scans (both browsers) of what the extension adds: the annotated Détails tab (badges, an open SDA
 * flag, the summary), the open termination dialog with the guard refusing a quantity, the popup and
 * the options page, and the help page. A serious or critical violation fails the test; the portal's own markup is left
 * out of the portal scans (it is not ours, and the mock copies the real portal's).
 */
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import { DEFAULT_SETTINGS, expect, test } from './fixtures';
import { openServiceDirect } from './pages/portal';
import { scanAccessibility } from './support/accessibility';

const OUR_ELEMENTS = ['mla-licence', 'mla-sda-flag', 'mla-summary'];

test.beforeEach(async ({ extension }) => {
  await extension.setSettings({ ...DEFAULT_SETTINGS, language: 'fr' });
});

test('@regression a11y: the annotated Détails tab, an SDA flag open, has no serious or critical axe violation', async ({
  page,
  portalOrigin,
  credentials,
  qa,
}) => {
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  await expect(qa.annotations()).toHaveCount(8);
  const toggle = qa.sdaFlag('Licence SVI').getByRole('button', { expanded: false });
  await toggle.click();
  await expect(qa.sdaFlag('Licence SVI').getByRole('button', { expanded: true })).toBeVisible();
  await expect(
    qa.sdaFlag('Licence SVI').getByRole('button', { name: 'Ouvrir l’onglet Numéros' }),
  ).toBeVisible();

  const report = await scanAccessibility(page, OUR_ELEMENTS);
  expect(report.fatal, 'serious or critical violations in the extension’s elements').toEqual([]);
  expect(report.passedNodes, 'the scan saw our elements').toBeGreaterThan(8);
});

test('@regression a11y: a row not recognised says why, and by keyboard its « Pourquoi ? » opens what to do; no serious axe violation', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  // A footnote mark glued to Licence full's count: that row is not recognised.
  portal.setVariants(['renvoi']);
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  const full = qa.annotation('Licence full');
  await expect(full).toHaveAttribute('data-state', 'unknown');
  const wayOut = full.locator('details .details');
  await expect(wayOut).toBeHidden();
  const why = full.locator('summary');
  // The disclosure's button stays on the badge's line (the row keeps its height).
  const tagBox = await full.locator('.tag').boundingBox();
  const whyBox = await why.boundingBox();
  expect(Math.abs((whyBox?.y ?? 0) - (tagBox?.y ?? 99)), 'on the badge’s line').toBeLessThan(
    tagBox?.height ?? 0,
  );
  await why.focus();
  await page.keyboard.press('Enter');
  await expect(wayOut).toBeVisible();
  await expect(wayOut).toContainText(/rechargez la page/);

  const report = await scanAccessibility(page, OUR_ELEMENTS);
  expect(report.fatal, 'serious or critical violations in the extension’s elements').toEqual([]);
});

test('@regression a11y: by keyboard alone, the SDA flag opens and its shortcut opens the Numéros tab and focuses it', async ({
  page,
  portalOrigin,
  credentials,
  qa,
}) => {
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  const flag = qa.sdaFlag('Licence SVI');
  const toggle = flag.getByRole('button', { name: /^Pourquoi/ });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const shortcut = flag.getByRole('button', { name: 'Ouvrir l’onglet Numéros' });
  await page.keyboard.press('Tab');
  await expect(shortcut).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(service.tab('Numéros')).toHaveAttribute('aria-selected', 'true');
  await expect(service.panel('Numéros')).toBeVisible();
  await expect(service.tab('Numéros'), 'the keyboard follows to the tab it opened').toBeFocused();
});

test('@regression a11y: the termination dialog with the guard refusing 2 has no serious or critical axe violation', async ({
  page,
  portalOrigin,
  credentials,
  qa,
}) => {
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  const dialog = await service.openTermination('Licence full');
  await dialog.setQuantity('2');
  await expect(qa.guard()).toHaveAttribute('data-valid', 'false');
  // The quantity input carries what the guard adds to it (its description, its invalid state).
  const inputId = await dialog.quantity.getAttribute('id');
  expect(inputId, 'the quantity input has an id to scope the scan with').toBeTruthy();

  const report = await scanAccessibility(page, ['mla-termination-guard', `#${inputId}`]);
  expect(report.fatal, 'serious or critical violations in the guard').toEqual([]);
  expect(report.passedNodes, 'the scan saw the guard').toBeGreaterThan(0);
  await dialog.cancel.click();
});

test('@regression a11y: the popup, on a recognised page, has no serious or critical axe violation', async ({
  page,
  portalOrigin,
  credentials,
  extension,
}) => {
  const service = await openServiceDirect(page, portalOrigin, credentials, CARD_SERVICE.ref);
  await service.showTab('Détails');
  const tabId = await extension.tabIdOf(page.url());
  expect(tabId, 'the extension sees the portal’s tab').not.toBeNull();
  const popup = await extension.openPage(`popup.html?tabId=${tabId}`);
  await expect(popup.getByRole('rowheader', { name: 'Licence full', exact: true })).toBeVisible();

  const report = await scanAccessibility(popup);
  expect(report.fatal, 'serious or critical violations in the popup').toEqual([]);
  expect(report.passedNodes).toBeGreaterThan(0);
  await extension.closePage(popup);
});

test('@regression a11y: the options page has no serious or critical axe violation', async ({ extension }) => {
  const options = await extension.openPage('options.html');
  await expect(options.getByRole('checkbox')).toHaveCount(4);

  const report = await scanAccessibility(options);
  expect(report.fatal, 'serious or critical violations in the options').toEqual([]);
  expect(report.passedNodes).toBeGreaterThan(0);
  await extension.closePage(options);
});

test('@regression a11y: the help page, reached from the options page’s Aide link, has no serious or critical axe violation', async ({
  extension,
}) => {
  const options = await extension.openPage('options.html');
  const help = options.getByRole('link', { name: 'Aide' });
  await expect(help).toHaveAttribute('target', '_blank');
  const href = await help.getAttribute('href');
  expect(href, 'the Aide link points to an extension page').toBe('aide.html');
  await extension.closePage(options);

  const page = await extension.openPage(href ?? '');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Aide de l’assistant licences MetaCentrex' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(5);
  const report = await scanAccessibility(page);
  expect(report.fatal, 'serious or critical violations in the help page').toEqual([]);
  expect(report.passedNodes).toBeGreaterThan(0);
  await extension.closePage(page);
});

test('@regression a11y: the popup on a tab with no content script says it is not the portal, no serious axe violation', async ({
  extension,
}) => {
  // A tab that is not there: no script answers, the browser shows no address. The popup first asks
  // `permissions.contains` for the manifest's host permissions (granted here, in both browsers).
  const popup = await extension.openPage('popup.html?tabId=987654');
  await expect(popup.getByRole('status')).toHaveText(/^Cet onglet n’est pas une page du portail MyOpenIP/);
  await expect(popup.locator('main')).toHaveAttribute('aria-busy', 'false');
  const report = await scanAccessibility(popup);
  expect(report.fatal, 'serious or critical violations in the popup').toEqual([]);
  await extension.closePage(popup);
});
