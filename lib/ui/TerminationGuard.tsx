import type { PageText } from '../i18n/page-messages';
import type { QuantityCheck, ShownReason } from '../licences/types';
import { CaptureButton } from './CaptureButton';
import { reasonText, wayOutText } from './page-text';

/**
 * What the guard blocks while the quantity is wrong, as its text may say it: `confirm` only when the
 * dialog has a "Confirmer" (blocked with the rest), otherwise `sending` (a neutral wording); `unseen`
 * when nothing in the dialog acts: the page may then send what is typed by itself (on `input`,
 * `change`, `blur`), which no extension can stop, so the guard says so at all times, before typing.
 */
export type BlockedAction = 'confirm' | 'sending' | 'unseen';

/**
 * `checked`: the quantity against the most that can be terminated. `unknown`: that maximum is not
 * known (`reason`), yet what is never valid (empty, not a whole number, below 1) is still refused, and
 * more than `atMost` when the readings bound it.
 * `no-input`: the quantity's input is not recognised, so no quantity is checked; `refusal` when
 * nothing can be terminated (every quantity refused), the maximum when it is known.
 */
export type GuardView =
  | {
      kind: 'checked';
      max: number;
      check: QuantityCheck;
      blocks: BlockedAction;
      again?: number;
      /** A hidden copy still at the prefilled value, which may be sent instead (both are possible). */
      lagging?: string;
    }
  | {
      kind: 'unknown';
      reason: ShownReason;
      /** The most both readings allow when known (the table changed behind the dialog). */
      atMost?: number | null;
      check: QuantityCheck;
      blocks: BlockedAction;
      /** A second send refused: what the first, not answered yet, asked. */
      again?: number;
      lagging?: string;
    }
  | {
      kind: 'no-input';
      max: number | null;
      reason?: ShownReason;
      refusal: QuantityCheck | null;
      blocks: BlockedAction;
    };

export interface TerminationGuardProps {
  view: GuardView;
  text: PageText;
  /** Offered when the maximum is not recognised (see CaptureButton). */
  capture?: () => void;
}

/** A value the page holds, as the message quotes it: short (a value can be anything). */
function shortValue(value: string): string {
  const text = value.trim();
  return `«\u00a0${text.length > 12 ? `${text.slice(0, 12)}…` : text}\u00a0»`;
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
    case 'disagree':
      return text.t('guardDisagree', check.values.map(shortValue).join(' / '));
  }
}

function refusal(error: string, blocks: BlockedAction, text: PageText): string {
  return unseen(
    `${error} ${text.t(blocks === 'confirm' ? 'guardBlocked' : 'guardBlockedSending')}`,
    blocks,
    text,
  );
}

/** `said`, then the warning that what sends is not seen (see `BlockedAction`). */
function unseen(said: string, blocks: BlockedAction, text: PageText): string {
  return blocks === 'unseen' ? `${said} ${text.t('guardNoSendSeen')}` : said;
}

/** What may be sent instead of the quantity checked: a hidden copy still at its prefilled value. */
function lagging(copy: string | undefined, text: PageText) {
  return copy !== undefined && <p>{text.t('guardCopyLags', shortValue(copy))}</p>;
}

/**
 * The live region: what is said about the quantity, then why the maximum is in doubt and the way out,
 * and a copy that may be sent instead; announced together, since each says what to do before confirming.
 */
function Live({
  said,
  tone,
  why,
  lags,
  text,
}: {
  said: string;
  /** `invalid` for a refusal; `terminable` for a checked quantity that is valid. */
  tone: string;
  why?: string | null;
  lags?: string | undefined;
  text: PageText;
}) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      <p class={`msg ${tone}`}>{said}</p>
      {why && <p>{why}</p>}
      {lagging(lags, text)}
    </div>
  );
}

/**
 * Under "Quantité à résilier": the most that can be terminated (or that it is not known), and what
 * is wrong with the quantity. The live region is always rendered, so screen readers announce each
 * change; the quantity input and the blocked buttons point to this text (`aria-describedby`).
 */
export function TerminationGuard({ view, text, capture }: TerminationGuardProps) {
  if (view.kind === 'no-input') {
    const error = view.refusal && problem(view.refusal, view.max, text);
    return (
      <div>
        <p class="tag unknown">{text.t('guardInputUnknown')}</p>
        {view.max !== null && <p>{text.t('guardMax', view.max)}</p>}
        <Live
          said={
            error
              ? refusal(error, view.blocks, text)
              : view.reason
                ? text.t('guardInputUnknownNoMax', reasonText(view.reason, text))
                : text.t('guardInputUnknownCheck')
          }
          tone={error ? 'invalid' : ''}
          why={view.reason && wayOutText(view.reason, text)}
          text={text}
        />
        {capture && <CaptureButton text={text} onCapture={capture} />}
      </div>
    );
  }
  if (view.kind === 'unknown') {
    const error = problem(view.check, view.atMost ?? null, text);
    return (
      <div>
        <p class="tag unknown">{text.t('guardMaxUnknown')}</p>
        <Live
          said={
            view.again !== undefined
              ? text.t('guardSentAgain', view.again)
              : error
                ? refusal(error, view.blocks, text)
                : unseen(text.t('guardNotBlocking', reasonText(view.reason, text)), view.blocks, text)
          }
          tone={error ? 'invalid' : ''}
          // A refusal by a bound of an unknown maximum: why it is unknown says how to end the doubt.
          why={`${error && view.again === undefined ? `${text.t('guardUnknownWhy', reasonText(view.reason, text))} ` : ''}${wayOutText(view.reason, text)}`}
          lags={view.lagging}
          text={text}
        />
        {capture && <CaptureButton text={text} onCapture={capture} />}
      </div>
    );
  }
  const error = problem(view.check, view.max, text);
  return (
    <div>
      <p>{text.t('guardMax', view.max)}</p>
      <Live
        said={
          view.again !== undefined
            ? text.t('guardSentAgain', view.again)
            : error
              ? refusal(error, view.blocks, text)
              : unseen(text.t('guardValid'), view.blocks, text)
        }
        tone={error ? 'invalid' : 'terminable'}
        lags={view.lagging}
        text={text}
      />
    </div>
  );
}
