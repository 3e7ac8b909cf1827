import { afterEach, describe, expect, it } from 'vitest';
import type { DialogLimit } from '../../../lib/licences/judge-page';
import { pendingSent, type SendMemory, sendsTwice } from '../../../lib/runtime/send-memory';

afterEach(() => {
  document.body.innerHTML = '';
});

function memory(limit: DialogLimit = { kind: 'max', max: 1 }): SendMemory {
  document.body.innerHTML = '<div role="dialog"><p>Résiliation licence full</p></div>';
  return { dialog: document.querySelector('div') as HTMLElement, limit, sent: null };
}

/** The end of the current task: what the memory waits for before a new event is another send. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

type Step = [type: string, value: number, record: boolean, refused: boolean] | 'next task';

describe('sendsTwice: one send at a time, until the page answers', () => {
  it.each<[string, DialogLimit, Step[]]>([
    [
      'a click and its submit, one task: one send',
      { kind: 'max', max: 1 },
      [
        ['click', 1, true, false],
        ['submit', 1, true, false],
      ],
    ],
    [
      'a click, its submit, then a second submit in one task (1 of 1): that one refused',
      { kind: 'max', max: 1 },
      [
        ['click', 1, true, false],
        ['submit', 1, true, false],
        ['submit', 1, false, true],
      ],
    ],
    [
      'two clicks in one task (1 of 1): the second refused',
      { kind: 'max', max: 1 },
      [
        ['click', 1, true, false],
        ['click', 1, false, true],
      ],
    ],
    [
      'a click, then another in the next task (1 of 1): refused',
      { kind: 'max', max: 1 },
      [['click', 1, true, false], 'next task', ['submit', 1, false, true], ['click', 1, false, true]],
    ],
    [
      'what remains may be sent, not more (3 of 3: 1, 2, then 1)',
      { kind: 'max', max: 3 },
      [
        ['click', 1, true, false],
        'next task',
        ['click', 2, true, false],
        'next task',
        ['click', 1, false, true],
      ],
    ],
    [
      'a judgement not recorded leaves the memory as it was',
      { kind: 'max', max: 2 },
      [
        ['click', 1, false, false],
        ['click', 2, true, false],
      ],
    ],
    [
      'an unknown maximum without a bound: never refused',
      { kind: 'unknown', reason: 'table-changed' },
      [['click', 5, true, false], 'next task', ['click', 5, true, false]],
    ],
    [
      'an unknown maximum bounded at 1: the second refused',
      { kind: 'unknown', reason: 'table-changed', atMost: 1 },
      [['click', 1, true, false], 'next task', ['click', 1, false, true]],
    ],
  ])('%s', async (_name, limit, steps) => {
    const held = memory(limit);
    for (const step of steps) {
      if (step === 'next task') await nextTask();
      else expect(sendsTwice(held, step[0], step[1], step[2]), step.join(' ')).toBe(step[3]);
    }
  });

  it('sums what was let through, and keeps the dialog’s text then', async () => {
    const held = memory({ kind: 'max', max: 3 });
    sendsTwice(held, 'click', 1, true);
    await nextTask();
    sendsTwice(held, 'submit', 2, true);
    expect(held.sent).toMatchObject({ value: 3, text: 'Résiliation licence full', refused: false });
    expect(held.sent?.types).toEqual(new Set(['submit']));
    await nextTask();
    expect(held.sent?.types).toBeNull();
  });

  it('forgets the send once the page answered in the dialog (its text changed)', async () => {
    const held = memory();
    sendsTwice(held, 'click', 1, true);
    await nextTask();
    expect(pendingSent(held)?.value).toBe(1);
    held.dialog.append('Erreur : la demande n’a pas abouti.');
    expect(pendingSent(held)).toBeNull();
    expect(held.sent).toBeNull();
    expect(sendsTwice(held, 'click', 1, true)).toBe(false);
  });
});
