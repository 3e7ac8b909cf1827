import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameLicence } from '../../../lib/portal/labels';
import { readTerminationDialogs } from '../../../lib/portal/termination-dialog';
import { CARD_ROWS } from '../fixtures/card';

type Quantity = { kind: 'valid'; value: number } | { kind: 'invalid'; text: string };

const quantity: fc.Arbitrary<Quantity> = fc.oneof(
  { weight: 3, arbitrary: fc.nat(500).map((value): Quantity => ({ kind: 'valid', value })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('', '—', 'deux', '1,5', '-1', '2 / 3', 'x')
      .map((text): Quantity => ({ kind: 'invalid', text })),
  },
);

const shown = (q: Quantity) => (q.kind === 'valid' ? String(q.value) : q.text);

type FieldLayout = 'table' | 'dl' | 'label-span' | 'text';

function field(layout: FieldLayout, label: string, value: string): string {
  switch (layout) {
    case 'table':
      return `<table><tr><td>${label}</td><td><span>${value}</span></td></tr></table>`;
    case 'dl':
      return `<dl><dt>${label} :</dt><dd>${value}</dd></dl>`;
    case 'label-span':
      return `<div class="row"><div><label>${label}</label></div><div><span>${value}</span></div></div>`;
    case 'text':
      return `<p>${label} : ${value}</p>`;
  }
}

const dialogCase = fc.record({
  type: fc.constantFrom(...CARD_ROWS.map((row) => row.label.replace(/^Licence /, ''))),
  titleCase: fc.constantFrom('lower', 'upper', 'as-is'),
  layout: fc.constantFrom<FieldLayout>('table', 'dl', 'label-span', 'text'),
  subscribed: quantity,
  active: quantity,
  withInput: fc.boolean(),
  aria: fc.boolean(),
  space: fc.constantFrom(' ', '\u00A0', '  '),
});

describe('readTerminationDialogs on random dialogs', () => {
  it('reads each quantity exactly or not at all, and the licence and input when there', () => {
    fc.assert(
      fc.property(dialogCase, (c) => {
        const title = `Résiliation licence ${c.type}`;
        const shownTitle =
          c.titleCase === 'upper'
            ? title.toUpperCase()
            : c.titleCase === 'lower'
              ? title.toLowerCase()
              : title;
        const input = c.withInput
          ? '<label for="q">Quantité à résilier</label> <input id="q" type="text" value="1">'
          : '<span>Quantité à résilier</span>';
        document.body.innerHTML = `<div ${c.aria ? 'role="dialog"' : ''} class="m"><div><h4>${shownTitle.replace(/ /g, c.space)}</h4></div>
          <div>${field(c.layout, 'Quantité souscrite', shown(c.subscribed))}${field(c.layout, 'Quantité active', shown(c.active))}
          <div>${input}</div></div><div><button>Annuler</button><button>Confirmer</button></div></div>`;
        const dialogs = readTerminationDialogs(document);
        expect(dialogs).toHaveLength(1);
        const [dialog] = dialogs;
        expect(sameLicence(dialog?.licenceLabel ?? '', `Licence ${c.type}`)).toBe(true);
        for (const [read, generated] of [
          [dialog?.subscribed, c.subscribed],
          [dialog?.active, c.active],
        ] as const) {
          if (generated.kind === 'valid') expect(read).toBe(generated.value);
          else expect(read).toBeNull();
        }
        expect(dialog?.quantityInput?.id ?? null).toBe(c.withInput ? 'q' : null);
        expect(dialog?.confirmButton?.textContent).toBe('Confirmer');
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});
