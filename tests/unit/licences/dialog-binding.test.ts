/**
 * Which row a termination dialog is bound to, from its title, read by the real readers: exactly the
 * row its title names (folded: case, accents), else none — then only the dialog's own quantities
 * bound it, never another row's maximum.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_MEMORY, judgePage } from '../../../lib/licences/judge-page';
import { sameLicence } from '../../../lib/portal/labels';
import { readLicenceBlock } from '../../../lib/portal/licence-block';
import { readTerminationDialogs } from '../../../lib/portal/termination-dialog';
import { blockMarkup, CARD_ROWS, cardRowMarkup, mount } from '../fixtures/card';
import { modalMarkup } from '../fixtures/dialog';

/** The card, with `Licence full avancée` at 3 / 5: full allows 1, full avancée 2, SVI 0. */
const ROWS = CARD_ROWS.map((row) =>
  row.label === 'Licence full avancée' ? { ...row, active: 3, subscribed: 5 } : row,
);

/** The dialog's limit when its own quantities cannot be read: only the bound row's count bounds it. */
function limitFor(title: string, subscribed = '?', active = '?') {
  mount(`${blockMarkup('table', cardRowMarkup(ROWS))}${modalMarkup({ title, subscribed, active })}`);
  const block = readLicenceBlock(document);
  const dialogs = readTerminationDialogs(document);
  expect(dialogs).toHaveLength(1);
  return judgePage({ rows: block?.rows ?? [], legend: { kind: 'none' }, dialogs, sameLicence }, EMPTY_MEMORY)
    .dialogs[0];
}

describe('the dialog is bound to the row its title names, or to none', () => {
  it.each<[string, number | undefined]>([
    ['Résiliation licence full', 1],
    ['Résiliation licence full avancée', 2],
    ['RÉSILIATION LICENCE FULL AVANCEE', 2],
    ['Résiliation de la licence Full Avancée ⓘ', 2],
    ['Résiliation licence full av…', undefined],
    ['Résiliation licence full…', undefined],
    ['Résiliation de 2 licences full', undefined],
    ['Résiliation licences full', undefined],
    ['Résiliation licence full et licence full avancée', undefined],
    ['Résiliation licence full vidéo', undefined],
    ['Résiliation licence standard', undefined],
  ])('%s: at most %s', (title, atMost) => {
    const limit = limitFor(title);
    expect(limit).toMatchObject({ kind: 'unknown', reason: 'dialog-unreadable' });
    expect(limit && 'atMost' in limit ? limit.atMost : undefined).toBe(atMost);
  });

  it('a title that changes while open binds to the row it names now', () => {
    limitFor('Résiliation licence full');
    const title = document.querySelector('.modal-title') as HTMLElement;
    title.textContent = 'Résiliation licence full avancée';
    const block = readLicenceBlock(document);
    const dialogs = readTerminationDialogs(document);
    const verdict = judgePage(
      { rows: block?.rows ?? [], legend: { kind: 'none' }, dialogs, sameLicence },
      EMPTY_MEMORY,
    );
    expect(verdict.dialogs[0]).toMatchObject({ atMost: 2 });
  });

  it('whatever the words after a known type in the title, only that exact type binds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROWS.map((row) => row.label.replace(/^Licence /, ''))),
        fc
          .stringMatching(/^[ a-zéèàç…(),.*-]{1,12}$/)
          .filter((tail) => tail.trim() !== '' && !/^\s*:?\s*$/.test(tail)),
        (type, tail) => {
          const title = `Résiliation licence ${type}${tail}`;
          const named = ROWS.find((row) => sameLicence(row.label, `Licence ${type}${tail}`));
          const limit = limitFor(title);
          const atMost = limit && 'atMost' in limit ? limit.atMost : undefined;
          expect(atMost, title).toBe(named ? named.subscribed - named.active : undefined);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('two rows folding to the same name (accents, case) are one licence twice: neither bounds the dialog', () => {
    const rows = [...cardRowMarkup(ROWS), { label: 'Licence FULL avancee', count: '0 / 9' }];
    mount(
      `${blockMarkup('table', rows)}${modalMarkup({ title: 'Résiliation licence full avancée', subscribed: '?', active: '?' })}`,
    );
    const block = readLicenceBlock(document);
    const duplicates = block?.rows.filter((row) => row.problem === 'duplicate-licence') ?? [];
    expect(duplicates.map((row) => row.label)).toEqual(['Licence full avancée', 'Licence FULL avancee']);
    const dialogs = readTerminationDialogs(document);
    const verdict = judgePage(
      { rows: block?.rows ?? [], legend: { kind: 'none' }, dialogs, sameLicence },
      EMPTY_MEMORY,
    );
    expect(verdict.dialogs).toEqual([{ kind: 'unknown', reason: 'dialog-unreadable' }]);
  });
});
