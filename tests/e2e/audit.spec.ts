/**
 * The account-wide audit on the mocked portal, in both browsers: the extension's audit page reads the
 * list, each service and its Détails content with the user's session (GET only), and shows the same
 * numbers as the mock's data.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { Portal } from '../../mocks/portal';
import { DEFAULT_SETTINGS, type ExtensionHandle, expect, test } from './fixtures';
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

/**
 * Audits live in the extension's storage, which outlives a test's context: each test starts with
 * none (and the French texts the assertions read; Firefox's UI here is English).
 */
async function freshAudit(extension: ExtensionHandle) {
  await extension.setSettings({ ...DEFAULT_SETTINGS, language: 'fr' });
  const page = await extension.openPage('options.html');
  await page.evaluate(async () => {
    type Local = { get(): Promise<Record<string, unknown>>; remove(keys: string[]): Promise<void> };
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    const keys = Object.keys(await local.get()).filter((key) => key.startsWith('mla.audit'));
    await local.remove(keys);
  });
  await extension.closePage(page);
}

/**
 * The audit tab the portal's button made the background open. Chromium opens it in the test's
 * context; Firefox opens it outside the test's user context, where Playwright cannot drive it: there
 * it is closed and the same address opened in the test's context.
 */
async function auditOpenedByButton(extension: ExtensionHandle, context: BrowserContext): Promise<AuditPage> {
  const helper = await extension.openPage('options.html');
  const found = await helper.evaluate(async () => {
    type Tabs = {
      query(query: object): Promise<{ id?: number; url?: string }[]>;
      remove(id: number): Promise<void>;
    };
    const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
    for (let waited = 0; waited < 10_000; waited += 100) {
      const tab = (await tabs.query({})).find((candidate) => candidate.url?.includes('/audit.html?from='));
      if (tab?.url) return { id: tab.id ?? -1, url: tab.url };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return null;
  });
  expect(found, 'the button opened the audit page').not.toBeNull();
  const address = found?.url ?? '';
  const inContext = context.pages().find((candidate) => candidate.url() === address);
  if (inContext) {
    await extension.closePage(helper);
    return new AuditPage(inContext);
  }
  await helper.evaluate(async (id) => {
    type Tabs = { remove(id: number): Promise<void> };
    await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.remove(id);
  }, found?.id ?? -1);
  await extension.closePage(helper);
  return new AuditPage(await extension.openPage(address.slice(address.indexOf('audit.html'))));
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
  test.beforeEach(async ({ extension }) => {
    await freshAudit(extension);
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

  test('@regression a service sent in windows-1252 (its page says so in a <meta>, its Détails in the header) reads as every other', async ({
    page,
    portal,
    portalOrigin,
    credentials,
    extension,
  }) => {
    await logIn(page, portalOrigin, credentials);
    portal.setFaults({ serviceWindows1252: 'MC-000202' });
    const audit = await openAudit(extension, page, `${portalOrigin}/services?type=MetaCentrex`);
    await audit.start();
    await audit.waitForState('done');
    const service = expected(portal).find(({ ref }) => ref === 'MC-000202');
    expect(service?.licences.length).toBeGreaterThan(0);
    await expect(audit.service('MC-000202')).toHaveAttribute('data-status', 'ok');
    for (const licence of service?.licences ?? []) {
      const cell = audit.licence('MC-000202', licence.label);
      await expect(cell).toHaveAttribute('data-subscribed', String(licence.subscribed));
      await expect(cell).toHaveAttribute('data-terminable', String(licence.terminable));
    }
    await expect(audit.root()).toHaveAttribute('data-error-count', '0');
  });

  test('@regression reads through any page of the portal: a tab where no assistant nor button was injected (the home page) serves the audit', async ({
    page,
    portal,
    portalOrigin,
    credentials,
    extension,
  }) => {
    await logIn(page, portalOrigin, credentials);
    await page.goto(`${portalOrigin}/`);
    await expect(page.getByRole('heading', { name: 'Bienvenue sur MyOpenIP' })).toBeVisible();
    // Only the detector runs there: neither the list's button nor the Détails tab's assistant.
    await expect(page.locator('mla-audit-start, mla-licence, mla-summary')).toHaveCount(0);
    const audit = await openAudit(extension, page, `${portalOrigin}/services?type=MetaCentrex`);
    await audit.start();
    await audit.waitForState('done');
    const want = expected(portal);
    await expect(audit.root()).toHaveAttribute('data-done', String(want.length));
    await expect(audit.root().locator('[data-service-ref][data-status="ok"]')).toHaveCount(want.length);
    await expect(page).toHaveURL(`${portalOrigin}/`);
  });

  test('@regression its portal tab closed: the audit pauses and says to open the portal; with a portal tab open again, resume finishes it', async ({
    page,
    portal,
    portalOrigin,
    credentials,
    extension,
    context,
  }) => {
    await logIn(page, portalOrigin, credentials);
    const audit = await openAudit(extension, page, `${portalOrigin}/services?type=MetaCentrex`);
    await expect(audit.confirmText()).toBeVisible();
    await page.close();
    await audit.startButton().click();
    await audit.waitForState('paused');
    await expect(audit.page.getByRole('alert')).toHaveText(/Aucun onglet du portail ouvert/);
    const another = await context.newPage();
    await another.goto(`${portalOrigin}/`);
    await expect(another.getByRole('heading', { name: 'Bienvenue sur MyOpenIP' })).toBeVisible();
    await audit.resumeButton().click();
    await audit.waitForState('done');
    await expect(audit.root()).toHaveAttribute('data-done', String(expected(portal).length));
    await expect(audit.root()).toHaveAttribute('data-error-count', '0');
  });
});

/** Parses the exported CSV (BOM, `;`, CRLF, quoted cells) into rows of cells. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}

test.describe('audit, started from the portal', () => {
  test.use({ scenario: 'carte' });
  test.beforeEach(async ({ extension }) => {
    await freshAudit(extension);
  });

  test('@regression carte: "Auditer les licences" on Paramétrage / Monitoring opens the audit, which says how many services and requests before it starts; the CSV matches the table cell by cell', async ({
    page,
    portal,
    portalOrigin,
    credentials,
    context,
    extension,
  }) => {
    await logIn(page, portalOrigin, credentials);
    await expect(page.getByRole('heading', { name: 'Paramétrage / Monitoring' })).toBeVisible();
    await page.getByRole('button', { name: 'Auditer les licences' }).click();
    const audit = await auditOpenedByButton(extension, context);
    const want = expected(portal);
    await expect(audit.confirmText()).toContainText(`${want.length} services MetaCentrex`);
    await expect(audit.confirmText()).toContainText(`environ ${want.length * 2 + 1} requêtes`);
    await audit.start();
    await audit.waitForState('done');
    for (const service of want)
      for (const licence of service.licences)
        await expect(audit.licence(service.ref, licence.label)).toHaveAttribute(
          'data-terminable',
          String(licence.terminable),
        );

    // The file's content, as the page hands it to the browser (Firefox's downloads from an extension
    // page are not reported to Playwright's BiDi driver); in Chromium, the downloaded file too.
    await audit.page.evaluate(() => {
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (object: Blob | MediaSource) => {
        (globalThis as unknown as { exported?: Blob }).exported = object as Blob;
        return create(object);
      };
    });
    const downloading = test.info().project.name === 'chromium' ? audit.page.waitForEvent('download') : null;
    await audit.exportButton().click();
    const text = await audit.page.evaluate(async () => {
      const blob = (globalThis as unknown as { exported?: Blob }).exported;
      // The BOM is kept: read the bytes, not text() (which would drop it).
      return blob ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer()) : '';
    });
    if (downloading) {
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^audit-licences-\d{4}-\d{2}-\d{2}\.csv$/);
      const chunks = await (await download.createReadStream()).toArray();
      expect(Buffer.concat(chunks).toString('utf8')).toBe(text);
    }
    const csv = parseCsv(text);
    expect(csv[0]).toEqual([
      'Réf. du service',
      'Nom du service',
      'Client',
      'Compte client',
      'Site',
      'Licence',
      'Souscrite',
      'Active',
      'Résiliable',
      'Statut',
      'Raison',
    ]);
    // Every line against the table: the service's cells, and the licence's cell (résiliable / active / souscrite).
    const lines = csv.slice(1);
    expect(lines).toHaveLength(want.reduce((sum, service) => sum + service.licences.length, 0));
    for (const [ref, name, client, account, site, licence, subscribed, active, terminable, status] of lines) {
      const row = audit.service(ref ?? '');
      await expect(row.locator('th, td').nth(1)).toHaveText(name ?? '');
      await expect(row.locator('th, td').nth(2)).toHaveText(client ?? '');
      await expect(row.locator('th, td').nth(3)).toHaveText(account ?? '');
      await expect(row.locator('th, td').nth(4)).toHaveText(site ?? '');
      const cell = audit.licence(ref ?? '', licence ?? '');
      await expect(cell).toHaveText(`${terminable} / ${active} / ${subscribed}`);
      expect(status).toBe('ok');
    }
  });

  test('@regression from the popup on the services list: "Auditer les licences de la liste" opens the audit of that list, which reads to the end', async ({
    page,
    portal,
    portalOrigin,
    credentials,
    context,
    extension,
  }) => {
    await logIn(page, portalOrigin, credentials);
    await expect(page.getByRole('heading', { name: 'Paramétrage / Monitoring' })).toBeVisible();
    const popup = await extension.openPage(`popup.html?tabId=${await extension.tabIdOf(page.url())}`);
    // The popup closes itself once the audit tab is open; an extension page closing itself hangs
    // Firefox's BiDi teardown (pages are closed through about:blank here): the test closes it.
    await popup.evaluate(() => {
      window.close = () => undefined;
    });
    await popup.getByRole('button', { name: 'Auditer les licences de la liste' }).click();
    const audit = await auditOpenedByButton(extension, context);
    await extension.closePage(popup);
    await audit.start();
    await audit.waitForState('done');
    await expect(audit.root()).toHaveAttribute('data-done', String(expected(portal).length));
    await expect(audit.root()).toHaveAttribute('data-error-count', '0');
  });

  test('@regression faults: latency, a 500 on one service (row erreur, retry works), a dropped connection, malformed Détails (row non reconnu with the reason)', async ({
    page,
    portal,
    portalOrigin,
    credentials,
    extension,
  }) => {
    test.setTimeout(120_000);
    portal.setScenario('mixte');
    await logIn(page, portalOrigin, credentials);
    portal.setFaults({ latencyMs: 50, serviceError: 'MC-000202', serviceDrop: 'MC-000204' });
    const audit = await openAudit(extension, page, `${portalOrigin}/services?type=MetaCentrex`);
    await audit.start();
    await audit.waitForState('done', 90_000);
    await expect(audit.service('MC-000202')).toHaveAttribute('data-status', 'error');
    await expect(audit.service('MC-000202')).toContainText('erreur du portail');
    await expect(audit.service('MC-000204')).toHaveAttribute('data-status', 'error');
    await expect(audit.service('MC-000204')).toContainText('connexion perdue');
    await expect(audit.service('MC-000123')).toHaveAttribute('data-status', 'ok');
    await expect(audit.root()).toHaveAttribute('data-error-count', '2');

    portal.setFaults({ serviceError: '', serviceDrop: '', malformedDetails: true });
    await audit.service('MC-000202').getByRole('button', { name: 'Réessayer' }).click();
    await expect(audit.service('MC-000202')).toHaveAttribute('data-status', 'unknown');
    await expect(audit.service('MC-000202')).toContainText('non reconnu');
    await expect(audit.root()).toHaveAttribute('data-state', 'done');
    portal.setFaults({ malformedDetails: false });
    await audit.service('MC-000204').getByRole('button', { name: 'Réessayer' }).click();
    await expect(audit.service('MC-000204')).toHaveAttribute('data-status', 'ok');
    await expect(audit.licence('MC-000204', 'Licence full')).toHaveAttribute('data-terminable', '3');
    await expect(audit.root()).toHaveAttribute('data-error-count', '0');
  });
});

test.describe('audit of a grand-compte slice', () => {
  test.use({ scenario: 'grand-compte' });
  test.beforeEach(async ({ extension }) => {
    await freshAudit(extension);
  });

  test('@regression the pace is the options’ setting: chosen in the options, the audit page uses it; changed on the audit page, the options show it', async ({
    page,
    portalOrigin,
    credentials,
    extension,
  }) => {
    const options = await extension.openPage('options.html');
    const optionsPace = options.getByLabel('Rythme de l’audit des licences');
    await expect(optionsPace).toHaveValue('4');
    await optionsPace.selectOption('1');
    await expect(options.getByRole('status')).toHaveText(/^Enregistré/);
    await extension.closePage(options);

    await logIn(page, portalOrigin, credentials);
    const audit = await openAudit(extension, page, `${portalOrigin}/services?type=MetaCentrex`);
    await expect(audit.confirmText()).toBeVisible();
    const auditPace = audit.page.getByLabel('Rythme de l’audit');
    await expect(auditPace).toHaveValue('1');
    await auditPace.selectOption({ label: 'sans limite' });

    const reopened = await extension.openPage('options.html');
    await expect(reopened.getByLabel('Rythme de l’audit des licences')).toHaveValue('0');
    await extension.closePage(reopened);
  });

  test('@regression the "Cabinet" clients (175 services, 7 list pages), pace off: each service once, numbers as the mock has them', async ({
    page,
    portal,
    portalOrigin,
    credentials,
    extension,
  }) => {
    test.setTimeout(180_000);
    await logIn(page, portalOrigin, credentials);
    const audit = await openAudit(
      extension,
      page,
      `${portalOrigin}/services?type=MetaCentrex&client=Cabinet`,
    );
    await expect(audit.confirmText()).toBeVisible();
    await audit.page.getByLabel('Rythme de l’audit').selectOption({ label: 'sans limite' });
    await audit.start();
    await audit.waitForState('done', 150_000);
    const want = expected(portal, { client: 'Cabinet' });
    await expect(audit.services()).toHaveCount(want.length);
    const shown = await audit.services().evaluateAll((rows) =>
      rows.map((row) => ({
        ref: row.getAttribute('data-service-ref'),
        licences: Array.from(row.querySelectorAll('[data-licence]'), (cell) => ({
          label: cell.getAttribute('data-licence'),
          subscribed: Number(cell.getAttribute('data-subscribed')),
          active: Number(cell.getAttribute('data-active')),
          terminable: Number(cell.getAttribute('data-terminable')),
        })),
      })),
    );
    const byRef = (list: { ref: string | null }[]) =>
      [...list].sort((a, b) => String(a.ref).localeCompare(String(b.ref)));
    expect(byRef(shown)).toEqual(byRef(want));
  });

  test('@regression session expiring mid-way: pause with the message, log in, resume: no service twice, none missing', async ({
    page,
    portal,
    portalOrigin,
    credentials,
    extension,
  }) => {
    test.setTimeout(120_000);
    await logIn(page, portalOrigin, credentials);
    portal.setFaults({ latencyMs: 100 });
    const audit = await openAudit(
      extension,
      page,
      `${portalOrigin}/services?type=MetaCentrex&client=Garage%20Martin`,
    );
    await audit.start();
    await expect(audit.root()).not.toHaveAttribute('data-done', /^[0-2]$/, { timeout: 30_000 });
    portal.setFaults({ sessionExpired: true });
    await audit.waitForState('paused');
    await expect(audit.page.getByRole('alert')).toHaveText(
      /Session expirée\s:\sreconnectez-vous puis reprenez\./,
    );
    const doneBefore = Number(await audit.root().getAttribute('data-done'));
    await logIn(page, portalOrigin, credentials);
    await audit.resumeButton().click();
    await audit.waitForState('done', 60_000);
    const want = expected(portal, { client: 'Garage Martin' });
    expect(doneBefore).toBeLessThan(want.length);
    await expect(audit.services()).toHaveCount(want.length);
    const refs = await audit
      .services()
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-service-ref')));
    expect([...refs].sort()).toEqual(want.map((service) => service.ref).sort());
    await expect(audit.root()).toHaveAttribute('data-error-count', '0');
  });

  test('@regression cancel stops the audit and keeps what was read', async ({
    page,
    portalOrigin,
    credentials,
    extension,
  }) => {
    await logIn(page, portalOrigin, credentials);
    const audit = await openAudit(
      extension,
      page,
      `${portalOrigin}/services?type=MetaCentrex&client=Cabinet`,
    );
    await audit.start();
    await expect(audit.root()).not.toHaveAttribute('data-done', '0', { timeout: 30_000 });
    await audit.cancelButton().click();
    await audit.waitForState('cancelled');
    const done = await audit.root().getAttribute('data-done');
    const requests = await audit.page.getByText(/\d+ requêtes/).textContent();
    await audit.page.waitForTimeout(1500); // nothing may move after a cancel (checked below)
    await expect(audit.root()).toHaveAttribute('data-done', done ?? '');
    await expect(audit.page.getByText(/\d+ requêtes/)).toHaveText(requests ?? '');
    await expect(audit.resumeButton()).toHaveCount(0);
  });
});
