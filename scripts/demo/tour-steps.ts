/**
 * The tour of the procedure card's journey, as data: what the user does (caption, action) and what
 * must then be true (expectation). `scripts/demo/tour.ts` plays it at a human pace for the demo;
 * `tests/e2e/demo-tour.spec.ts` plays the very same list fast and asserts every expectation, so the
 * tour cannot silently rot when the portal mock or the extension changes.
 *
 * Locators come from the regression kit's page objects: what a user sees (roles, labels, French
 * texts) and the extension's QA contract (`mla-licence`, `mla-summary`, `mla-termination-guard`…),
 * never the mock's classes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { CARD_SERVICE } from '../../mocks/data/scenarios';
import { ExtensionContract } from '../../tests/e2e/pages/extension-contract';
import { LoginPage, ServicePage, ServicesPage, TerminationDialog } from '../../tests/e2e/pages/portal';

type Messages = Record<string, { message: string }>;
// A path, not `new URL(…, import.meta.url)`: Vite (the unit tests) would take that for an asset import.
const messagesOf = (locale: string): Messages =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8'),
  );
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * The popup's text for a recognised page, from the extension's own messages: French, or English
 * where the browser's UI language is English (Debian's Firefox ESR ships en-US only).
 */
const POPUP_RECOGNISED = new RegExp(
  `^(${['fr', 'en'].map((locale) => escapeRegExp(messagesOf(locale).popupRecognised?.message ?? 'popupRecognised?')).join('|')})$`,
);

export interface TourContext {
  page: Page;
  /** The mocked portal's origin, e.g. `http://localhost:4173`. */
  portalUrl: string;
  credentials: { login: string; password: string };
  /** Scales every pause and typing delay: 1 is human pace, 0 is a test's pace. */
  pace: number;
  /** Waits `ms × pace`: lets a watcher read what just happened. */
  pause(ms: number): Promise<void>;
  /** Opens the extension's popup in its own page (browser-specific; see tour.ts) and keeps it in `popup`. */
  openPopup(): Promise<Page>;
  popup: Page | null;
}

export interface TourScreenshot {
  /** File name without extension; README shots keep the same names in docs/screenshots/. */
  name: string;
  /** What to crop to for the README copy, one element or the area spanning several (the whole viewport is always kept too). */
  crop?: (ctx: TourContext) => Locator | Locator[];
  /** The page to shoot, when not the portal's (the popup). */
  page?: (ctx: TourContext) => Page;
}

export interface TourStep {
  id: string;
  /** On screen during the step: what the user does, then what the extension shows. Plain text. */
  caption: string;
  action(ctx: TourContext): Promise<void>;
  /** Throws (Playwright `expect`) when the journey or the extension did not do what the caption says. */
  expectation(ctx: TourContext): Promise<void>;
  /** Outlined on screen once the expectation holds, to draw the eye. */
  highlight?: (ctx: TourContext) => Locator;
  screenshot?: TourScreenshot;
}

// The regression kit's page objects (tests/e2e/pages): the portal by its French labels, the
// extension by its QA contract. The tour and the suite find things the same way.
const service = (page: Page) => new ServicePage(page);
const services = (page: Page) => new ServicesPage(page);
const qa = (page: Page) => new ExtensionContract(page);
const dialog = (page: Page) => new TerminationDialog(page, 'Licence full');

