import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LicenceAssessment } from '../../../lib/licences/types';
import { LicenceBadge } from '../../../lib/ui/LicenceBadge';
import { LicenceSummary } from '../../../lib/ui/LicenceSummary';
import { SdaFlag } from '../../../lib/ui/SdaFlag';
import { TerminationGuard } from '../../../lib/ui/TerminationGuard';
import { en, fr } from './text';

afterEach(cleanup);

const assessment = (partial: Partial<LicenceAssessment>): LicenceAssessment => ({
  label: 'Licence full',
  state: 'terminable',
  subscribed: 2,
  active: 1,
  terminable: 1,
  reason: null,
  ...partial,
});

describe('LicenceBadge', () => {
  it('says how many can be terminated and how many a number holds', () => {
    const { container } = render(<LicenceBadge assessment={assessment({})} text={fr} />);
    expect(container.textContent).toBe('1 résiliable · 1 associée (SDA)');
    expect(container.querySelector('.tag')?.className).toBe('tag terminable');
  });

  it('says why nothing can be terminated', () => {
    const linked = assessment({ state: 'sda-linked', subscribed: 1, active: 1, terminable: 0 });
    expect(render(<LicenceBadge assessment={linked} text={fr} />).container.textContent).toBe(
      'Non résiliable (SDA)',
    );
    cleanup();
    const none = assessment({ state: 'none', subscribed: 0, active: 0, terminable: 0 });
    expect(render(<LicenceBadge assessment={none} text={fr} />).container.textContent).toBe(
      'Aucune licence souscrite',
    );
  });

  it('shows "Non reconnue" with the reason, and English when asked', () => {
    const unknown = assessment({
      state: 'unknown',
      subscribed: null,
      active: null,
      terminable: null,
      reason: 'legend-disagrees',
    });
    const { container } = render(<LicenceBadge assessment={unknown} text={fr} />);
    expect(container.querySelector('.tag')?.textContent).toBe(
      'Non reconnue : la légende donne un autre sens au nombre affiché',
    );
    // The way out, in the disclosure after it.
    expect(container.querySelector('details')?.textContent).toMatch(/^Pourquoi\s\?Lisez la légende/);
    cleanup();
    expect(
      render(<LicenceBadge assessment={assessment({ active: 0, terminable: 2 })} text={en} />).container
        .textContent,
    ).toBe('2 terminable');
  });
});

