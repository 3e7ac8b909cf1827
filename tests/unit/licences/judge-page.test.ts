import { describe, expect, it } from 'vitest';
import {
  type DialogReading,
  EMPTY_MEMORY,
  judgePage,
  type PageMemory,
  type PageReading,
  type RowReading,
  rememberSent,
} from '../../../lib/licences/judge-page';
import type { CountProblem } from '../../../lib/licences/types';
import { sameLicence } from '../../../lib/portal/labels';
import type { CountLegend } from '../../../lib/portal/types';

function row(label: string, active: number, subscribed: number): RowReading {
  return { label, rawCount: `${active} / ${subscribed}`, count: { active, subscribed }, problem: null };
}
function broken(label: string, rawCount: string, problem: CountProblem): RowReading {
  return { label, rawCount, count: null, problem };
}
function dialog(licenceLabel: string, subscribed: number | null, active: number | null, root: object = {}) {
  return { root, licenceLabel, subscribed, active } satisfies DialogReading;
}
function reading(
  rows: RowReading[],
  dialogs: DialogReading[] = [],
  legend: CountLegend = { kind: 'none' },
): PageReading {
  return { rows, dialogs, legend, sameLicence };
}

const FULL = row('Licence full', 1, 2);
const SIMPLE = row('Licence simple', 1, 1);

