import type { SavableCapture } from '../capture/messages';
import type { MessageKey } from '../i18n/all-messages';
import type { Translator } from '../i18n/translator';
import type { LicenceAssessment, LicenceState, LicenceSummary } from '../licences/types';
import { CaptureAction } from './CaptureAction';
import { reasonText, wayOutText } from './page-text';
import { knownReason } from './reasons';

/** What the popup shows of a page: the content script's answer (`lib/runtime/page-status.ts`). */
export interface ShownStatus {
  recognised: boolean;
  /** Why not recognised ('assistant-failed': the assistant could not be injected into the page). */
  reason?: 'no-licence-block' | 'assistant-failed';
  licences: readonly LicenceAssessment[];
  summary: LicenceSummary;
}

/** Why the tab has no content script to answer (entrypoints/popup/popup-state.ts). */
export type NoScriptReason = 'not-portal' | 'reload' | 'loading' | 'no-permission';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'no-content-script'; why: NoScriptReason }
  | { kind: 'status'; status: ShownStatus };

export interface PopupViewProps {
  state: PopupState;
  text: Translator<MessageKey>;
  onOpenOptions: () => void;
  /** On any portal page (recognised or not): the anonymised capture (see CaptureAction). */
  capture?: () => Promise<SavableCapture>;
  /** The extension's version, from its manifest. */
  version: string;
  /** Where the help page is (opened in a new tab). */
  helpHref: string;
  /** Set when the active tab shows the portal: opens the audit of its list. */
  onAudit?: () => void;
  /** Asks the browser for the portal's host permissions (must run in the click: a user gesture). */
  onGrant?: () => void;
  /** Reloads the tab: a page opened before the extension gets its content script. */
  onReload?: () => void;
}

const NO_SCRIPT_KEYS: Record<NoScriptReason, MessageKey> = {
  'not-portal': 'popupNotPortal',
  reload: 'popupReload',
  loading: 'popupPageLoading',
  'no-permission': 'popupNoPermission',
};

const STATE_KEYS: Record<LicenceState, MessageKey> = {
  terminable: 'stateTerminable',
  'sda-linked': 'stateSdaLinked',
  none: 'stateNone',
  unknown: 'stateUnknown',
};

/** A licence's state; not recognised, with why (a reason this version does not know: no code shown). */
function stateText(licence: LicenceAssessment, text: Translator<MessageKey>): string {
  const reason = licence.state === 'unknown' ? knownReason(licence.reason) : null;
  return reason
    ? text.t('badgeUnknown', reasonText(reason, text))
    : text.t(STATE_KEYS[licence.state] ?? 'stateUnknown');
}

/** A one-click way out of a state, when there is one (a plain button: keyboard and screen readers). */
function Action({ label, onClick }: { label: string; onClick?: () => void }) {
  return onClick ? (
    <p class="next-step">
      <button type="button" onClick={onClick}>
        {label}
      </button>
    </p>
  ) : null;
}

function Body({
  state,
  text,
  onGrant,
  onReload,
}: Pick<PopupViewProps, 'state' | 'text' | 'onGrant' | 'onReload'>) {
  if (state.kind === 'loading') return null;
  // Nothing to show: say so, then what to do next.
  const nothing = (key: MessageKey) => (
    <>
      <p role="status">{text.t(key)}</p>
      <p class="next-step">{text.t('popupNextStep')}</p>
    </>
  );
  if (state.kind === 'no-content-script') {
    const { why } = state;
    if (why === 'not-portal') return nothing('popupNotPortal');
    return (
      <>
        <p role="status">{text.t(NO_SCRIPT_KEYS[why])}</p>
        {why === 'no-permission' && <Action label={text.t('popupGrantButton')} onClick={onGrant} />}
        {why === 'reload' && <Action label={text.t('popupReloadButton')} onClick={onReload} />}
      </>
    );
  }
  const { status } = state;
  // Each way out once (a reason on every row, such as several blocks, says it once).
  const waysOut = new Set(
    status.licences
      .filter((licence) => licence.state === 'unknown')
      .map((licence) => wayOutText(knownReason(licence.reason) ?? 'missing', text)),
  );
  if (!status.recognised) {
    if (status.reason !== 'assistant-failed') return nothing('popupNotRecognised');
    return (
      <>
        <p role="status">{text.t('popupAssistantFailed')}</p>
        <Action label={text.t('popupReloadButton')} onClick={onReload} />
      </>
    );
  }
  return (
    <>
      <p role="status">{text.t('popupRecognised')}</p>
      <p class="summary">
        {text.t('summaryText', status.summary.terminableTotal, status.summary.sdaLinkedTotal)}
        {status.summary.unknownCount > 0 && ` + ${text.n('summaryUnknown', status.summary.unknownCount)}`}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{text.t('popupLicence')}</th>
            <th scope="col">{text.t('popupState')}</th>
            <th scope="col" class="number">
              {text.t('popupTerminable')}
            </th>
            <th scope="col" class="number">
              {text.t('popupCounts')}
            </th>
          </tr>
        </thead>
        <tbody>
          {status.licences.map((licence) => (
            <tr key={licence.label} data-state={licence.state}>
              <th scope="row">{licence.label}</th>
              <td>{stateText(licence, text)}</td>
              <td class="number">{licence.state === 'unknown' ? '—' : licence.terminable}</td>
              <td class="number">
                {licence.state === 'unknown' ? '—' : `${licence.active} / ${licence.subscribed}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {[...waysOut].map((wayOut) => (
        <p key={wayOut} class="next-step">
          {wayOut}
        </p>
      ))}
    </>
  );
}

/** The popup: whether the active tab shows a MetaCentrex Détails page, and its licences. */
export function PopupView({
  state,
  text,
  onOpenOptions,
  version,
  helpHref,
  onAudit,
  capture,
  onGrant,
  onReload,
}: PopupViewProps) {
  return (
    <main class="popup" aria-busy={state.kind === 'loading' ? 'true' : 'false'}>
      <h1>{text.t('popupTitle')}</h1>
      <Body state={state} text={text} onGrant={onGrant} onReload={onReload} />
      {state.kind === 'status' && capture && <CaptureAction text={text} capture={capture} />}
      {onAudit && (
        <p>
          <button type="button" onClick={onAudit}>
            {text.t('auditPopupStart')}
          </button>
        </p>
      )}
      <footer>
        <button type="button" onClick={onOpenOptions}>
          {text.t('popupOpenOptions')}
        </button>
        <a href={helpHref} target="_blank" rel="noopener">
          {text.t('popupHelp')}
        </a>
        <span class="version">{text.t('popupVersion', version)}</span>
      </footer>
    </main>
  );
}