describe('SdaFlag', () => {
  const props = {
    numbers: [{ number: '01 84 78 78 80', user: 'Alice' }],
    canOpenNumbersTab: true,
    expanded: false,
    onToggle: () => {},
    onOpenNumbersTab: () => {},
    text: fr,
  };

  it('is a collapsed disclosure button controlling its details', () => {
    const onToggle = vi.fn();
    render(<SdaFlag {...props} onToggle={onToggle} />);
    const button = screen.getByRole('button', { name: 'Pourquoi ?' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const details = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(details?.hidden).toBe(true);
    // Built only when shown: big blocks carry a collapsed flag on most rows.
    expect(details?.childNodes).toHaveLength(0);
    fireEvent.click(button);
    expect(onToggle).toHaveBeenCalledTimes(1);
  });

  it('expanded: the rule, the way out, the tab button and the numbers', () => {
    const onOpen = vi.fn();
    render(<SdaFlag {...props} expanded onOpenNumbersTab={onOpen} />);
    expect(screen.getByText(/ne peut être résiliée que si elle n’est associée à aucun numéro/)).toBeTruthy();
    expect(screen.getByText(/Dissociez d’abord le numéro/)).toBeTruthy();
    expect(screen.getByRole('listitem').textContent).toBe('01 84 78 78 80 (Alice)');
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir l’onglet Numéros' }));
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('names the procedure when there is no tab', () => {
    render(<SdaFlag {...props} expanded canOpenNumbersTab={false} numbers={[]} />);
    expect(screen.getByText('Procédure : « Dissocier un numéro ».')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });
});

describe('LicenceSummary', () => {
  it('gives the totals, and the unknown count only when there is one', () => {
    render(<LicenceSummary summary={{ terminableTotal: 1, sdaLinkedTotal: 7, unknownCount: 0 }} text={fr} />);
    const region = screen.getByRole('region', { name: 'Licences MetaCentrex : résumé' });
    expect(region.textContent).toBe('Résiliables maintenant : 1 · Associées à un numéro : 7');
    cleanup();
    render(<LicenceSummary summary={{ terminableTotal: 0, sdaLinkedTotal: 7, unknownCount: 2 }} text={fr} />);
    expect(screen.getByRole('region').textContent).toContain('+ 2 non reconnues');
  });
});

describe('TerminationGuard', () => {
  it('shows the maximum and a polite live region', () => {
    render(
      <TerminationGuard
        view={{ kind: 'checked', max: 1, check: { valid: true, value: 1 }, blocks: 'confirm' }}
        text={fr}
      />,
    );
    expect(screen.getByText('Maximum résiliable : 1')).toBeTruthy();
    const live = screen.getByRole('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('Quantité valide.');
  });

  it.each([
    ['empty', 'Saisissez une quantité à résilier.'],
    ['not-a-number', 'Saisissez un nombre entier, en chiffres.'],
    ['not-whole', 'La quantité doit être un nombre entier.'],
    ['below-minimum', 'La quantité doit être d’au moins 1.'],
    ['above-maximum', 'La quantité ne peut pas dépasser 1.'],
    ['nothing-terminable', 'Aucune licence de ce type n’est résiliable maintenant.'],
  ] as const)('explains %s in French and says Confirmer is blocked', (reason, message) => {
    render(
      <TerminationGuard
        view={{ kind: 'checked', max: 1, check: { valid: false, reason }, blocks: 'confirm' }}
        text={fr}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe(
      `${message} Confirmer est bloqué tant que la quantité n’est pas valide.`,
    );
  });

  it.each([
    [
      fr,
      'L’envoi est bloqué tant que la quantité n’est pas valide. Seuls Annuler et Fermer restent possibles.',
    ],
    [en, 'Sending is blocked until the quantity is valid. Only Annuler and Fermer still work.'],
  ])('never names Confirmer when the dialog has none (%#)', (text, blocked) => {
    render(
      <TerminationGuard
        view={{
          kind: 'checked',
          max: 1,
          check: { valid: false, reason: 'above-maximum' },
          blocks: 'sending',
        }}
        text={text}
      />,
    );
    const status = screen.getByRole('status').textContent ?? '';
    expect(status).toContain(blocked);
    expect(status).not.toContain('Confirmer');
  });

  it.each([
    [fr, { valid: true, value: 1 }, 'Quantité valide. Aucun bouton d’envoi reconnu'],
    [
      fr,
      { valid: false, reason: 'above-maximum' },
      'Seuls Annuler et Fermer restent possibles. Aucun bouton',
    ],
    [en, { valid: true, value: 1 }, 'Valid quantity. No send button recognised'],
  ] as const)(
    'says, valid or not, that what sends is not seen when nothing in the dialog acts (%#)',
    (text, check, said) => {
      render(<TerminationGuard view={{ kind: 'checked', max: 1, check, blocks: 'unseen' }} text={text} />);
      const status = screen.getByRole('status').textContent ?? '';
      expect(status).toContain(said);
      expect(status).toContain(text === fr ? 'ne peut pas l’en empêcher' : 'cannot stop it');
    },
  );

  it('says "Maximum non reconnu" with the reason when the quantity is plausible', () => {
    render(
      <TerminationGuard
        view={{
          kind: 'unknown',
          reason: 'dialog-unreadable',
          check: { valid: true, value: 3 },
          blocks: 'confirm',
        }}
        text={fr}
      />,
    );
    expect(screen.getByText('Maximum non reconnu')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(
      /^La quantité n’est pas vérifiée : quantités de la fenêtre illisibles\.Vérifiez vous-même la quantité/,
    );
  });

  it.each([
    ['table-changed', 'le tableau a changé depuis l’ouverture de la fenêtre'],
    ['dialog-unreadable', 'quantités de la fenêtre illisibles'],
  ] as const)('names the reason %s', (reason, words) => {
    render(
      <TerminationGuard
        view={{ kind: 'unknown', reason, check: { valid: true, value: 1 }, blocks: 'confirm' }}
        text={fr}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain(words);
  });

  it('still refuses what is never valid when the maximum is unknown, and says the maximum is unknown', () => {
    render(
      <TerminationGuard
        view={{
          kind: 'unknown',
          reason: 'missing',
          check: { valid: false, reason: 'not-whole' },
          blocks: 'sending',
        }}
        text={fr}
      />,
    );
    expect(screen.getByText('Maximum non reconnu')).toBeTruthy();
    const [refusal, why] = Array.from(screen.getByRole('status').children, (p) => p.textContent);
    expect(refusal).toBe(
      'La quantité doit être un nombre entier. L’envoi est bloqué tant que la quantité n’est pas valide. Seuls Annuler et Fermer restent possibles.',
    );
    expect(why).toMatch(/^Raison du doute\s: nombre absent\. Fiez-vous au portail/);
  });
});