describe('judgePage', () => {
  it.each<{
    name: string;
    page: PageReading;
    states: string[];
    reasons: (string | null)[];
    summary: { terminableTotal: number; sdaLinkedTotal: number; unknownCount: number };
    dialogs?: unknown[];
  }>([
    {
      name: 'rows and no dialog',
      page: reading([FULL, SIMPLE, row('Licence SVI', 0, 0)]),
      states: ['terminable', 'sda-linked', 'none'],
      reasons: [null, null, null],
      summary: { terminableTotal: 1, sdaLinkedTotal: 2, unknownCount: 0 },
    },
    {
      name: 'a dialog that agrees with its row',
      page: reading([FULL, SIMPLE], [dialog('licence full', 2, 1)]),
      states: ['terminable', 'sda-linked'],
      reasons: [null, null],
      summary: { terminableTotal: 1, sdaLinkedTotal: 2, unknownCount: 0 },
      dialogs: [{ kind: 'max', max: 1 }],
    },
    {
      name: 'a dialog that disagrees with its row',
      page: reading([FULL, SIMPLE], [dialog('licence full', 3, 1)]),
      states: ['unknown', 'sda-linked'],
      reasons: ['dialog-disagrees', null],
      summary: { terminableTotal: 0, sdaLinkedTotal: 1, unknownCount: 1 },
      // More than the least of the dialog's 3 − 1 and the row's 2 − 1 is impossible by either.
      dialogs: [{ kind: 'unknown', reason: 'dialog-disagrees', atMost: 1 }],
    },
    {
      name: 'a legend that gives the count another meaning',
      page: reading([FULL, SIMPLE], [dialog('Licence full', 2, 1)], {
        kind: 'other',
        text: 'disponibles / total',
      }),
      states: ['unknown', 'unknown'],
      reasons: ['legend-disagrees', 'legend-disagrees'],
      summary: { terminableTotal: 0, sdaLinkedTotal: 0, unknownCount: 2 },
      dialogs: [{ kind: 'unknown', reason: 'legend-disagrees', atMost: 1 }],
    },
    {
      name: 'a legend that confirms the reading',
      page: reading([FULL], [], { kind: 'active-of-subscribed', text: 'actives / souscrites' }),
      states: ['terminable'],
      reasons: [null],
      summary: { terminableTotal: 1, sdaLinkedTotal: 1, unknownCount: 0 },
    },
    {
      name: 'rows that cannot be read',
      page: reading(
        [
          broken('Licence full', '3 / 2', 'active-exceeds-subscribed'),
          broken('Licence SVI', '', 'missing'),
          SIMPLE,
        ],
        [dialog('Licence full', 2, 1), dialog('Licence simple', 1, 1)],
      ),
      states: ['unknown', 'unknown', 'sda-linked'],
      reasons: ['active-exceeds-subscribed', 'missing', null],
      summary: { terminableTotal: 0, sdaLinkedTotal: 1, unknownCount: 2 },
      dialogs: [
        { kind: 'unknown', reason: 'active-exceeds-subscribed', atMost: 1 },
        { kind: 'max', max: 0 },
      ],
    },
    {
      name: 'rows of the block with a count but no licence label (a total, a misspelt label)',
      page: { ...reading([FULL, SIMPLE]), unreadRows: 2 },
      states: ['terminable', 'sda-linked'],
      reasons: [null, null],
      summary: { terminableTotal: 1, sdaLinkedTotal: 2, unknownCount: 2 },
    },
    {
      name: 'a licence twice, and several blocks (the reader marks the rows, the verdict keeps them unknown)',
      page: reading(
        [
          broken('Licence full', '1 / 2', 'duplicate-licence'),
          broken('Licence full', '0 / 5', 'duplicate-licence'),
          broken('Licence simple', '1 / 1', 'several-blocks'),
        ],
        [dialog('Licence full', 2, 1)],
      ),
      states: ['unknown', 'unknown', 'unknown'],
      reasons: ['duplicate-licence', 'duplicate-licence', 'several-blocks'],
      summary: { terminableTotal: 0, sdaLinkedTotal: 0, unknownCount: 3 },
      dialogs: [{ kind: 'unknown', reason: 'duplicate-licence', atMost: 1 }],
    },
    {
      name: 'a dialog whose quantities cannot be read',
      page: reading([FULL], [dialog('Licence full', null, 1), dialog('Licence SVI', 1, 2)]),
      states: ['terminable'],
      reasons: [null],
      summary: { terminableTotal: 1, sdaLinkedTotal: 1, unknownCount: 0 },
      dialogs: [
        // Bounded by its row (1 terminable); the other has neither readable quantities nor a row.
        { kind: 'unknown', reason: 'dialog-unreadable', atMost: 1 },
        { kind: 'unknown', reason: 'dialog-unreadable' },
      ],
    },
    {
      name: 'a dialog for a licence the table does not list',
      page: reading([FULL], [dialog('Licence fax entreprise', 4, 1)]),
      states: ['terminable'],
      reasons: [null],
      summary: { terminableTotal: 1, sdaLinkedTotal: 1, unknownCount: 0 },
      dialogs: [{ kind: 'max', max: 3 }],
    },
  ])('$name', ({ page, states, reasons, summary, dialogs }) => {
    const verdict = judgePage(page, EMPTY_MEMORY);
    expect(verdict.licences.map((licence) => licence.state)).toEqual(states);
    expect(verdict.licences.map((licence) => licence.reason)).toEqual(reasons);
    for (const licence of verdict.licences)
      if (licence.state === 'unknown')
        expect([licence.subscribed, licence.active, licence.terminable]).toEqual([null, null, null]);
    expect(verdict.summary).toEqual(summary);
    if (dialogs) expect(verdict.dialogs).toEqual(dialogs);
  });

  it('remembers a disagreement after the dialog closes, for as long as the row shows the same count', () => {
    const root = {};
    const first = judgePage(reading([FULL, SIMPLE], [dialog('Licence full', 3, 1, root)]), EMPTY_MEMORY);
    expect(first.memory.disagreements).toEqual([{ label: 'Licence full', rawCount: '1 / 2' }]);
    const closed = judgePage(reading([FULL, SIMPLE]), first.memory);
    expect(closed.licences[0]).toMatchObject({ state: 'unknown', reason: 'dialog-disagrees' });
    expect(closed.licences[1]?.state).toBe('sda-linked');
    // A new count (after a termination) is judged afresh.
    const changed = judgePage(reading([row('licence full ⓘ', 1, 3), SIMPLE]), closed.memory);
    expect(changed.licences[0]).toMatchObject({ state: 'terminable', terminable: 2 });
  });

  it('does not take the dialog left open over a new table (after Confirmer) for a disagreement', () => {
    const root = {};
    const opened = judgePage(reading([FULL], [dialog('Licence full', 2, 1, root)]), EMPTY_MEMORY);
    // The portal replaced the block (2 → 1 subscribed); the dialog still shows what it opened with.
    const after = judgePage(
      reading([row('Licence full', 1, 1)], [dialog('Licence full', 2, 1, root)]),
      opened.memory,
    );
    expect(after.licences[0]).toMatchObject({ state: 'sda-linked', reason: null });
    expect(after.memory.disagreements).toEqual([]);
    // Its maximum is stale: not the old 1, "table changed" — and no more than the new table's 0.
    expect(after.dialogs[0]).toEqual({ kind: 'unknown', reason: 'table-changed', atMost: 0 });
    // The same dialog element opened afresh, for the new table, is compared again.
    const reopened = judgePage(
      reading([row('Licence full', 1, 1)], [dialog('Licence full', 1, 1, root)]),
      after.memory,
    );
    expect(reopened.licences[0]?.state).toBe('sda-linked');
    expect(reopened.dialogs[0]).toEqual({ kind: 'max', max: 0 });
    expect(reopened.memory.dialogsSeen).toEqual([
      { root, licenceLabel: 'Licence full', subscribed: 1, active: 1, rawCount: '1 / 1' },
    ]);
  });

  it.each([
    ['another count', [row('Licence full', 1, 3)]],
    ['no row any more (the pane reloading)', []],
  ])(
    'makes the open dialog’s maximum unknown when the table shows %s (no more than the dialog allowed), and back when it is as before',
    (_name, changed) => {
      const root = {};
      const full = [dialog('Licence full', 2, 1, root)];
      const opened = judgePage(reading([FULL], full), EMPTY_MEMORY);
      expect(opened.dialogs[0]).toEqual({ kind: 'max', max: 1 });
      const after = judgePage(reading(changed, full), opened.memory);
      expect(after.dialogs[0]).toEqual({ kind: 'unknown', reason: 'table-changed', atMost: 1 });
      expect(judgePage(reading([FULL], full), after.memory).dialogs[0]).toEqual({ kind: 'max', max: 1 });
    },
  );

  it('bounds a dialog left open after another termination by what the row allows now', () => {
    const root = {};
    const full = [dialog('Licence full', 3, 1, root)];
    const opened = judgePage(reading([row('Licence full', 1, 3)], full), EMPTY_MEMORY);
    expect(opened.dialogs[0]).toEqual({ kind: 'max', max: 2 });
    const after = judgePage(reading([row('Licence full', 1, 2)], full), opened.memory);
    expect(after.dialogs[0]).toEqual({ kind: 'unknown', reason: 'table-changed', atMost: 1 });
  });

  it('is pure: the memory it is given is left as it was', () => {
    const memory: PageMemory = { disagreements: [], dialogsSeen: [] };
    const snapshot = JSON.stringify(memory);
    const page = reading([FULL], [dialog('Licence full', 3, 1)]);
    const once = judgePage(page, memory);
    expect(JSON.stringify(memory)).toBe(snapshot);
    expect(judgePage(page, memory)).toEqual(once);
  });
});

