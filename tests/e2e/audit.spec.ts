/**
 * The account-wide audit on the mocked portal, in both browsers: the extension's audit page reads the
 * list, each service and its Détails content with the user's session (GET only), and shows the same
 * numbers as the mock's data.
 */
import type { Page } from '@playwright/test';
import type { Portal } from '../../mocks/portal';
import { DEFAULT_SETTINGS, expect, test } from './fixtures';
import { AuditPage } from './pages/audit';
import { LoginPage } from './pages/portal';

async function logIn(page: Page, origin: string, credentials: { login: string; password: string }) {
  const login = new LoginPage(page);
  await page.goto(`${origin}/login?next=${encodeURIComponent('/services')}`);
  await login.logIn(credentials);
}

/** What the Détails tab of each MetaCentrex service shows, from the mock's own data. */
function expected(portal: Portal, filter: { client?: string } = {}) {
  return portal.store.listServices({ type: 'MetaCentrex', ...filter }, 1, 100_000).items.map((service) => ({
    ref: service.ref,
    licences: portal.store.licenceCounts(service.ref).map((row) => ({
      label: row.type.label,
      subscribed: row.subscribed,
      active: row.active,
      terminable: row.subscribed - row.active,
    })),
  }));
}

/** Opens the audit page for a list address, reading through the portal tab `portal` (as the button does). */
async function openAudit(
  extension: { openPage(path: string): Promise<Page>; tabIdOf(url: string): Promise<number | null> },
  portal: Page,
  listUrl: string,
) {
  const tab = await extension.tabIdOf(portal.url());
  const page = await extension.openPage(`audit.html?list=${encodeURIComponent(listUrl)}&tab=${tab}`);
  return new AuditPage(page);
}

test.describe('audit', () => {
  test.use({ scenario: 'mixte' });
  // The assertions read the French texts: Firefox's UI here is English.
  test.beforeEach(async ({ extension }) => {
    await extension.setSettings({ ...DEFAULT_SETTINGS, language: 'fr' });
  });

  test('@regression mixte: every MetaCentrex service, every number as the mock has it, GET only', async ({
    page,
    portal,
    portalOrigin,
    credentials,
    extension,
    context,
  }) => {
    await logIn(page, portalOrigin, credentials);
    const methods: string[] = [];
    context.on('request', (request) => {
      if (request.url().startsWith(portalOrigin)) methods.push(request.method());
    });
    const audit = await openAudit(extension, page, `${portalOrigin}/services?type=MetaCentrex`);
    await audit.start();
    await audit.waitForState('done');
    const want = expected(portal);
    await expect(audit.services()).toHaveCount(want.length);
    let terminable = 0;
    let linked = 0;
    for (const service of want) {
      const row = audit.service(service.ref);
      await expect(row).toHaveAttribute('data-status', 'ok');
      for (const licence of service.licences) {
        const cell = audit.licence(service.ref, licence.label);
        await expect(cell).toHaveAttribute('data-subscribed', String(licence.subscribed));
        await expect(cell).toHaveAttribute('data-active', String(licence.active));
        await expect(cell).toHaveAttribute('data-terminable', String(licence.terminable));
        terminable += licence.terminable;
        linked += licence.active;
      }
    }
    await expect(audit.root()).toHaveAttribute('data-terminable-total', String(terminable));
    await expect(audit.root()).toHaveAttribute('data-sda-linked-total', String(linked));
    await expect(audit.root()).toHaveAttribute('data-done', String(want.length));
    expect(methods.length).toBeGreaterThan(want.length * 2);
    expect(methods.filter((method) => method !== 'GET')).toEqual([]);
  });
});
