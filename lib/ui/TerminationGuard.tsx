import type { PageText } from '../i18n/page-messages';
import type { QuantityCheck, ShownReason } from '../licences/types';
import { reasonText } from './page-text';

/**
 * What the guard blocks while the quantity is wrong, as its text may say it: `confirm` only when the
 * dialog has a "Confirmer" (blocked with the rest), otherwise `sending` (a neutral wording).
 */
export type BlockedAction = 'confirm' | 'sending';

/**
 * `checked`: the quantity against the most that can be terminated. `unknown`: that maximum is not
 * known (`reason`), yet what is never valid (empty, not a whole number, below 1) is still refused.
 */
export type GuardView =
  | { kind: 'checked'; max: number; check: QuantityCheck; blocks: BlockedAction }
  | { kind: 'unknown'; reason: ShownReason; check: QuantityCheck; blocks: BlockedAction };

export interface TerminationGuardProps {
  view: GuardView;
  text: PageText;
}

function problem(check: QuantityCheck, max: number | null, text: PageText): string | null {
  if (check.valid) return null;
  switch (check.reason) {
    case 'empty':
      return text.t('guardEmpty');
    case 'not-a-number':
      return text.t('guardNotANumber');
    case 'not-whole':
      return text.t('guardNotWhole');
    case 'below-minimum':
      return text.t('guardBelowMinimum');
    case 'above-maximum':
      return text.t('guardAboveMaximum', max ?? '');
    case 'nothing-terminable':
      return text.t('guardNothingTerminable');
  }
}

function refusal(error: string, blocks: BlockedAction, text: PageText): string {
  return `${error} ${text.t(blocks === 'confirm' ? 'guardBlocked' : 'guardBlockedSending')}`;
}

/**
 * Under "Quantité à résilier": the most that can be terminated (or that it is not known), and what
 * is wrong with the quantity. The live region is always rendered, so screen readers announce each
 * change; the quantity input and the blocked buttons point to this text (`aria-describedby`).
 */
export function TerminationGuard({ view, text }: TerminationGuardProps) {
  if (view.kind === 'unknown') {
    const error = problem(view.check, null, text);
    return (
      <div>
        <p class="tag unknown">{text.t('guardMaxUnknown')}</p>
        <p class={`msg${error ? ' invalid' : ''}`} role="status" aria-live="polite" aria-atomic="true">
          {error
            ? refusal(error, view.blocks, text)
            : text.t('guardNotBlocking', reasonText(view.reason, text))}
        </p>
      </div>
    );
  }
  const error = problem(view.check, view.max, text);
  return (
    <div>
      <p>{text.t('guardMax', view.max)}</p>
      <p
        class={`msg ${error ? 'invalid' : 'terminable'}`}
        role="status"
        aria-live="polite"
        aria-atomic="true"
      >
        {error ? refusal(error, view.blocks, text) : text.t('guardValid')}
      </p>
    </div>
  );
}