describe('judgePage: the numbers the page shows holding a licence check its count', () => {
  /** What the runtime passes (counted by `licenceKey` in page-view.ts): counted with `sameLicence` here. */
  const held =
    (...labels: string[]) =>
    (label: string) =>
      labels.filter((other) => sameLicence(other, label)).length;

  it.each<[string, RowReading, (label: string) => number, string, string | null]>([
    ['as many numbers as actives', FULL, held('Licence full'), 'terminable', null],
    ['fewer numbers than actives (one page of a longer table)', FULL, held(), 'terminable', null],
    [
      'a number held by a licence counted 0 active ("free / total" read as "active / subscribed")',
      row('Licence full', 0, 1),
      held('LICENCE FULL'),
      'unknown',
      'sda-disagrees',
    ],
    [
      'two numbers for one active',
      SIMPLE,
      held('Licence simple', 'licence simple'),
      'unknown',
      'sda-disagrees',
    ],
    [
      'numbers of another licence',
      row('Licence full', 0, 1),
      held('Licence full avancée', 'Licence SVI'),
      'terminable',
      null,
    ],
  ])('%s', (_, counted, numbers, state, reason) => {
    const verdict = judgePage({ ...reading([counted]), numbersHolding: numbers }, EMPTY_MEMORY);
    expect(verdict.licences[0]?.state).toBe(state);
    expect(verdict.licences[0]?.reason).toBe(reason);
    expect(verdict.licences[0]?.terminable ?? null).toBe(
      state === 'unknown' ? null : counted.count!.subscribed - counted.count!.active,
    );
  });

  it("counts the row with the unknown ones, and its dialog gets no maximum, only the dialog's own bound", () => {
    const page = {
      ...reading([row('Licence full', 0, 1), SIMPLE], [dialog('Licence full', 1, 0)]),
      numbersHolding: held('Licence full'),
    };
    const verdict = judgePage(page, EMPTY_MEMORY);
    expect(verdict.summary).toEqual({ terminableTotal: 0, sdaLinkedTotal: 1, unknownCount: 1 });
    // The dialog's own 1 − 0 still bounds it: the numbers' reading (0) is an inference, not a limit shown.
    expect(verdict.dialogs).toEqual([{ kind: 'unknown', reason: 'sda-disagrees', atMost: 1 }]);
  });
});

