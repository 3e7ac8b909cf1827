import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../lib/settings/settings';
import { OptionsForm } from '../../../lib/ui/OptionsForm';
import { PopupView } from '../../../lib/ui/PopupView';
import { frAll } from './text';

afterEach(cleanup);

describe('PopupView', () => {
  it('explains that there is no content script on the tab', () => {
    render(<PopupView state={{ kind: 'no-content-script' }} text={frAll} onOpenOptions={() => {}} />);
    expect(screen.getByRole('status').textContent).toContain('L’assistant n’est pas actif sur cet onglet');
  });

  it('says when no Détails page is recognised', () => {
    const status = {
      recognised: false,
      reason: 'no-licence-block' as const,
      licences: [],
      summary: { terminableTotal: 0, sdaLinkedTotal: 0, unknownCount: 0 },
    };
    render(<PopupView state={{ kind: 'status', status }} text={frAll} onOpenOptions={() => {}} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Aucune page Détails MetaCentrex reconnue sur cet onglet.',
    );
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lists the licences of a recognised page, and opens the options', () => {
    const onOpenOptions = vi.fn();
    const status = {
      recognised: true,
      licences: [
        {
          label: 'Licence full',
          state: 'terminable' as const,
          subscribed: 2,
          active: 1,
          terminable: 1,
          reason: null,
        },
        {
          label: 'Licence SVI',
          state: 'unknown' as const,
          subscribed: null,
          active: null,
          terminable: null,
          reason: 'missing' as const,
        },
      ],
      summary: { terminableTotal: 1, sdaLinkedTotal: 1, unknownCount: 1 },
    };
    render(<PopupView state={{ kind: 'status', status }} text={frAll} onOpenOptions={onOpenOptions} />);
    expect(screen.getByRole('status').textContent).toBe('Page Détails MetaCentrex reconnue.');
    const rows = screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual(['Licence fullRésiliable1 / 2', 'Licence SVINon reconnu—']);
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(onOpenOptions).toHaveBeenCalledTimes(1);
  });
});

describe('OptionsForm', () => {
  it('shows each feature and the language, and reports changes', () => {
    const onChange = vi.fn();
    render(
      <OptionsForm settings={defaultSettings()} text={frAll} notice="Enregistré." onChange={onChange} />,
    );
    const boxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((box) => box.checked)).toEqual([true, true, true, true]);
    fireEvent.click(screen.getByLabelText('Vérifier la quantité dans la fenêtre de résiliation'));
    expect(onChange).toHaveBeenLastCalledWith({
      ...defaultSettings(),
      features: { ...defaultSettings().features, guard: false },
    });
    const select = screen.getByLabelText(/Langue/) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'en' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...defaultSettings(), language: 'en' });
    expect(screen.getByRole('status').textContent).toBe('Enregistré.');
  });
});
