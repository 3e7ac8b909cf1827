import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCrossCheck, applyLegend, assessLicence, summarise } from '../../../lib/licences/assess';
import type { CountProblem, LicenceAssessment } from '../../../lib/licences/types';
import { CARD_ROWS } from '../fixtures/card';

function row(label: string, active: number, subscribed: number) {
  return { label, count: { active, subscribed }, problem: null };
}

const cardAssessments = () =>
  CARD_ROWS.map((card) => assessLicence(row(card.label, card.active, card.subscribed)));

describe('assessLicence', () => {
  it('assesses the card rows', () => {
    expect(cardAssessments().map((a) => [a.label, a.state, a.terminable])).toEqual([
      ['Licence simple', 'sda-linked', 0],
      ['Licence full', 'terminable', 1],
      ['Licence full avancée', 'none', 0],
      ['Licence full meeting', 'sda-linked', 0],
      ['Licence full meeting avancée', 'sda-linked', 0],
      ['Licence full conferencing', 'sda-linked', 0],
      ['Licence fax entreprise', 'sda-linked', 0],
      ['Licence SVI', 'sda-linked', 0],
    ]);
  });

  it('keeps the numbers it was given', () => {
    expect(assessLicence(row('Licence full', 1, 2))).toEqual({
      label: 'Licence full',
      state: 'terminable',
      subscribed: 2,
      active: 1,
      terminable: 1,
      reason: null,
    });
    expect(assessLicence(row('Licence full', 0, 3)).terminable).toBe(3);
  });

  it.each<CountProblem>(['missing', 'not-a-number', 'negative', 'active-exceeds-subscribed', 'ambiguous'])(
    'turns the problem %s into unknown without numbers',
    (problem) => {
      expect(assessLicence({ label: 'Licence full', count: null, problem })).toEqual({
        label: 'Licence full',
        state: 'unknown',
        subscribed: null,
        active: null,
        terminable: null,
        reason: problem,
      });
    },
  );

  it('does not trust impossible counts even without a problem', () => {
    expect(assessLicence(row('Licence full', 3, 2)).reason).toBe('active-exceeds-subscribed');
    expect(assessLicence(row('Licence full', -1, 2)).reason).toBe('negative');
    expect(assessLicence(row('Licence full', 0.5, 2)).reason).toBe('not-a-number');
    expect(assessLicence({ label: 'Licence full', count: null, problem: null }).reason).toBe('missing');
  });

  it('keeps its invariants for any whole counts', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
        const assessment = assessLicence(row('Licence x', a, b));
        if (a > b) {
          expect(assessment.state).toBe('unknown');
          expect(assessment.terminable).toBeNull();
          return;
        }
        expect(assessment.terminable).toBe(b - a);
        expect(assessment.terminable).toBeGreaterThanOrEqual(0);
        const expected = b === 0 ? 'none' : b - a > 0 ? 'terminable' : 'sda-linked';
        expect(assessment.state).toBe(expected);
        expect([assessment.active, assessment.subscribed, assessment.reason]).toEqual([a, b, null]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('applyLegend', () => {
  const full = () => assessLicence(row('Licence full', 1, 2));

  it('keeps the numbers when the legend agrees or says nothing', () => {
    expect(applyLegend(full(), { kind: 'none' })).toEqual(full());
    expect(applyLegend(full(), { kind: 'active-of-subscribed', text: 'actives / souscrites' })).toEqual(
      full(),
    );
  });

  it('hides the numbers when the legend says something else', () => {
    expect(applyLegend(full(), { kind: 'other', text: 'disponibles / total' })).toMatchObject({
      state: 'unknown',
      reason: 'legend-disagrees',
      terminable: null,
    });
  });

  it('keeps an earlier reason', () => {
    const unknown = assessLicence({ label: 'Licence full', count: null, problem: 'missing' });
    expect(applyLegend(unknown, { kind: 'other', text: 'x' }).reason).toBe('missing');
  });
});

describe('applyCrossCheck', () => {
  const full = () => assessLicence(row('Licence full', 1, 2));

  it('keeps the card row when the card dialog agrees (souscrite 2, active 1)', () => {
    expect(applyCrossCheck(full(), { subscribed: 2, active: 1 })).toEqual(full());
  });

  it.each([
    [{ subscribed: 1, active: 2 }],
    [{ subscribed: 2, active: 0 }],
    [{ subscribed: 3, active: 1 }],
    [{ subscribed: null, active: 0 }],
  ])('hides the numbers when the dialog disagrees: %j', (dialog) => {
    expect(applyCrossCheck(full(), dialog)).toMatchObject({ state: 'unknown', reason: 'dialog-disagrees' });
  });

  it('gives no verdict on quantities the dialog does not show', () => {
    expect(applyCrossCheck(full(), { subscribed: null, active: null })).toEqual(full());
    expect(applyCrossCheck(full(), { subscribed: 2, active: null })).toEqual(full());
  });

  it('keeps an earlier reason', () => {
    const unknown = assessLicence({ label: 'Licence full', count: null, problem: 'ambiguous' });
    expect(applyCrossCheck(unknown, { subscribed: 2, active: 1 }).reason).toBe('ambiguous');
  });
});

describe('summarise', () => {
  it('totals the card: 1 terminable, 7 held by numbers', () => {
    expect(summarise(cardAssessments())).toEqual({ terminableTotal: 1, sdaLinkedTotal: 7, unknownCount: 0 });
  });

  it('counts unknown rows apart', () => {
    const assessments: LicenceAssessment[] = [
      ...cardAssessments(),
      assessLicence({ label: 'Licence x', count: null, problem: 'ambiguous' }),
    ];
    expect(summarise(assessments)).toEqual({ terminableTotal: 1, sdaLinkedTotal: 7, unknownCount: 1 });
    expect(summarise([])).toEqual({ terminableTotal: 0, sdaLinkedTotal: 0, unknownCount: 0 });
  });
});