describe('judgePage: a termination sent while the row still shows the count it had', () => {
  const modal = {};
  const sentFull = rememberSent(EMPTY_MEMORY, modal, FULL, sameLicence);

  it('once its dialog is closed, shows the row as unknown (its count may predate it), the others as read', () => {
    const verdict = judgePage(reading([FULL, SIMPLE]), sentFull);
    expect(verdict.licences.map((licence) => licence.reason)).toEqual(['termination-sent', null]);
    expect(verdict.licences[0]?.terminable).toBeNull();
    expect(verdict.summary).toEqual({ terminableTotal: 0, sdaLinkedTotal: 1, unknownCount: 1 });
  });

  it('reads the row as shown while the dialog stays open (an error), and after the operator cancelled it', () => {
    const open = judgePage(reading([FULL], [dialog('Licence full', 2, 1, modal)]), sentFull);
    expect(open.licences[0]?.state).toBe('terminable');
    expect(open.dialogs).toEqual([{ kind: 'max', max: 1 }]);
    const cancelled = rememberSent(open.memory, modal, null, sameLicence);
    expect(judgePage(reading([FULL]), cancelled).licences[0]?.state).toBe('terminable');
  });

  it('keeps it while the block is away (reloading), and while the row shows another count (inert)', () => {
    const away = judgePage(reading([]), sentFull);
    expect(away.memory.sent).toHaveLength(1);
    const updated = judgePage(reading([row('Licence full', 1, 1), SIMPLE]), away.memory);
    expect(updated.licences[0]).toMatchObject({ state: 'sda-linked', reason: null });
    // Back to the old count later (maybe the first service shown again, its count stale): in doubt.
    expect(judgePage(reading([FULL]), updated.memory).licences[0]?.reason).toBe('termination-sent');
  });
});

describe('judgePage: the one dialog element sends for two licences, a row re-rendered through an unreadable step', () => {
  it('a send for another licence from the same element keeps the first licence’s termination', () => {
    const modal = {};
    const closed = judgePage(reading([FULL, SIMPLE]), rememberSent(EMPTY_MEMORY, modal, FULL, sameLicence));
    const both = rememberSent(closed.memory, modal, SIMPLE, sameLicence);
    expect(judgePage(reading([FULL, SIMPLE]), both).licences.map((licence) => licence.reason)).toEqual([
      'termination-sent',
      'termination-sent',
    ]);
  });

  it.each([
    ['emptied', ''],
    ['« Chargement... »', 'Chargement...'],
  ])('a count %s in between is no new count: the doubt stays', (_how, text) => {
    const sent = rememberSent(EMPTY_MEMORY, {}, FULL, sameLicence);
    const step = judgePage(reading([{ ...FULL, rawCount: text, count: null }]), sent);
    expect(step.memory.sent).toHaveLength(1);
    expect(judgePage(reading([FULL]), step.memory).licences[0]?.reason).toBe('termination-sent');
  });
});

