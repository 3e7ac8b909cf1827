/**
 * Markup the faithful mock does not draw, switched on with the mock's variants: the extension reads
 * what the operator sees and nothing else. `bloc-cache`: a stale copy of the licence block with other
 * numbers, hidden by a stylesheet class, before the live one. `prix`: a header naming the columns, a
 * reference beside each count and a monthly price. In both, every badge equals the visible row.
 * `renvoi`: a footnote mark glued to Licence full's count (`1 / 2¹`): that row is unknown, never 1 / 21.
 */
import type { Page } from '@playwright/test';
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import type { Portal } from '../../mocks/portal';
import type { VariantName } from '../../mocks/variants';
import { CARD_ROWS } from '../unit/fixtures/card';
import { expect, test } from './fixtures';
import type { ExtensionContract } from './pages/extension-contract';
import { openServiceDirect, type ServicePage } from './pages/portal';

/** Each card row: its visible count, and a badge with the very same numbers. */
async function expectBadgesEqualVisibleRows(service: ServicePage, qa: ExtensionContract): Promise<void> {
  for (const row of CARD_ROWS) {
    await expect(service.licenceCount(row.label)).toContainText(`${row.active} / ${row.subscribed}`);
    const annotation = qa.annotation(row.label);
    await expect(annotation).toHaveCount(1);
    await expect(annotation).not.toHaveAttribute('data-state', 'unknown');
    await expect(annotation).toHaveAttribute('data-subscribed', String(row.subscribed));
    await expect(annotation).toHaveAttribute('data-active', String(row.active));
    await expect(annotation).toHaveAttribute('data-terminable', String(row.subscribed - row.active));
  }
  await expect(qa.annotations()).toHaveCount(CARD_ROWS.length);
  await expect(qa.summary()).toHaveCount(1);
  await expect(qa.summary()).toHaveAttribute('data-terminable-total', '1');
  await expect(qa.summary()).toHaveAttribute('data-sda-linked-total', '7');
  await expect(qa.summary()).toHaveAttribute('data-unknown-count', '0');
}

async function openDetails(
  variants: VariantName[],
  fixtures: {
    page: Page;
    portal: Portal;
    portalOrigin: string;
    credentials: { login: string; password: string };
  },
): Promise<ServicePage> {
  fixtures.portal.setVariants(variants);
  const service = await openServiceDirect(
    fixtures.page,
    fixtures.portalOrigin,
    fixtures.credentials,
    CARD_SERVICE.ref,
  );
  await service.showTab('Détails');
  return service;
}

test('@regression a stale copy of the block hidden by a stylesheet class is ignored: badges equal the visible rows', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  const service = await openDetails(['bloc-cache'], { page, portal, portalOrigin, credentials });
  // The variant is on: the stale copy (other numbers) is in the page, before the live block, unseen.
  const stale = service.panel('Détails').locator('.licences-cache');
  await expect(stale).toHaveCount(1);
  await expect(stale).toBeHidden();
  await expect(stale).toContainText('0 / 11');
  await expectBadgesEqualVisibleRows(service, qa);
  // Nothing of ours went into the stale copy.
  await expect(stale.locator('mla-licence, mla-sda-flag, mla-summary')).toHaveCount(0);
});

test('@regression a price column and references beside the counts: every count read exactly', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  const service = await openDetails(['prix'], { page, portal, portalOrigin, credentials });
  await expect(service.panel('Détails').getByRole('columnheader', { name: 'Prix mensuel' })).toBeVisible();
  await expect(service.licenceRow('Licence full')).toContainText('€');
  await expect(service.licenceCount('Licence full')).toContainText('MC-');
  await expectBadgesEqualVisibleRows(service, qa);
});

test('@regression a footnote mark glued to a count: that row is unknown, never read as one longer number', async ({
  page,
  portal,
  portalOrigin,
  credentials,
  qa,
}) => {
  const service = await openDetails(['renvoi'], { page, portal, portalOrigin, credentials });
  await expect(service.licenceCount('Licence full').locator('sup')).toHaveText('1');
  const full = qa.annotation('Licence full');
  await expect(full).toHaveAttribute('data-state', 'unknown');
  await expect(full).not.toHaveAttribute('data-terminable', /\d/);
  for (const row of CARD_ROWS.filter((other) => other.label !== 'Licence full'))
    await expect(qa.annotation(row.label)).toHaveAttribute('data-active', String(row.active));
  await expect(qa.summary()).toHaveAttribute('data-terminable-total', '0');
  await expect(qa.summary()).toHaveAttribute('data-unknown-count', '1');
});
