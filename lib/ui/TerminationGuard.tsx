import type { PageText } from '../i18n/page-messages';
import type { QuantityCheck, ShownReason } from '../licences/types';
import { CaptureButton } from './CaptureButton';
import { reasonText } from './page-text';

export type GuardView =
  | { kind: 'checked'; max: number; check: QuantityCheck }
  | { kind: 'unknown'; reason: ShownReason };

export interface TerminationGuardProps {
  view: GuardView;
  text: PageText;
  /** Offered when the maximum is not recognised (see CaptureButton). */
  capture?: () => void;
}

function problem(check: QuantityCheck, max: number, text: PageText): string | null {
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
      return text.t('guardAboveMaximum', max);
    case 'nothing-terminable':
      return text.t('guardNothingTerminable');
  }
}

/**
 * Under "Quantité à résilier": the most that can be terminated, and what is wrong with the typed
 * quantity. The live region is always rendered, so screen readers announce each change.
 */
export function TerminationGuard({ view, text, capture }: TerminationGuardProps) {
  if (view.kind === 'unknown') {
    return (
      <div>
        <p class="tag unknown">{text.t('guardMaxUnknown')}</p>
        <p class="msg" role="status" aria-live="polite" aria-atomic="true">
          {text.t('guardNotBlocking', reasonText(view.reason, text))}
        </p>
        {capture && <CaptureButton text={text} onCapture={capture} />}
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
        {error ? `${error} ${text.t('guardBlocked')}` : text.t('guardValid')}
      </p>
    </div>
  );
}