describe('judgePage: a termination sent, then another service (or the same one) shown without a reload', () => {
  const sentOnA = rememberSent(EMPTY_MEMORY, {}, FULL, sameLicence);

  it('a row with the same count is in doubt; another count shows as read and does not end the doubt', () => {
    const sameCount = judgePage(reading([FULL]), sentOnA);
    expect(sameCount.licences[0]?.reason).toBe('termination-sent');
    const otherCount = judgePage(reading([row('Licence full', 1, 1)]), sameCount.memory);
    expect(otherCount.licences[0]?.reason).toBeNull();
    expect(otherCount.memory.sent).toHaveLength(1);
    expect(judgePage(reading([FULL]), otherCount.memory).licences[0]?.reason).toBe('termination-sent');
  });

  it('a termination sent from another count keeps the first (0 / 3 sent, then 1 / 2 sent, back at 0 / 3)', () => {
    const three = row('Licence full', 0, 3);
    const first = rememberSent(EMPTY_MEMORY, {}, three, sameLicence, { value: 1 });
    const second = rememberSent(first, {}, row('Licence full', 1, 2), sameLicence, { value: 1 });
    expect(judgePage(reading([three]), second).licences[0]?.reason).toBe('termination-sent');
  });

  it('sent again from the same count: both add up (0 / 3, 1 and 1: at most 1)', () => {
    const three = row('Licence full', 0, 3);
    const modal = {};
    const first = rememberSent(EMPTY_MEMORY, modal, three, sameLicence, { value: 1 });
    const closed = judgePage(reading([three]), first).memory;
    const second = rememberSent(closed, modal, three, sameLicence, { value: 1 });
    const open = judgePage(reading([three], [dialog('Licence full', 3, 0, {})]), second);
    expect(open.dialogs).toEqual([{ kind: 'unknown', reason: 'termination-sent', atMost: 1 }]);
  });
});

describe('judgePage: a dialog closed, then opened again over another table', () => {
  it('compares it with the table it opens over now, not the one it first opened over', () => {
    const modal = {};
    const first = judgePage(reading([FULL], [dialog('Licence full', 2, 1, modal)]), EMPTY_MEMORY);
    expect(first.licences[0]?.state).toBe('terminable');
    const closed = judgePage(reading([FULL]), first.memory);
    expect(closed.memory.dialogsSeen).toEqual([]);
    // Another service (single-page navigation) or the table changed: 0 / 3, and the same dialog element
    // opens again with the very quantities it showed before, which 0 / 3 contradicts.
    const other = row('Licence full', 0, 3);
    const reopened = judgePage(reading([other], [dialog('Licence full', 2, 1, modal)]), closed.memory);
    expect(reopened.licences[0]).toMatchObject({ state: 'unknown', reason: 'dialog-disagrees' });
    // The dialog's 2 − 1 and the row's 3 − 0: more than 1 is impossible by both.
    expect(reopened.dialogs).toEqual([{ kind: 'unknown', reason: 'dialog-disagrees', atMost: 1 }]);
  });
});

describe('judgePage: a termination sent from a dialog whose title names no row', () => {
  const modal = {};
  // `Résiliation de 2 licences full`, a licence the block does not show: any row may be the one.
  const sentUnbound = rememberSent(EMPTY_MEMORY, modal, [FULL, SIMPLE], sameLicence);

  it('once the dialog is closed, shows every row unknown while it shows the count it had', () => {
    const verdict = judgePage(reading([FULL, SIMPLE]), sentUnbound);
    expect(verdict.licences.map((licence) => licence.reason)).toEqual([
      'termination-sent',
      'termination-sent',
    ]);
    expect(verdict.summary).toEqual({ terminableTotal: 0, sdaLinkedTotal: 0, unknownCount: 2 });
    // Open, the dialog's own quantities decide; the rows are read as shown.
    const open = judgePage(reading([FULL, SIMPLE], [dialog('', 2, 1, modal)]), sentUnbound);
    expect(open.licences.map((licence) => licence.reason)).toEqual([null, null]);
  });

  it('one row showing another count is read as it shows; the others stay in doubt (which was it?)', () => {
    const verdict = judgePage(reading([row('Licence full', 1, 1), SIMPLE]), sentUnbound);
    expect(verdict.licences.map((licence) => licence.reason)).toEqual([null, 'termination-sent']);
  });

  it('a cancel forgets them; a bound send replaces only its own row', () => {
    expect(
      judgePage(reading([FULL, SIMPLE]), rememberSent(sentUnbound, modal, null, sameLicence)).licences.map(
        (l) => l.reason,
      ),
    ).toEqual([null, null]);
    const bound = rememberSent(sentUnbound, {}, SIMPLE, sameLicence);
    expect(bound.sent?.map((entry) => [entry.label, entry.unbound ?? false])).toEqual([
      ['Licence full', true],
      ['Licence simple', false],
    ]);
  });
});

