/**
 * Property: whatever the dialog's footer is made of (tags, roles, labels, icons, nesting), while the
 * quantity is wrong a click on any of its elements reaches the page only when that element is clearly
 * a cancel (exactly Annuler / Fermer / ×); once the quantity is valid, every click reaches the page.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { terminationGuard } from '../../../lib/features/termination-guard';
import { dialogMarkup, mount, start, stopAll } from '../fixtures/page';

afterEach(stopAll);

const DEFAULT_FOOTER =
  '<button type="button">Annuler</button><button type="submit" class="btn btn-primary">Confirmer</button>';
const CANCELS = ['Annuler', 'Fermer', '×'];
const LABELS = [
  ...CANCELS,
  'Confirmer',
  'Résilier',
  'Valider',
  'OK',
  'Envoyer',
  'Annuler la licence',
  'Fermer le compte',
  'Confirmer ✓',
  'x2',
  '',
];
const TAGS = [
  (label: string) => `<button type="submit">${label}</button>`,
  (label: string) => `<button type="button">${label}</button>`,
  (label: string) => `<button type="button" aria-label="${label}"><i class="icon"></i></button>`,
  (label: string) => `<input type="submit" value="${label}">`,
  (label: string) => `<input type="button" value="${label}">`,
  (label: string) => `<a href="#">${label}</a>`,
  (label: string) => `<div role="button" tabindex="0">${label}</div>`,
  (label: string) => `<span tabindex="0">${label}</span>`,
  (label: string) => `<a href="#"><span><b>${label}</b></span></a>`,
];

const footer = fc.array(
  fc.record({ tag: fc.integer({ min: 0, max: TAGS.length - 1 }), label: fc.constantFrom(...LABELS) }),
  { minLength: 1, maxLength: 5 },
);

describe('termination guard over random dialog footers', () => {
  it('lets a click through while the quantity is wrong only on a clear cancel', () => {
    fc.assert(
      fc.property(footer, fc.constantFrom('2', '0', 'abc', ''), (parts, wrong) => {
        stopAll();
        const markup = parts
          .map(({ tag, label }) => (TAGS[tag] as (label: string) => string)(label))
          .join('');
        mount(dialogMarkup().replace(DEFAULT_FOOTER, `<span id="footer">${markup}</span>`));
        start({ features: [terminationGuard] });
        const input = document.querySelector('#qty') as HTMLInputElement;
        const targets = Array.from(document.querySelectorAll<HTMLElement>('#footer > *')).map(
          (element) => element.querySelector('b') ?? element,
        );
        const reached = new Set<number>();
        // The page answers each click in the dialog: each is judged as a first send.
        const answer = document.querySelector('.modal-body') as HTMLElement;
        targets.forEach((target, index) => {
          target.addEventListener('click', (event) => {
            event.preventDefault();
            reached.add(index);
            answer.append('.');
          });
        });
        document.addEventListener('submit', (event) => event.preventDefault());
        for (const [value, valid] of [
          [wrong, false],
          ['1', true],
        ] as const) {
          input.value = value;
          reached.clear();
          for (const target of targets) target.click();
          parts.forEach(({ label }, index) => {
            const expected = valid || CANCELS.includes(label);
            expect(reached.has(index), `${value} → ${targets[index]?.outerHTML}`).toBe(expected);
          });
        }
      }),
      { numRuns: 40 },
    );
  }, 30_000);
});
