/**
 * The licence audit's tour (`npm run demo -- --tour audit`), as data like the card's (tour-steps.ts):
 * log in, Paramétrage / Monitoring, "Auditer les licences", confirm, the progress, the results table,
 * the CSV export. The portal's button makes the background open the audit in a tab of its own: from
 * then on the tour follows that tab (`ctx.page`), captions included.
 *
 * Chromium only (args.ts refuses Firefox): Firefox opens that tab outside the browser context the
 * demo drives and does not report downloads from extension pages.
 */
import { type Download, expect, type Page } from '@playwright/test';
import { AuditPage } from '../../tests/e2e/pages/audit';
import { TOUR_STEPS, type TourContext, type TourStep } from './tour-steps';

const audit = (page: Page) => new AuditPage(page);

/** The card tour's first steps are the audit's too: same login, same menu. */
const stepNamed = (id: string): TourStep => {
  const step = TOUR_STEPS.find((candidate) => candidate.id === id);
  if (!step) throw new Error(`étape « ${id} » absente de la visite de la fiche`);
  return step;
};

/** A whole audit of the demo's portal at 4 requests per second takes seconds, a large one minutes. */
const AUDIT_TIMEOUT_MS = 300_000;

/** The export's download, from the step that clicks to the step's expectation. */
const downloads = new WeakMap<TourContext, Promise<Download>>();

export const AUDIT_TOUR_STEPS: readonly TourStep[] = [
  stepNamed('login'),
  stepNamed('mes-services'),
  {
    ...stepNamed('monitoring'),
    caption:
      'Je choisis « Paramétrage / Monitoring » : la liste des services. L’extension ajoute, près des filtres, « Auditer les licences ».',
    async expectation(ctx) {
      await stepNamed('monitoring').expectation(ctx);
      await expect(ctx.page.getByRole('button', { name: 'Auditer les licences' })).toBeVisible();
    },
    highlight: ({ page }) => page.getByRole('button', { name: 'Auditer les licences' }),
  },
  {
    id: 'audit-open',
    caption:
      'Je clique sur « Auditer les licences » : l’audit s’ouvre dans un onglet, compte les services MetaCentrex et les requêtes, et demande confirmation.',
    async action(ctx) {
      const opened = ctx.page.context().waitForEvent('page');
      await ctx.page.getByRole('button', { name: 'Auditer les licences' }).click();
      const tab = await opened;
      await tab.waitForURL(/\/audit\.html\?/);
      ctx.page = tab;
    },
    async expectation({ page }) {
      await expect(audit(page).confirmText()).toContainText(/\d+ services MetaCentrex/);
      await expect(audit(page).startButton()).toBeVisible();
    },
    highlight: ({ page }) => audit(page).confirmText(),
  },
  {
    id: 'audit-start',
    caption:
      'Je lance l’audit. Lecture seule, au rythme choisi dans les options (4 requêtes par seconde au plus) : progression, temps restant, pause et annulation.',
    async action({ page }) {
      await audit(page).startButton().click();
    },
    async expectation({ page }) {
      // Running, or already done on a small portal: in both, the progress bar counts services.
      await expect(audit(page).root()).toHaveAttribute('data-state', /^(running|done)$/);
      await expect(page.locator('progress')).toBeVisible();
    },
    highlight: ({ page }) => page.locator('progress'),
  },
  {
    id: 'audit-results',
    caption:
      'Audit terminé : une ligne par service, les licences résiliables et celles tenues par un numéro (SDA), les totaux en haut ; tri par colonne et filtre.',
    async action({ page }) {
      await audit(page).waitForState('done', AUDIT_TIMEOUT_MS);
    },
    async expectation({ page }) {
      const root = audit(page).root();
      const total = await root.getAttribute('data-total');
      expect(Number(total)).toBeGreaterThan(0);
      await expect(root).toHaveAttribute('data-done', total ?? '');
      await expect(audit(page).services()).toHaveCount(Number(total));
      await expect(root).toHaveAttribute('data-error-count', '0');
      await expect(root).not.toHaveAttribute('data-terminable-total', '0');
    },
    highlight: ({ page }) => audit(page).root().locator('table.results'),
    screenshot: {
      name: 'audit-results',
      crop: ({ page }) => audit(page).root().locator('table.results'),
    },
  },
  {
    id: 'audit-export',
    caption:
      'J’exporte en CSV (Excel français : point-virgule, accents) : une ligne par service et par licence. Rien ne quitte le navigateur.',
    async action(ctx) {
      downloads.set(ctx, ctx.page.waitForEvent('download'));
      await audit(ctx.page).exportButton().click();
    },
    async expectation(ctx) {
      const download = await downloads.get(ctx);
      expect(download?.suggestedFilename()).toMatch(/\.csv$/);
    },
    highlight: ({ page }) => audit(page).exportButton(),
  },
];