describe('judgePage: the dialog opened again after a termination the page closed, the row unchanged', () => {
  const modal = {};
  const at2of3 = { subscribed: 3, active: 0 };
  const ZERO_OF_3 = row('Licence full', 0, 3);
  /** Sent `value` from `modal` over `counted`, then the page closed the dialog. */
  const sentAndClosed = (counted: RowReading, value: number | undefined, quantities = at2of3) =>
    judgePage(
      reading([counted]),
      rememberSent(EMPTY_MEMORY, modal, counted, sameLicence, {
        ...(value === undefined ? {} : { value }),
        quantities,
      }),
    ).memory;

  it.each<[string, RowReading, number | undefined, DialogReading, unknown]>([
    // The card: 1 / 2, one sent, the same element shows souscrite 2 · active 1 again.
    [
      'the card, same quantities: nothing left',
      FULL,
      1,
      dialog('Licence full', 2, 1, modal),
      { kind: 'unknown', reason: 'termination-sent', atMost: 0 },
    ],
    [
      '0 / 3, one sent, not refreshed: two at most',
      ZERO_OF_3,
      1,
      dialog('Licence full', 3, 0, modal),
      { kind: 'unknown', reason: 'termination-sent', atMost: 2 },
    ],
    [
      'a new element with the old quantities: the same',
      ZERO_OF_3,
      1,
      dialog('Licence full', 3, 0),
      { kind: 'unknown', reason: 'termination-sent', atMost: 2 },
    ],
    [
      'the dialog refreshed (souscrite 2): its own count is not reduced again, the row is',
      ZERO_OF_3,
      2,
      dialog('Licence full', 2, 0),
      { kind: 'unknown', reason: 'termination-sent', atMost: 1 },
    ],
    [
      'the quantity sent not read: unknown, bounded as read',
      ZERO_OF_3,
      undefined,
      dialog('Licence full', 3, 0, modal),
      { kind: 'unknown', reason: 'termination-sent', atMost: 3 },
    ],
  ])('%s', (_, counted, value, reopened, limit) => {
    const verdict = judgePage(reading([counted], [reopened]), sentAndClosed(counted, value));
    expect(verdict.licences[0]).toMatchObject({ state: 'unknown', reason: 'termination-sent' });
    expect(verdict.dialogs).toEqual([limit]);
  });

  it('a cancel of the reopened dialog keeps the doubt; a second send adds up; the row changed ends it', () => {
    const closed = sentAndClosed(ZERO_OF_3, 1);
    const reopened = judgePage(reading([ZERO_OF_3], [dialog('Licence full', 3, 0, modal)]), closed);
    const cancelled = rememberSent(reopened.memory, modal, null, sameLicence);
    expect(judgePage(reading([ZERO_OF_3]), cancelled).licences[0]?.reason).toBe('termination-sent');
    const again = rememberSent(reopened.memory, modal, ZERO_OF_3, sameLicence, {
      value: 1,
      quantities: at2of3,
    });
    // That second send cancelled (the page kept the dialog): the first is still in doubt, alone.
    const undone = rememberSent(again, modal, null, sameLicence);
    expect(judgePage(reading([ZERO_OF_3], [dialog('Licence full', 3, 0, modal)]), undone).dialogs).toEqual([
      { kind: 'unknown', reason: 'termination-sent', atMost: 2 },
    ]);
    const twice = judgePage(reading([ZERO_OF_3]), again).memory;
    expect(judgePage(reading([ZERO_OF_3], [dialog('Licence full', 3, 0, modal)]), twice).dialogs).toEqual([
      { kind: 'unknown', reason: 'termination-sent', atMost: 1 },
    ]);
    const updated = row('Licence full', 0, 1);
    expect(judgePage(reading([updated], [dialog('Licence full', 1, 0, modal)]), twice).dialogs).toEqual([
      { kind: 'max', max: 1 },
    ]);
  });
});
