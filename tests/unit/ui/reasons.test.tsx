/**
 * Every « non reconnu » an operator can meet says why and what to do, in both languages, wherever it
 * is shown (badge and its disclosure, guard, popup), with no placeholder or code left in it.
 */
import { cleanup, render } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { LicenceAssessment, QuantityCheck, ShownReason } from '../../../lib/licences/types';
import { LicenceBadge } from '../../../lib/ui/LicenceBadge';
import { PopupView } from '../../../lib/ui/PopupView';
import { reasonText, wayOutText } from '../../../lib/ui/page-text';
import { knownReason, SHOWN_REASONS } from '../../../lib/ui/reasons';
import { type GuardView, TerminationGuard } from '../../../lib/ui/TerminationGuard';
import { en, fr, frAll } from './text';

afterEach(cleanup);

const TEXTS = { fr, en } as const;
/** What a message must never show: an unfilled placeholder, a value gone wrong, a reason's code. */
const LEFTOVERS = /\$\d|\$[A-Z]+\$|undefined|null|NaN|\[object Object\]/;
const CODES = new RegExp(
  `(?:^|[^\\w-])(?:${SHOWN_REASONS.filter((r) => r.includes('-')).join('|')})(?:[^\\w-]|$)`,
);
/** The way out is an instruction: it starts with (or holds) a verb telling what to do. */
const ACTION = {
  fr: /\b(Rechargez|rechargez|Fermez|Fiez-vous|Attendez|Vérifiez|Lisez|envoyez-la)\b/,
  en: /\b(Reload|reload|Close|Rely|Wait|Check|Read|send it)\b/,
};
/** English words an English message would hold and a French one never should. */
const ENGLISH = /\b(the|and|reload|dialog|count|row|check|not|is|page's)\b/i;

/** A row not recognised; a guard's own reason too, as an older or newer content script may send it. */
function unknown(reason: ShownReason): LicenceAssessment {
  const own = reason as LicenceAssessment['reason'];
  return {
    label: 'Licence full',
    state: 'unknown',
    subscribed: null,
    active: null,
    terminable: null,
    reason: own,
  };
}

describe('every reason', () => {
  it.each(SHOWN_REASONS)('%s: a why and a way out in French and English', (reason) => {
    for (const [language, text] of Object.entries(TEXTS) as [keyof typeof TEXTS, typeof fr][]) {
      const why = reasonText(reason, text);
      const wayOut = wayOutText(reason, text);
      expect(why, `${language} why`).not.toBe('');
      expect(wayOut, `${language} way out`).toMatch(ACTION[language]);
      // Its own message, not the fallback for a reason without one.
      if (reason !== 'missing') expect(why).not.toBe(reasonText('missing', text));
      for (const said of [why, wayOut]) {
        expect(said).not.toMatch(LEFTOVERS);
        expect(said).not.toMatch(CODES);
        if (language === 'fr') expect(said).not.toMatch(ENGLISH);
      }
    }
  });

  it('an unforeseen reason (another version’s) shows no code in the popup', () => {
    expect(knownReason('new-reason')).toBeNull();
    expect(knownReason('table-changed')).toBe('table-changed');
    const status = {
      recognised: true,
      licences: [unknown('new-reason' as ShownReason)],
      summary: { terminableTotal: 0, sdaLinkedTotal: 0, unknownCount: 1 },
    };
    const { container } = render(
      <PopupView
        state={{ kind: 'status', status }}
        text={frAll}
        onOpenOptions={() => {}}
        version="1"
        helpHref=""
      />,
    );
    expect(container.textContent).not.toMatch(/new-reason|reasonNew|wayOutNew/);
    expect(container.textContent).toContain('Non reconnue');
    expect(container.textContent).toContain(wayOutText('missing', frAll));
  });
});

describe('where the operator meets a reason', () => {
  it('the badge says why on the label’s line, and the way out in its « Pourquoi ? » disclosure', () => {
    const { container } = render(<LicenceBadge assessment={unknown('pending-note')} text={fr} />);
    const summary = container.querySelector('details > summary');
    expect(summary?.textContent).toBe(fr.t('sdaToggle'));
    expect(container.querySelector('.tag')?.textContent).toContain(reasonText('pending-note', fr));
    expect(container.querySelector('details')?.textContent).toContain(wayOutText('pending-note', fr));
  });

  it('the popup names each reason and says each way out once', () => {
    const status = {
      recognised: true,
      licences: [unknown('several-blocks'), { ...unknown('several-blocks'), label: 'Licence SVI' }],
      summary: { terminableTotal: 0, sdaLinkedTotal: 0, unknownCount: 2 },
    };
    const { container } = render(
      <PopupView
        state={{ kind: 'status', status }}
        text={frAll}
        onOpenOptions={() => {}}
        version="1"
        helpHref=""
      />,
    );
    const cells = Array.from(
      container.querySelectorAll('tbody td:first-of-type'),
      (cell) => cell.textContent,
    );
    expect(cells).toEqual(Array(2).fill(`Non reconnue\u00a0: ${reasonText('several-blocks', frAll)}`));
    const waysOut = Array.from(container.querySelectorAll('.next-step'), (p) => p.textContent);
    expect(waysOut).toEqual([wayOutText('several-blocks', frAll)]);
  });

  it('the guard announces, in its live region, the refusal with why the maximum is in doubt, the way out and a lagging copy', () => {
    const { getByRole } = render(
      <TerminationGuard
        view={{
          kind: 'unknown',
          reason: 'termination-sent',
          atMost: 1,
          check: { valid: false, reason: 'above-maximum' },
          blocks: 'confirm',
          lagging: '1',
        }}
        text={fr}
      />,
    );
    const live = getByRole('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.getAttribute('aria-atomic')).toBe('true');
    const said = live.textContent ?? '';
    expect(said).toContain('La quantité ne peut pas dépasser 1.');
    expect(said).toContain(fr.t('guardUnknownWhy', reasonText('termination-sent', fr)));
    expect(said).toContain(wayOutText('termination-sent', fr));
    expect(said).toContain('copie cachée');
  });

  it('the guard with no quantity input recognised says why and the way out in its live region', () => {
    const { getByRole } = render(
      <TerminationGuard
        view={{ kind: 'no-input', max: null, reason: 'table-changed', refusal: null, blocks: 'confirm' }}
        text={fr}
      />,
    );
    expect(getByRole('status').textContent).toContain(wayOutText('table-changed', fr));
  });
});

/** A value the page holds (anything, `$1` and `undefined` included), as the guard quotes it. */
const pageValue = fc.string({ maxLength: 20 }).filter((value) => !/[«»]/.test(value));
const reasonArb = fc.constantFrom(...SHOWN_REASONS);
const checkArb: fc.Arbitrary<QuantityCheck> = fc.oneof(
  fc.nat(99).map((value) => ({ valid: true as const, value })),
  fc
    .constantFrom(
      'empty',
      'not-a-number',
      'not-whole',
      'below-minimum',
      'above-maximum',
      'nothing-terminable',
    ) // every refusal
    .map((reason) => ({ valid: false as const, reason })),
  fc
    .array(pageValue, { minLength: 2, maxLength: 3 })
    .map((values) => ({ valid: false as const, reason: 'disagree' as const, values })),
);
const blocksArb = fc.constantFrom('confirm', 'sending', 'unseen') as fc.Arbitrary<GuardView['blocks']>;
const viewArb: fc.Arbitrary<GuardView> = fc.oneof(
  fc.record({
    kind: fc.constant('checked' as const),
    max: fc.nat(99),
    check: checkArb,
    blocks: blocksArb,
    again: fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
    lagging: fc.option(pageValue, { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('unknown' as const),
    reason: reasonArb,
    atMost: fc.option(fc.nat(99), { nil: undefined }),
    check: checkArb,
    blocks: blocksArb,
    again: fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
    lagging: fc.option(pageValue, { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('no-input' as const),
    max: fc.option(fc.nat(99), { nil: null }),
    reason: fc.option(reasonArb, { nil: undefined }),
    refusal: fc.option(checkArb, { nil: null }),
    blocks: blocksArb,
  }),
);

describe('rendered, over every reason × values', () => {
  it('no placeholder, value gone wrong or code is shown; the way out always is', () => {
    fc.assert(
      fc.property(viewArb, fc.constantFrom('fr', 'en' as const), (view, language) => {
        const text = TEXTS[language];
        const reason = 'reason' in view ? view.reason : undefined;
        // Page values are quoted « short » (and hold no «»): only the extension's own words are checked.
        const safe = (said: string) => said.replace(/«[^»]*»/g, '');
        const { container } = render(<TerminationGuard view={view} text={text} />);
        const said = container.textContent ?? '';
        cleanup();
        expect(safe(said)).not.toMatch(LEFTOVERS);
        expect(said).not.toMatch(CODES);
        if (reason) expect(said).toContain(wayOutText(reason, text));
        const badge = render(<LicenceBadge assessment={unknown(reason ?? 'missing')} text={text} />);
        const shown = badge.container.textContent ?? '';
        cleanup();
        expect(shown).not.toMatch(LEFTOVERS);
        expect(shown).toContain(wayOutText(reason ?? 'missing', text));
      }),
      { numRuns: 200 },
    );
  });
});
