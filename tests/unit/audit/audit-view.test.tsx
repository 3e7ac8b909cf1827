import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditState } from '../../../lib/audit/types';
import { newAuditState } from '../../../lib/audit/types';
import { auditTotals, licenceColumns, shownRows } from '../../../lib/audit/view';
import { ALL_MESSAGES } from '../../../lib/i18n/all-messages';
import { createTranslator } from '../../../lib/i18n/translator';
import { LIST_COLUMNS } from '../../../lib/portal/service-list';
import { AuditView } from '../../../lib/ui/AuditView';
import { partlyReadRow } from './support';

const text = createTranslator(ALL_MESSAGES, 'fr');

function state(): AuditState {
  const s = newAuditState('https://p.example', 'https://p.example/l', 0);
  s.phase = 'done';
  s.nextListUrl = null;
  s.services = [
    { ref: 'MC-1', name: 'Siège', client: 'C', account: 'A', site: 'S', url: 'https://p.example/s/1' },
    { ref: 'MC-2', name: 'Agence', client: 'C', account: 'A', site: 'S', url: 'https://p.example/s/2' },
  ];
  s.rows = {
    'MC-1': partlyReadRow('MC-1'),
    'MC-2': {
      ref: 'MC-2',
      status: 'error',
      terminable: 0,
      sdaLinked: 0,
      licences: [],
      reason: 'server',
      httpStatus: 500,
    },
  };
  return s;
}

function view(s: AuditState, retry = vi.fn()) {
  const on = {
    start: vi.fn(),
    pause: vi.fn(),
    resume: vi.fn(),
    cancel: vi.fn(),
    clear: vi.fn(),
    startNew: vi.fn(),
    exportCsv: vi.fn(),
    retry,
    toggleOnlyTerminable: vi.fn(),
    sortBy: vi.fn(),
    setPace: vi.fn(),
  };
  return render(
    <AuditView
      text={text}
      stage={{ kind: 'audit' }}
      state={s}
      totals={auditTotals(s)}
      rows={shownRows(s, false, null)}
      licenceColumns={licenceColumns(Object.values(s.rows))}
      listColumns={LIST_COLUMNS}
      timeLeftMs={null}
      onlyTerminable={false}
      sort={null}
      pace={4}
      paces={[1, 2, 4, 0]}
      canStartNew={false}
      on={on}
    />,
  );
}

describe('<mla-audit> QA contract', () => {
  afterEach(cleanup);

  it('carries the state and totals, one element per service and per licence', () => {
    const { container } = view(state());
    const root = container.querySelector('mla-audit');
    expect(root?.getAttribute('data-state')).toBe('done');
    expect(root?.getAttribute('data-done')).toBe('2');
    expect(root?.getAttribute('data-total')).toBe('2');
    expect(root?.getAttribute('data-terminable-total')).toBe('1');
    expect(root?.getAttribute('data-sda-linked-total')).toBe('1');
    expect(root?.getAttribute('data-unknown-count')).toBe('1');
    expect(root?.getAttribute('data-error-count')).toBe('1');
    const first = root?.querySelector('[data-service-ref="MC-1"]');
    expect(first?.getAttribute('data-status')).toBe('unknown');
    expect(first?.getAttribute('data-terminable')).toBe('1');
    const full = first?.querySelector('[data-licence="Licence full"]');
    expect([
      full?.getAttribute('data-subscribed'),
      full?.getAttribute('data-active'),
      full?.getAttribute('data-terminable'),
    ]).toEqual(['2', '1', '1']);
    const svi = first?.querySelector('[data-licence="Licence SVI"]');
    expect(svi?.hasAttribute('data-terminable')).toBe(false);
    expect(svi?.hasAttribute('data-subscribed')).toBe(false);
    expect(first?.textContent).toContain('non reconnu — nombre illisible');
    expect(first?.querySelector('a')?.getAttribute('href')).toBe('https://p.example/s/1');
  });

  it('an error row says why and retries', () => {
    const retry = vi.fn();
    const { getByRole, container } = view(state(), retry);
    expect(container.querySelector('[data-service-ref="MC-2"]')?.textContent).toContain(
      'erreur — erreur du portail',
    );
    getByRole('button', { name: 'Réessayer' }).click();
    expect(retry).toHaveBeenCalledWith('MC-2');
  });

  it('totals over services not read whole are "at least" figures; an error row shows no figure, a partly read one "≥"', () => {
    const { container } = view(state());
    const root = container.querySelector('mla-audit');
    expect(root?.getAttribute('data-totals-lower-bound')).toBe('true');
    expect(root?.querySelector('.totals')?.textContent).toMatch(
      /^Résiliables\s:\sau moins 1 · liées à un numéro\s:\sau moins 1/,
    );
    const cells = (ref: string) =>
      Array.from(root?.querySelectorAll(`[data-service-ref="${ref}"] td.number`) ?? []).map(
        (cell) => cell.textContent,
      );
    expect(cells('MC-2')).toEqual(['—', '—']);
    expect(cells('MC-1')).toEqual(['≥ 1', '≥ 1']);
  });

  it('totals over services all read whole are plain figures', () => {
    const s = state();
    s.services = s.services.slice(0, 1);
    s.rows = {
      'MC-1': {
        ...partlyReadRow('MC-1'),
        status: 'ok',
        reason: null,
        licences: partlyReadRow('MC-1').licences.slice(0, 1),
      },
    };
    const { container } = view(s);
    expect(container.querySelector('.totals')?.textContent).toMatch(/^Résiliables\s:\s1 · liées/);
    expect(container.querySelector('[data-service-ref="MC-1"] td.number')?.textContent).toBe('1');
  });

  it('a list read to its end with fewer pages than it announced says services may be missing', () => {
    const s = state();
    s.listPagesRead = 2;
    s.listPagesTotal = 3;
    const { container } = view(s);
    expect(container.querySelector('[data-list-incomplete]')?.textContent).toContain(
      'des services peuvent manquer',
    );
    s.listPagesTotal = 2;
    cleanup();
    expect(view(s).container.querySelector('[data-list-incomplete]')).toBeNull();
  });

  it('a session pause says to log in again, then resume', () => {
    const s = state();
    s.phase = 'paused';
    s.pauseReason = 'session';
    const { getByRole } = view(s);
    expect(getByRole('alert').textContent).toMatch(/Session expirée\s:\sreconnectez-vous puis reprenez\./);
    expect(getByRole('button', { name: 'Reprendre' })).toBeTruthy();
  });
});
