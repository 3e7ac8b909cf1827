import { describe, expect, it } from 'vitest';
import type { ShownReason } from '../../../lib/licences/types';
import { reasonText } from '../../../lib/ui/page-text';
import { en, fr } from './text';

/** Every reason, with its French message (a `Record` so a new reason cannot be forgotten here). */
const FRENCH: Record<ShownReason, string> = {
  missing: 'nombre absent',
  'not-a-number': 'nombre illisible',
  negative: 'nombre négatif',
  'active-exceeds-subscribed': 'plus de licences actives que souscrites',
  ambiguous: 'plusieurs nombres sur la ligne',
  'dialog-disagrees': 'la fenêtre de résiliation indique d’autres quantités que le tableau',
  'legend-disagrees': 'la légende donne un autre sens au nombre affiché',
  'sda-disagrees': 'plus de numéros associés que de licences actives',
  'dialog-unreadable': 'quantités de la fenêtre illisibles',
  'duplicate-licence': 'la même licence figure sur plusieurs lignes',
  'several-blocks': 'plusieurs blocs « Nombre de licences » affichés',
  'pending-note': 'une opération en cours sur la ligne peut changer le nombre',
  'table-changed': 'le tableau a changé depuis l’ouverture de la fenêtre',
  'termination-sent':
    'une résiliation a été envoyée depuis cette page et la ligne affiche le même nombre qu’alors : rechargez la page',
};

describe('reasonText', () => {
  it.each(Object.entries(FRENCH))('%s reads its own message', (reason, message) => {
    expect(reasonText(reason as ShownReason, fr)).toBe(message);
    expect(reasonText(reason as ShownReason, en)).not.toBe('');
  });

  it('reads an unforeseen reason as a missing number', () => {
    expect(reasonText('new-reason' as ShownReason, fr)).toBe('nombre absent');
  });
});
