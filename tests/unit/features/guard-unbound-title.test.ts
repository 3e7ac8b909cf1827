/**
 * A termination dialog whose title names no row of the block (`Résiliation de 1 licence full`, a
 * licence the block does not show): the guard uses its own quantities, and once a termination is
 * sent from it and the page closes it, no row's count is trusted until the block shows the change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { annotationFor, cardTable, dialogMarkup, mount, settle, start, stopAll } from '../fixtures/page';

afterEach(stopAll);

const confirm = () => document.querySelector('.modal .btn-primary') as HTMLElement;

async function sendOne(title: string): Promise<boolean> {
  mount(`${cardTable()}${dialogMarkup({ title })}`);
  document.addEventListener('submit', (event) => event.preventDefault());
  start();
  await settle();
  const refused = !confirm().dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  await settle();
  // The page closes the dialog; its block keeps the count it had (it needs a reload).
  document.querySelector('.modal')?.remove();
  await settle();
  await settle();
  return refused;
}

describe('a dialog whose title names no row', () => {
  it.each([
    'Résiliation de 1 licence full',
    'Résiliation licences full',
    'Résiliation licence « full »',
    'Résiliation licence full vidéo',
  ])('%s: 1 sent, the dialog closed: no row keeps a terminable count', async (title) => {
    expect(await sendOne(title)).toBe(false);
    for (const label of ['Licence full', 'Licence simple'])
      expect(annotationFor(label).dataset.state, label).toBe('unknown');
  });

  it('the same journey with the card title: only its own row is unknown', async () => {
    expect(await sendOne('Résiliation licence full')).toBe(false);
    expect(annotationFor('Licence full').dataset.state).toBe('unknown');
    expect(annotationFor('Licence simple').dataset.state).not.toBe('unknown');
  });
});
