// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AuditRow, AuditState } from '../../../lib/audit/types';
import { newAuditState } from '../../../lib/audit/types';
import { auditTotals, licenceColumns, requestsLeft, shownRows, timeLeftMs } from '../../../lib/audit/view';

function service(ref: string, name: string) {
  return { ref, name, client: 'C', account: 'A', site: 'S', url: `https://p.example/${ref}` };
}
function row(ref: string, status: AuditRow['status'], terminable: number, labels: string[] = []): AuditRow {
  return {
    ref,
    status,
    terminable,
    sdaLinked: 1,
    reason: status === 'ok' ? null : 'server',
    licences: labels.map((label) => ({
      label,
      state: 'terminable',
      subscribed: 2,
      active: 1,
      terminable: 1,
      reason: null,
    })),
  };
}

function state(): AuditState {
  const s = newAuditState('https://p.example', 'https://p.example/l', 0);
  s.services = [
    service('MC-3', 'Zèbre'),
    service('MC-1', 'étoile'),
    service('MC-2', 'Alpha'),
    service('MC-4', 'Pending'),
  ];
  s.rows = {
    'MC-3': row('MC-3', 'ok', 2, ['Licence SVI', 'Licence full']),
    'MC-1': row('MC-1', 'error', 0),
    'MC-2': row('MC-2', 'unknown', 5, ['Licence opérateur', 'Licence simple']),
  };
  s.nextListUrl = null;
  return s;
}

describe('audit view', () => {
  it('totals count judged services only, errors and unknowns apart', () => {
    expect(auditTotals(state())).toEqual({
      done: 3,
      total: 4,
      terminable: 7,
      sdaLinked: 3,
      unknown: 1,
      errors: 1,
      lowerBound: true,
    });
  });

  it('the announced count stands until the list is all read', () => {
    const s = state();
    s.nextListUrl = 'https://p.example/l?page=2';
    s.expectedServices = 60;
    expect(auditTotals(s).total).toBe(60);
  });

  it('requests left: two per pending service plus the list pages not read', () => {
    const s = state();
    expect(requestsLeft(s)).toBe(2);
    s.nextListUrl = 'https://p.example/l?page=2';
    s.listPagesRead = 1;
    s.listPagesTotal = 3;
    s.expectedServices = 4;
    expect(requestsLeft(s)).toBe(4);
  });

  it('time left from the pace seen, else from the pace limit', () => {
    const s = state();
    expect(timeLeftMs(s, 0, 4)).toBe(500);
    expect(timeLeftMs(s, 0, 0)).toBeNull();
    s.requests = 10;
    expect(timeLeftMs(s, 5000, 4)).toBe(1000);
  });

  it('licence columns: the card order first, then the others', () => {
    expect(licenceColumns(Object.values(state().rows))).toEqual([
      'Licence simple',
      'Licence full',
      'Licence SVI',
      'Licence opérateur',
    ]);
  });

  it('filters to terminable services and sorts by any column (French collation, stable)', () => {
    expect(shownRows(state(), false, null).map((shown) => shown.service.ref)).toEqual([
      'MC-3',
      'MC-1',
      'MC-2',
    ]);
    expect(shownRows(state(), true, null).map((shown) => shown.service.ref)).toEqual(['MC-3', 'MC-2']);
    expect(
      shownRows(state(), false, { key: 'name', descending: false }).map((shown) => shown.service.name),
    ).toEqual(['Alpha', 'étoile', 'Zèbre']);
    expect(
      shownRows(state(), false, { key: 'terminable', descending: true }).map((shown) => shown.service.ref),
    ).toEqual(['MC-2', 'MC-3', 'MC-1']);
    expect(
      shownRows(state(), false, { key: 'status', descending: false }).map((shown) => shown.row.status),
    ).toEqual(['error', 'unknown', 'ok']);
    expect(
      shownRows(state(), false, { key: 'licence:Licence full', descending: true }).map(
        (shown) => shown.service.ref,
      ),
    ).toEqual(['MC-3', 'MC-1', 'MC-2']);
  });
});
