import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** Page objects of the portal, by role and by the portal's own French labels (the card's words). */

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class LoginPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Connexion à MyOpenIP' });

  async goto(origin: string): Promise<void> {
    await this.page.goto(`${origin}/login`);
  }

  /** Fills the form and submits it with Enter, like the card says; waits until the login page is left. */
  async logIn(credentials: { login: string; password: string }): Promise<void> {
    await this.page.locator('#login').fill(credentials.login);
    await this.page.locator('#password').fill(credentials.password);
    await this.page.locator('#password').press('Enter');
    await expect(this.page).not.toHaveURL(/\/login(\?|$)/);
  }
}

export class ServicesPage {
  constructor(private readonly page: Page) {}

  /** « Mes Services » → « Paramétrage / Monitoring » from the navbar. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Mes Services' }).click();
    await this.page.getByRole('link', { name: 'Paramétrage / Monitoring' }).click();
    await expect(this.page.getByRole('heading', { name: 'Paramétrage / Monitoring' })).toBeVisible();
  }

  async filter(text: string): Promise<void> {
    await this.page.getByLabel('Nom ou référence du service').fill(text);
    await this.page.getByRole('button', { name: 'Rechercher' }).click();
  }

  row(reference: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: reference, exact: true }) });
  }

  /** « Paramétrer > » on the service's row. */
  async configure(reference: string): Promise<ServicePage> {
    await this.row(reference).getByRole('link', { name: 'Paramétrer >' }).click();
    const service = new ServicePage(this.page);
    await expect(service.tab('Détails')).toBeVisible();
    return service;
  }
}

export class ServicePage {
  constructor(readonly page: Page) {}

