/**
 * The tour of the procedure card's journey, as data: what the user does (caption, action) and what
 * must then be true (expectation). `scripts/demo/tour.ts` plays it at a human pace for the demo;
 * `tests/e2e/demo-tour.spec.ts` plays the very same list fast and asserts every expectation, so the
 * tour cannot silently rot when the portal mock or the extension changes.
 *
 * Locators use what a user sees (roles, labels, French texts) and the extension's QA contract
 * (`mla-licence`, `mla-summary`, `mla-termination-guard`), never the mock's classes.
 */

import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

type Messages = Record<string, { message: string }>;
const messagesOf = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8'));
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
  /** Scales every pause and typing delay: 1 is human pace, 0.05 is a test's pace. */
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

/** The termination dialog, found by its title as the card shows it. */
const dialog = (page: Page) => page.getByRole('dialog').filter({ hasText: 'Résiliation licence full' });
const licence = (page: Page, label: string) => page.locator(`mla-licence[data-licence="${label}"]`);
const licenceBlock = (page: Page) =>
  page
    .locator('table, .panel, section, div')
    .filter({ has: page.locator('mla-licence') })
    .filter({ hasText: 'Nombre de licences' })
    .last();
/** The Détails row of a licence (the `tr` or block that holds its annotation). */
const licenceRow = (page: Page, label: string) =>
  page
    .locator('tr')
    .filter({ has: licence(page, label) })
    .first();

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
      await typeLikeAHuman(ctx, ctx.page.getByLabel('Identifiant'), ctx.credentials.login);
      await typeLikeAHuman(ctx, ctx.page.getByLabel('Mot de passe'), ctx.credentials.password);
      await ctx.page.getByLabel('Mot de passe').press('Enter');
    },
    async expectation({ page }) {
      await expect(
        page
          .getByRole('button', { name: /Mes Services/ })
          .or(page.getByRole('link', { name: /Mes Services/ })),
      ).toBeVisible();
    },
  },
  {
    id: 'mes-services',
    caption: 'J’ouvre le menu « Mes Services ».',
    async action({ page }) {
      await page
        .getByRole('button', { name: /Mes Services/ })
        .or(page.getByRole('link', { name: /Mes Services/ }))
        .click();
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
    caption: 'Je cherche mon client « Boulangerie Dupont » avec les filtres.',
    async action(ctx) {
      await typeLikeAHuman(ctx, ctx.page.getByLabel('Client', { exact: true }), 'Boulangerie Dupont');
      await ctx.pause(400);
      await ctx.page.getByRole('button', { name: 'Rechercher' }).click();
    },
    async expectation({ page }) {
      const row = page
        .getByRole('row')
        .filter({ hasText: 'Boulangerie Dupont' })
        .filter({ hasText: 'MetaCentrex' });
      await expect(row.first()).toBeVisible();
      await expect(row.first()).toContainText('Actif');
    },
    highlight: ({ page }) => page.getByRole('row').filter({ hasText: 'Boulangerie Dupont' }).first(),
  },
  {
    id: 'parametrer',
    caption: 'Je clique sur « Paramétrer > » du service MetaCentrex concerné.',
    async action({ page }) {
      const row = page
        .getByRole('row')
        .filter({ hasText: 'Boulangerie Dupont' })
        .filter({ hasText: 'MetaCentrex' });
      await row
        .first()
        .getByRole('link', { name: /Paramétrer/ })
        .click();
    },
    async expectation({ page }) {
      await expect(page.getByRole('tab', { name: 'Détails' })).toBeVisible();
    },
  },
  {
    id: 'details',
    caption:
      'J’ouvre l’onglet « Détails ». L’extension annote chaque licence : combien peuvent être résiliées maintenant.',
    async action({ page }) {
      await page.getByRole('tab', { name: 'Détails' }).click();
    },
    async expectation({ page }) {
      await expect(page.getByText('Nombre de licences').first()).toBeVisible();
      await expect(page.locator('mla-licence')).toHaveCount(8);
    },
  },
  {
    id: 'annotations',
    caption:
      'Résumé de l’extension : « Licence full » 1 / 2 → 1 résiliable ; « Licence full avancée » 0 / 0 → aucune souscrite.',
    async action({ page }) {
      await page.locator('mla-summary').scrollIntoViewIfNeeded();
    },
    async expectation({ page }) {
      await expect(page.locator('mla-summary')).toHaveAttribute('data-terminable-total', '1');
      await expect(licence(page, 'Licence full')).toHaveAttribute('data-state', 'terminable');
      await expect(licence(page, 'Licence full')).toHaveAttribute('data-terminable', '1');
      await expect(licence(page, 'Licence full avancée')).toHaveAttribute('data-state', 'none');
    },
    highlight: ({ page }) => licenceRow(page, 'Licence full'),
    screenshot: {
      name: 'details-annotated',
      crop: ({ page }) => [page.locator('mla-summary'), licenceBlock(page)],
    },
  },
  {
    id: 'sda-flag',
    caption:
      '« Licence simple » 1 / 1 : l’extension la signale liée à un numéro (SDA) — il faut d’abord dissocier le numéro.',
    async action({ page }) {
      await licence(page, 'Licence simple').hover();
    },
    async expectation({ page }) {
      await expect(licence(page, 'Licence simple')).toHaveAttribute('data-state', 'sda-linked');
      await expect(licence(page, 'Licence simple')).toHaveAttribute('data-terminable', '0');
    },
    highlight: ({ page }) => licenceRow(page, 'Licence simple'),
    screenshot: { name: 'sda-flag', crop: ({ page }) => licenceRow(page, 'Licence simple') },
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
      await licenceRow(page, 'Licence full')
        .getByRole('button', { name: /Résilier/ })
        .click();
    },
    async expectation({ page }) {
      await expect(dialog(page)).toBeVisible();
      await expect(page.locator('mla-termination-guard')).toHaveAttribute('data-max', '1');
    },
  },
  {
    id: 'guard-refuses-2',
    caption:
      'Je tape 2 dans « Quantité à résilier » : l’extension refuse — 1 seule licence full est résiliable.',
    async action(ctx) {
      await typeLikeAHuman(ctx, dialog(ctx.page).getByLabel('Quantité à résilier'), '2');
    },
    async expectation({ page }) {
      await expect(page.locator('mla-termination-guard')).toHaveAttribute('data-valid', 'false');
    },
    highlight: ({ page }) => page.locator('mla-termination-guard'),
    screenshot: {
      name: 'guard-refuses-2',
      crop: ({ page }) => dialog(page).locator('.modal-content, form').first(),
    },
  },
  {
    id: 'type-1',
    caption: 'Je corrige en 1 : l’extension accepte la quantité.',
    async action(ctx) {
      await typeLikeAHuman(ctx, dialog(ctx.page).getByLabel('Quantité à résilier'), '1');
    },
    async expectation({ page }) {
      await expect(page.locator('mla-termination-guard')).toHaveAttribute('data-valid', 'true');
    },
    highlight: ({ page }) => page.locator('mla-termination-guard'),
  },
  {
    id: 'confirm',
    caption: 'Je confirme. Le portail met la ligne à jour : « Licence full » 1 / 1, plus rien à résilier.',
    async action({ page }) {
      await dialog(page).getByRole('button', { name: 'Confirmer' }).click();
    },
    async expectation({ page }) {
      await expect(dialog(page)).toBeHidden();
      await expect(licenceRow(page, 'Licence full')).toContainText(/1\s*\/\s*1/);
      await expect(licence(page, 'Licence full')).toHaveAttribute('data-subscribed', '1');
      await expect(licence(page, 'Licence full')).toHaveAttribute('data-terminable', '0');
    },
    highlight: ({ page }) => licenceRow(page, 'Licence full'),
  },
];

/** The README's shots: the ones a step crops or that come from the popup. */
export const README_SCREENSHOTS = TOUR_STEPS.flatMap((step) =>
  step.screenshot ? [step.screenshot.name] : [],
);
