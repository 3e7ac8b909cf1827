import { expect, type Locator, type Page, test } from '@playwright/test';
import type { LiveTarget } from './live-target';

/** What the journey needs of the target (the guard alone uses its read paths). */
type JourneyTarget = Omit<LiveTarget, 'readPaths'>;

import { pastGuardRedirects, type WriteGuard } from './write-guard';

/** What the read-only check saw (no secret in it: safe to print and attach). */
export interface LiveReport {
  licences: { label: string; state: string }[];
  dialogChecked: string | null;
}

/**
 * Types a secret without it showing up anywhere: `fill(value)` would put the value in the step title
 * of reports and in Playwright's logs; an evaluation's arguments are not recorded.
 */
async function typeSecretly(field: Locator, value: string): Promise<void> {
  await field.evaluate((element, secret) => {
    const input = element as HTMLInputElement;
    input.value = secret;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

async function logIn(page: Page, target: JourneyTarget, guard: WriteGuard): Promise<void> {
  const login = page.locator('#login');
  const password = page.locator('#password');
  await typeSecretly(login, target.login);
  await typeSecretly(password, target.password);
  // The form's own URL, as the browser resolves it (its action, or the page itself without one), and
  // its body as Enter will send it (implicit submission: the default button is the submitter), for a
  // driver whose routes do not see bodies. Only a urlencoded form has a body the guard can send as is.
  const form = await password.evaluate((element) => {
    const owner = (element as HTMLInputElement).form;
    if (!owner) return null;
    const submitter = owner.querySelector<HTMLElement>(
      'button:not([type]), button[type="submit"], input[type="submit"], input[type="image"]',
    );
    const plain =
      owner.method.toLowerCase() === 'post' &&
      owner.enctype === 'application/x-www-form-urlencoded' &&
      !(submitter instanceof HTMLInputElement && submitter.type === 'image');
    let entries: [string, FormDataEntryValue][] | null = null;
    try {
      if (plain) entries = Array.from(new FormData(owner, submitter).entries());
    } catch {
      // A submitter that is not this form's: no body; the browser sends the POST itself.
    }
    const body =
      entries?.every(([, value]) => typeof value === 'string') === true
        ? new URLSearchParams(entries as [string, string][]).toString()
        : null;
    return { action: owner.action, body };
  });
  expect(form, 'the password field belongs to a form').not.toBeNull();
  guard.allowNextLoginPost(form!.action, form!.body === null ? undefined : { body: form!.body });
  try {
    await password.press('Enter');
    await expect(password, 'the login form is left (identifier and password accepted)').toHaveCount(0, {
      timeout: 20_000,
    });
    await pastGuardRedirects(page);
  } finally {
    guard.disarmLogin();
  }
}

/** Each `<mla-licence>` must sit in one row of the "Nombre de licences" block, and every such row has one. */
async function licenceRowsWithoutAnnotation(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('tr')].filter((row) => {
      const text = (row.textContent ?? '').replace(/\s+/g, ' ').trim();
      return /^Licence\b/i.test(text) && /\d+\s*\/\s*\d+/.test(text);
    });
    return rows
      .filter((row) => row.querySelectorAll('mla-licence').length !== 1)
      .map((row) => (row.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60));
  });
}

/**
 * The live read-only check: log in, open the service's Détails tab and one termination dialog, check
 * the extension recognises both and annotates every licence row, then cancel. Nothing is confirmed;
 * the write guard (deny by default) stops anything that is not one of these reads anyway.
 */
export async function runLiveReadOnlyCheck(
  page: Page,
  target: JourneyTarget,
  guard: WriteGuard,
): Promise<LiveReport> {
  await test.step('log in', async () => {
    await page.goto(target.url);
    await pastGuardRedirects(page);
    if ((await page.locator('#password').count()) > 0) await logIn(page, target, guard);
  });

  await test.step('Mes Services → Paramétrage / Monitoring → the service', async () => {
    await page.getByText('Mes Services', { exact: true }).first().click();
    await page.getByRole('link', { name: 'Paramétrage / Monitoring' }).first().click();
    const serviceRow = page.getByRole('row').filter({ hasText: target.serviceRef });
    const search = page
      .getByLabel(/référence|service/i)
      .and(page.getByRole('textbox'))
      .first();
    if ((await search.count()) > 0) {
      await search.fill(target.serviceRef);
      await search.press('Enter');
    }
    await expect(serviceRow.first()).toBeVisible();
    await serviceRow
      .first()
      .getByRole('link', { name: /Paramétrer/ })
      .click();
  });

  const report: LiveReport = { licences: [], dialogChecked: null };
  await test.step('Détails: every licence row annotated', async () => {
    await page
      .getByRole('tab', { name: 'Détails' })
      .or(page.getByRole('link', { name: 'Détails', exact: true }))
      .first()
      .click();
    await expect(page.getByText(/Nombre de licences/).first()).toBeVisible({ timeout: 20_000 });
    const annotations = page.locator('mla-licence');
    await expect(annotations.first()).toBeAttached();
    await expect
      .poll(() => licenceRowsWithoutAnnotation(page), { message: 'every licence row has one annotation' })
      .toEqual([]);
    await expect(page.locator('mla-summary')).toHaveCount(1);
    report.licences = await annotations.evaluateAll((elements) =>
      elements.map((element) => ({
        label: element.getAttribute('data-licence') ?? '',
        state: element.getAttribute('data-state') ?? '',
      })),
    );
    for (const licence of report.licences)
      expect(['terminable', 'sda-linked', 'none', 'unknown']).toContain(licence.state);
  });

  await test.step('a termination dialog: recognised, then cancelled', async () => {
    const terminable = report.licences.find((licence) => licence.state === 'terminable');
    if (!terminable) {
      test.info().annotations.push({
        type: 'live',
        description:
          'Aucune licence résiliable sur ce service : la fenêtre de résiliation n’a pas pu être ouverte.',
      });
      return;
    }
    const row = page
      .getByRole('row')
      .filter({ has: page.locator(`mla-licence[data-licence="${terminable.label}"]`) });
    // The termination icon is in the row's last cell (the card: label ⓘ, count, icon); the extension's
    // own buttons live in the label's cell.
    await row.getByRole('cell').last().getByRole('button').first().click();
    const dialog = page.getByRole('dialog').filter({ hasText: /Résiliation licence/i });
    await expect(dialog).toBeVisible();
    const guardElement = dialog.locator('mla-termination-guard');
    await expect(guardElement).toHaveCount(1);
    await expect(guardElement).toHaveAttribute('data-state', /checked|unknown/);
    report.dialogChecked = terminable.label;
    await dialog
      .getByRole('button', { name: /Annuler|Fermer/ })
      .first()
      .click();
    await expect(dialog).toBeHidden();
  });
  return report;
}