  tab(name: 'Informations' | 'Détails' | 'Numéros' | 'Historique'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  panel(name: 'Informations' | 'Détails' | 'Numéros' | 'Historique'): Locator {
    return this.page.getByRole('tabpanel', { name, exact: true });
  }

  /** Shows a tab and waits until its pane has replaced « Chargement... » with content. */
  async showTab(name: 'Détails' | 'Numéros' | 'Historique'): Promise<Locator> {
    await this.tab(name).click();
    const panel = this.panel(name);
    await expect(panel).toBeVisible();
    await expect(panel.getByText('Chargement...')).toHaveCount(0);
    return panel;
  }

  /** The « Nombre de licences » row whose label is exactly `label` (not « Licence full avancée » for « Licence full »). */
  licenceRow(label: string): Locator {
    return this.panel('Détails')
      .getByRole('row')
      .filter({
        has: this.page.getByRole('cell').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*ⓘ`) }),
      });
  }

  /** Variant `cadre`: the frame the Détails tab shows its content in. */
  detailsFrame(): FrameLocator {
    return this.panel('Détails').locator('iframe').contentFrame();
  }

  /** The row's `A / S` cell. */
  licenceCount(label: string): Locator {
    return this.licenceRow(label).getByRole('cell').nth(1);
  }

  terminateButton(label: string): Locator {
    return this.licenceRow(label).getByRole('button', { name: 'Résilier' });
  }

  async openTermination(label: string): Promise<TerminationDialog> {
    await this.terminateButton(label).click();
    const dialog = new TerminationDialog(this.page, label);
    await expect(dialog.quantity).toBeVisible();
    return dialog;
  }

  /** The success message shown above the tabs. */
  flash(): Locator {
    return this.page.getByRole('status').filter({ hasText: /enregistrée/ });
  }

  historyRows(action: 'Résiliation' | 'Dissociation'): Locator {
    return this.panel('Historique')
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: action, exact: true }) });
  }

  numberRow(number: string): Locator {
    return this.panel('Numéros')
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: number, exact: true }) });
  }

  /** « Dissocier » on a number's row, then « Confirmer » in « Dissocier un numéro ». */
  async dissociate(number: string): Promise<void> {
    await this.numberRow(number).getByRole('button', { name: 'Dissocier' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Dissocier un numéro' });
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await expect(dialog).toBeHidden();
  }
}

export class TerminationDialog {
  readonly root: Locator;
  readonly quantity: Locator;
  readonly confirm: Locator;
  readonly cancel: Locator;
  readonly error: Locator;

  constructor(
    readonly page: Page,
    licenceLabel: string,
  ) {
    // The title is « Résiliation licence full »: the type in lower case.
    this.root = page.getByRole('dialog', { name: `Résiliation ${licenceLabel.toLowerCase()}`, exact: true });
    this.quantity = this.root.getByLabel('Quantité à résilier');
    this.confirm = this.root.getByRole('button', { name: 'Confirmer' });
    this.cancel = this.root.getByRole('button', { name: 'Annuler' });
    this.error = this.root.getByRole('alert');
  }

  /** A value of the « Quantité souscrite » / « Quantité active » rows. */
  value(label: 'Quantité souscrite' | 'Quantité active'): Locator {
    return this.root
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: label, exact: true }) })
      .getByRole('cell')
      .nth(1);
  }

  /** Any button of the dialog by its accessible name (a submit labelled otherwise, a stepper's +/−). */
  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  /**
   * Types the quantity and waits until the field holds it. `fill` focuses the field, then types into
   * whatever has the focus, in a second round trip. While the dialog is still opening, Bootstrap moves
   * the focus to the modal itself at the end of its animation: a fill caught in between types nowhere
   * and the field keeps its old value (seen in Firefox under load: focus on the field, then on the modal
   * 1–5 ms later, no input event; the guard then rightly judged the value still there). Typed again
   * until it holds, so that what a test asserts next is about the value it meant.
   */
  async setQuantity(value: string): Promise<void> {
    await expect(async () => {
      await this.quantity.fill(value);
      await expect(this.quantity).toHaveValue(value, { timeout: 500 });
    }).toPass({ timeout: 7_000 });
  }

  /**
   * Types the quantity with the keyboard over what the field holds, as the operator does, and leaves the
   * focus in it. Use it, not `setQuantity`, when the page listens to `change` (it fires when the field is
   * left): in Firefox a value `fill` set fires no `change` when the field is left afterwards (measured:
   * `fill` then Tab, none; keys then Tab, one; Chromium, one each). Also for an `<input type="number">`,
   * whose refused keys `fill` cannot type. Call it once the dialog is `opened()`.
   */
  async typeQuantity(value: string): Promise<void> {
    await this.quantity.focus();
    await this.quantity.press('ControlOrMeta+A');
    await this.quantity.pressSequentially(value);
  }

  /**
   * Waits until the dialog has finished opening: no CSS transition left running in the page. Bootstrap
   * moves the focus to the modal itself when its opening animation ends; a key pressed on Confirmer just
   * before then has its `keydown` on Confirmer and its `keyup` on the modal, and the browser makes no
   * click of it (seen in Firefox under load: nothing sent, with or without the extension).
   */
  async opened(): Promise<void> {
    await expect(this.root).toBeVisible();
    await transitionsEnded(this.root);
  }

  async terminate(quantity: string): Promise<void> {
    await this.setQuantity(quantity);
    await this.confirm.click();
    await expect(this.root).toBeHidden();
  }
}

/**
 * No CSS transition left running in `root` (a modal's fade and its dialog's slide). Only there: Firefox
 * leaves a transition of a field the page does not render (the mock's QA panel) "running" for ever.
 */
export async function transitionsEnded(root: Locator): Promise<void> {
  await expect
    .poll(() =>
      root.evaluate(
        (element) =>
          element.getAnimations({ subtree: true }).filter((animation) => animation instanceof CSSTransition)
            .length,
      ),
    )
    .toBe(0);
}

/** The whole way in from the card: log in → Mes Services → Paramétrage / Monitoring → filter → Paramétrer. */
export async function openServiceFromCard(
  page: Page,
  origin: string,
  credentials: { login: string; password: string },
  reference: string,
): Promise<ServicePage> {
  const login = new LoginPage(page);
  await login.goto(origin);
  await login.logIn(credentials);
  const services = new ServicesPage(page);
  await services.open();
  await services.filter(reference);
  await expect(services.row(reference)).toHaveCount(1);
  return services.configure(reference);
}

/** Straight to a service's tab through the login form's `next` (for tests whose subject is not the way in). */
export async function openServiceDirect(
  page: Page,
  origin: string,
  credentials: { login: string; password: string },
  reference: string,
): Promise<ServicePage> {
  const login = new LoginPage(page);
  await page.goto(`${origin}/login?next=${encodeURIComponent(`/services/${reference}`)}`);
  await expect(login.heading()).toBeVisible();
  await login.logIn(credentials);
  const service = new ServicePage(page);
  await expect(service.tab('Détails')).toBeVisible();
  return service;
}
