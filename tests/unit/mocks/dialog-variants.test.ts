// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CARD_SERVICE } from '../../../mocks/data/scenarios';
import type { VariantName } from '../../../mocks/variants';
import { call, parse, signedIn } from './helpers';

const DIALOG = `/services/${CARD_SERVICE.ref}/licences/licence-full/resiliation`;

async function dialog(variants: VariantName[]) {
  const { portal, cookie } = await signedIn();
  portal.setVariants(variants);
  const response = await call(portal, DIALOG, { cookie, xhr: true });
  expect(response.status).toBe(200);
  return parse(await response.text());
}

function submit(doc: Document): HTMLElement {
  return doc.querySelector('button[type="submit"]') as HTMLElement;
}

describe('termination dialog variants', () => {
  it('is the card’s dialog by default: Confirmer, a plain text field', async () => {
    const doc = await dialog([]);
    expect(submit(doc).textContent).toBe('Confirmer');
    expect(doc.querySelector('.js-stepper')).toBeNull();
  });

  it.each([
    ['bouton-resilier', 'Résilier', null],
    ['bouton-icone', '', 'Valider'],
  ] as const)('%s: the submit reads %j (aria-label %j)', async (variant, text, label) => {
    const button = submit(await dialog([variant]));
    expect(button.textContent?.trim()).toBe(text);
    expect(button.getAttribute('aria-label')).toBe(label);
    expect(button.className).toContain('js-confirm');
  });

  it('date-resiliation: a date field beside the quantity, the label linked to neither', async () => {
    const doc = await dialog(['date-resiliation']);
    const label = Array.from(doc.querySelectorAll('label')).find(
      (element) => element.textContent === 'Quantité à résilier',
    );
    expect(label?.hasAttribute('for')).toBe(false);
    const cell = label?.closest('tr')?.querySelectorAll('td')[1];
    expect(Array.from(cell?.querySelectorAll('input') ?? []).map((input) => input.name)).toEqual([
      'quantity',
      'date',
    ]);
    expect(submit(doc).textContent).toBe('Confirmer');
  });

  it('fenetre-sans-role: the title in the body, the buttons still in the footer', async () => {
    const doc = await dialog(['fenetre-sans-role']);
    expect(doc.querySelector('.modal-header h4')).toBeNull();
    expect(doc.querySelector('.modal-body h4')?.textContent).toBe('Résiliation licence full');
    expect(doc.querySelector('.modal-footer')?.contains(submit(doc))).toBe(true);
  });

  it('titre-different: « Résilier la licence full »', async () => {
    const doc = await dialog(['titre-different']);
    expect(doc.querySelector('h4')?.textContent).toBe('Résilier la licence full');
  });

  it('stepper: − and + around the same quantity field, which the page script drives', async () => {
    const doc = await dialog(['stepper']);
    const stepper = doc.querySelector('.js-stepper') as HTMLElement;
    expect(Array.from(stepper.querySelectorAll('button')).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Diminuer',
      'Augmenter',
    ]);
    expect(stepper.querySelector('input[name="quantity"]')?.getAttribute('value')).toBe('1');
    expect(submit(doc).textContent).toBe('Confirmer');
  });
});

describe('variants for what is sent and what is shown after a termination', () => {
  it('copie-cachee: the form carries a hidden copy « quantite » (1, like the field) and the server takes it', async () => {
    const doc = await dialog(['copie-cachee']);
    const copy = doc.querySelector<HTMLInputElement>('input[type="hidden"][name="quantite"]');
    expect(copy?.value).toBe('1');
    expect(copy?.closest('form')).toBe(doc.querySelector('form'));
    expect(doc.querySelector<HTMLInputElement>('input[name="quantity"]')?.value).toBe('1');

    const { portal, cookie } = await signedIn();
    portal.setVariants(['copie-cachee']);
    const opened = { openedSubscribed: '2', openedActive: '1' };
    // The visible field says 1, the copy 2: refused on the copy (2 > 1 terminable), nothing changed.
    const refused = await call(portal, DIALOG, {
      cookie,
      xhr: true,
      form: { quantity: '1', quantite: '2', ...opened },
    });
    expect(refused.status).toBe(400);
    expect(portal.store.licenceCount(CARD_SERVICE.ref, 'licence-full')?.subscribed).toBe(2);
    // The visible field says 2, the copy 1: taken on the copy.
    const taken = await call(portal, DIALOG, {
      cookie,
      xhr: true,
      form: { quantity: '2', quantite: '1', ...opened },
    });
    expect(taken.status).toBe(200);
    expect(portal.store.licenceCount(CARD_SERVICE.ref, 'licence-full')?.subscribed).toBe(1);
  });

  it('the default server takes the visible field and the dialog has no copy', async () => {
    const doc = await dialog([]);
    expect(doc.querySelector('input[name="quantite"]')).toBeNull();
    const { portal, cookie } = await signedIn();
    const response = await call(portal, DIALOG, {
      cookie,
      xhr: true,
      form: { quantity: '1', quantite: '2', openedSubscribed: '2', openedActive: '1' },
    });
    expect(response.status).toBe(200);
  });

  it('champ-nombre: the quantity is an <input type="number"> prefilled 1, still labelled', async () => {
    const doc = await dialog(['champ-nombre']);
    const input = doc.querySelector<HTMLInputElement>('#termination-quantity');
    expect(input?.getAttribute('type')).toBe('number');
    expect(input?.getAttribute('name')).toBe('quantity');
    expect(input?.getAttribute('value')).toBe('1');
    expect(doc.querySelector('label[for="termination-quantity"]')?.textContent).toBe('Quantité à résilier');
  });

  it('sans-rafraichissement: the service page marks its termination modal so the page script reloads no pane', async () => {
    const { portal, cookie } = await signedIn();
    const page = async () =>
      parse(await (await call(portal, `/services/${CARD_SERVICE.ref}?tab=details`, { cookie })).text());
    expect((await page()).querySelector('#termination-modal')?.classList.contains('js-no-refresh')).toBe(
      false,
    );
    portal.setVariants(['sans-rafraichissement']);
    expect((await page()).querySelector('#termination-modal')?.classList.contains('js-no-refresh')).toBe(
      true,
    );
  });
});
