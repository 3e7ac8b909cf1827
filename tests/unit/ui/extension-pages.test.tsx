import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../lib/settings/settings';
import { HelpPage } from '../../../lib/ui/HelpPage';
import { OptionsForm } from '../../../lib/ui/OptionsForm';
import { type NoScriptReason, PopupView } from '../../../lib/ui/PopupView';
import { frAll } from './text';

afterEach(cleanup);

const page = { version: '1.2.3', helpHref: 'aide.html' };

describe('PopupView', () => {
  it('explains that the tab is not a portal page', () => {
    render(
      <PopupView
        state={{ kind: 'no-content-script', why: 'not-portal' }}
        text={frAll}
        onOpenOptions={() => {}}
        {...page}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(
      /^Cet onglet n’est pas une page du portail MyOpenIP\s:/,
    );
    expect(screen.getByText('Ouvrez l’onglet Détails d’un service MetaCentrex.')).toBeTruthy();
  });

  // Why nothing answers, what the popup says, the button that fixes it (named for screen readers).
  it.each<[NoScriptReason, RegExp, string | null]>([
    [
      'reload',
      /ouverte avant l’installation, l’activation ou la mise à jour.*Rechargez la page/,
      'Recharger la page',
    ],
    ['loading', /encore en cours de chargement/, null],
    ['no-permission', /n’autorise pas l’assistant à lire le portail/, 'Autoriser l’accès au portail'],
  ])('no content script, %s: says why, never "no licence", and offers the way out', (why, said, button) => {
    const onGrant = vi.fn();
    const onReload = vi.fn();
    render(
      <PopupView
        state={{ kind: 'no-content-script', why }}
        text={frAll}
        onOpenOptions={() => {}}
        onGrant={onGrant}
        onReload={onReload}
        {...page}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(said);
    expect(document.body.textContent).not.toMatch(/Aucune|aucune licence/);
    if (button === null) {
      expect(screen.queryByRole('button', { name: /Recharger|Autoriser/ })).toBeNull();
      return;
    }
    fireEvent.click(screen.getByRole('button', { name: button }));
    expect(why === 'reload' ? onReload : onGrant).toHaveBeenCalledTimes(1);
  });

  it('says the assistant could not be injected, instead of "no Détails page", and offers to reload', () => {
    const status = {
      recognised: false,
      reason: 'assistant-failed' as const,
      licences: [],
      summary: { terminableTotal: 0, sdaLinkedTotal: 0, unknownCount: 0 },
    };
    const onReload = vi.fn();
    render(
      <PopupView
        state={{ kind: 'status', status }}
        text={frAll}
        onOpenOptions={() => {}}
        onReload={onReload}
        {...page}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(/n’a pas pu se charger sur cette page/);
    fireEvent.click(screen.getByRole('button', { name: 'Recharger la page' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('says when no Détails page is recognised', () => {
    const status = {
      recognised: false,
      reason: 'no-licence-block' as const,
      licences: [],
      summary: { terminableTotal: 0, sdaLinkedTotal: 0, unknownCount: 0 },
    };
    render(<PopupView state={{ kind: 'status', status }} text={frAll} onOpenOptions={() => {}} {...page} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Aucune page Détails MetaCentrex reconnue sur cet onglet.',
    );
    // The next step, not only what is missing.
    expect(screen.getByText('Ouvrez l’onglet Détails d’un service MetaCentrex.')).toBeTruthy();
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
    render(
      <PopupView state={{ kind: 'status', status }} text={frAll} onOpenOptions={onOpenOptions} {...page} />,
    );
    expect(screen.getByRole('status').textContent).toBe('Page Détails MetaCentrex reconnue.');
    const rows = screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(
      screen.getAllByRole('columnheader').map((header) => header.textContent),
      'the count header says what the numbers are',
    ).toEqual(['Licence', 'État', 'Résiliables', 'Actives / Souscrites']);
    expect(rows).toEqual(['Licence fullRésiliable11 / 2', 'Licence SVINon reconnue : nombre absent——']);
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(onOpenOptions).toHaveBeenCalledTimes(1);
  });

  it('shows the version and links to the help page in a new tab, whatever the state', () => {
    render(
      <PopupView
        state={{ kind: 'no-content-script', why: 'not-portal' }}
        text={frAll}
        onOpenOptions={() => {}}
        {...page}
      />,
    );
    const help = screen.getByRole('link', { name: 'Aide' });
    expect(help.getAttribute('href')).toBe('aide.html');
    expect(help.getAttribute('target')).toBe('_blank');
    expect(screen.getByText('Version 1.2.3')).toBeTruthy();
  });
});

describe('HelpPage', () => {
  it('explains the mark, the badges, the guard, what the extension never does, in French', () => {
    render(<HelpPage text={frAll} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Aide de l’assistant licences MetaCentrex',
    );
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toContain('Ce que l’assistant ne fait jamais');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(document.body.textContent).toContain('trait bleu');
  });
});

describe('OptionsForm', () => {
  it('shows each feature and the language, and reports changes', () => {
    const onChange = vi.fn();
    render(
      <OptionsForm
        settings={defaultSettings()}
        text={frAll}
        notice="Enregistré."
        onChange={onChange}
        helpHref="aide.html"
      />,
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
    const pace = screen.getByLabelText(/Rythme de l’audit des licences/) as HTMLSelectElement;
    expect(pace.value).toBe('4');
    expect(Array.from(pace.options, (option) => option.textContent)).toEqual(['1', '2', '4', 'sans limite']);
    fireEvent.change(pace, { target: { value: '1' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...defaultSettings(), auditPace: 1 });
    expect(screen.getByRole('status').textContent).toBe('Enregistré.');
    expect(screen.getByRole('group', { name: 'Fonctionnalités' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Aide' }).getAttribute('href')).toBe('aide.html');
  });

  it('shows the stored audit pace', () => {
    render(
      <OptionsForm
        settings={{ ...defaultSettings(), auditPace: 0 }}
        text={frAll}
        notice={null}
        onChange={() => {}}
        helpHref="aide.html"
      />,
    );
    expect((screen.getByLabelText(/Rythme de l’audit des licences/) as HTMLSelectElement).value).toBe('0');
  });
});