async function typeLikeAHuman(ctx: TourContext, field: Locator, text: string) {
  await field.fill('');
  await field.pressSequentially(text, { delay: Math.round(90 * ctx.pace) });
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'login',
    caption: 'Je me connecte à MyOpenIP avec l’identifiant de démonstration, puis Entrée.',
    async action(ctx) {
      await ctx.page.goto(`${ctx.portalUrl}/`);
      await expect(new LoginPage(ctx.page).heading()).toBeVisible();
      await typeLikeAHuman(ctx, ctx.page.getByLabel('Identifiant'), ctx.credentials.login);
      await typeLikeAHuman(ctx, ctx.page.getByLabel('Mot de passe'), ctx.credentials.password);
      await ctx.page.getByLabel('Mot de passe').press('Enter');
    },
    async expectation({ page }) {
      await expect(page.getByRole('button', { name: 'Mes Services' })).toBeVisible();
    },
  },
  {
    id: 'mes-services',
    caption: 'J’ouvre le menu « Mes Services ».',
    async action({ page }) {
      await page.getByRole('button', { name: 'Mes Services' }).click();
    },
    async expectation({ page }) {
      await expect(page.getByRole('link', { name: 'Paramétrage / Monitoring' })).toBeVisible();
    },
  },
  {
    id: 'monitoring',
    caption: 'Je choisis « Paramétrage / Monitoring » : la liste des services et ses filtres.',
    async action({ page }) {
      await page.getByRole('link', { name: 'Paramétrage / Monitoring' }).click();
    },
    async expectation({ page }) {
      await expect(page.getByRole('heading', { name: 'Paramétrage / Monitoring' })).toBeVisible();
      await expect(page.getByRole('columnheader', { name: 'Réf. du service' })).toBeVisible();
    },
  },
  {
    id: 'filter',
    caption: `Je cherche mon client « ${CARD_SERVICE.client} » avec les filtres.`,
    async action(ctx) {
      await typeLikeAHuman(ctx, ctx.page.getByLabel('Client', { exact: true }), CARD_SERVICE.client);
      await ctx.pause(400);
      await ctx.page.getByRole('button', { name: 'Rechercher' }).click();
    },
    async expectation({ page }) {
      const row = services(page).row(CARD_SERVICE.ref);
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(CARD_SERVICE.client);
      await expect(row).toContainText('MetaCentrex');
      await expect(row).toContainText('Actif');
    },
    highlight: ({ page }) => services(page).row(CARD_SERVICE.ref),
  },
  {
    id: 'parametrer',
    caption: 'Je clique sur « Paramétrer > » du service MetaCentrex concerné.',
    async action({ page }) {
      await services(page).row(CARD_SERVICE.ref).getByRole('link', { name: 'Paramétrer >' }).click();
    },
    async expectation({ page }) {
      await expect(service(page).tab('Détails')).toBeVisible();
    },
  },
  {
    id: 'details',
    caption:
      'J’ouvre l’onglet « Détails ». L’extension annote chaque licence : combien peuvent être résiliées maintenant.',
    async action({ page }) {
      await service(page).tab('Détails').click();
    },
    async expectation({ page }) {
      await expect(service(page).panel('Détails').getByText('Nombre de licences')).toBeVisible();
      await expect(qa(page).annotations()).toHaveCount(8);
    },
  },
  {
    id: 'annotations',
    caption:
      'Résumé de l’extension : « Licence full » 1 / 2 → 1 résiliable ; « Licence full avancée » 0 / 0 → aucune souscrite.',
    async action({ page }) {
      await qa(page).summary().scrollIntoViewIfNeeded();
    },
    async expectation({ page }) {
      await expect(qa(page).summary()).toHaveAttribute('data-terminable-total', '1');
      await expect(qa(page).annotation('Licence full')).toHaveAttribute('data-state', 'terminable');
      await expect(qa(page).annotation('Licence full')).toHaveAttribute('data-terminable', '1');
      await expect(qa(page).annotation('Licence full avancée')).toHaveAttribute('data-state', 'none');
    },
    highlight: ({ page }) => service(page).licenceRow('Licence full'),
    screenshot: {
      name: 'details-annotated',
      crop: ({ page }) => [
        qa(page).summary(),
        service(page).licenceRow('Licence simple').locator('xpath=ancestor::table[1]/..'),
      ],
    },
  },
  {
    id: 'sda-flag',
    caption:
      '« Licence simple » 1 / 1 : non résiliable, un numéro (SDA) la détient. « Pourquoi ? » dit quoi faire : dissocier d’abord le numéro.',
    async action({ page }) {
      await qa(page).sdaFlag('Licence simple').getByRole('button', { expanded: false }).click();
    },
    async expectation({ page }) {
      await expect(qa(page).annotation('Licence simple')).toHaveAttribute('data-state', 'sda-linked');
      await expect(qa(page).annotation('Licence simple')).toHaveAttribute('data-terminable', '0');
      // Language-independent (the browser's language decides the extension's): the disclosure is open
      // and the details it controls are shown.
      const flag = qa(page).sdaFlag('Licence simple');
      const toggle = flag.getByRole('button', { expanded: true });
      await expect(toggle).toBeVisible();
      await expect(flag.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`)).toBeVisible();
    },
    highlight: ({ page }) => service(page).licenceRow('Licence simple'),
    screenshot: { name: 'sda-flag', crop: ({ page }) => service(page).licenceRow('Licence simple') },
  },
  {
    id: 'popup',
    caption: 'La fenêtre de l’extension (icône de la barre d’outils) résume les licences de la page.',
    async action(ctx) {
      await ctx.openPopup();
    },
    async expectation(ctx) {
      const popup = ctx.popup!;
      await expect(popup.getByRole('status')).toHaveText(POPUP_RECOGNISED);
      await expect(popup.getByRole('row').filter({ hasText: 'Licence full avancée' })).toContainText('0 / 0');
    },
    screenshot: {
      name: 'popup',
      page: (ctx) => ctx.popup ?? ctx.page,
      crop: (ctx) => ctx.popup!.locator('main'),
    },
  },
  {
    id: 'open-dialog',
    caption: 'Je clique sur l’icône de résiliation de « Licence full » : la fenêtre de résiliation s’ouvre.',
    async action({ page }) {
      await service(page).terminateButton('Licence full').click();
    },
    async expectation({ page }) {
      await expect(dialog(page).quantity).toBeVisible();
      await expect(qa(page).guard()).toHaveAttribute('data-max', '1');
    },
  },
  {
    id: 'guard-refuses-2',
    caption:
      'Je tape 2 dans « Quantité à résilier » : l’extension refuse — 1 seule licence full est résiliable.',
    async action(ctx) {
      await typeLikeAHuman(ctx, dialog(ctx.page).quantity, '2');
    },
    async expectation({ page }) {
      await expect(qa(page).guard()).toHaveAttribute('data-valid', 'false');
    },
    highlight: ({ page }) => qa(page).guard(),
    screenshot: { name: 'guard-refuses-2', crop: ({ page }) => dialog(page).root.getByRole('document') },
  },
  {
    id: 'type-1',
    caption: 'Je corrige en 1 : l’extension accepte la quantité.',
    async action(ctx) {
      await typeLikeAHuman(ctx, dialog(ctx.page).quantity, '1');
    },
    async expectation({ page }) {
      await expect(qa(page).guard()).toHaveAttribute('data-valid', 'true');
    },
    highlight: ({ page }) => qa(page).guard(),
  },
  {
    id: 'confirm',
    caption: 'Je confirme. Le portail met la ligne à jour : « Licence full » 1 / 1, plus rien à résilier.',
    async action({ page }) {
      await dialog(page).confirm.click();
    },
    async expectation({ page }) {
      await expect(dialog(page).root).toBeHidden();
      await expect(service(page).licenceCount('Licence full')).toHaveText(/^\s*1\s*\/\s*1\s*$/);
      await expect(qa(page).annotation('Licence full')).toHaveAttribute('data-subscribed', '1');
      await expect(qa(page).annotation('Licence full')).toHaveAttribute('data-terminable', '0');
    },
    highlight: ({ page }) => service(page).licenceRow('Licence full'),
  },
];

/** The card tour's README shots: the ones a step crops or that come from the popup. */
export const README_SCREENSHOTS = TOUR_STEPS.flatMap((step) =>
  step.screenshot ? [step.screenshot.name] : [],
);
