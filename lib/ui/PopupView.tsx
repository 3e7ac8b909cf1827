import type { MessageKey } from '../i18n/all-messages';
import type { Translator } from '../i18n/translator';
import type { LicenceAssessment, LicenceState, LicenceSummary } from '../licences/types';

/** What the popup shows of a page: the content script's answer (`lib/runtime/page-status.ts`). */
export interface ShownStatus {
  recognised: boolean;
  licences: readonly LicenceAssessment[];
  summary: LicenceSummary;
}

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'no-content-script' }
  | { kind: 'status'; status: ShownStatus };

export interface PopupViewProps {
  state: PopupState;
  text: Translator<MessageKey>;
  onOpenOptions: () => void;
  /** The extension's version, from its manifest. */
  version: string;
  /** Where the help page is (opened in a new tab). */
  helpHref: string;
  /** Set when the active tab shows the portal: opens the audit of its list. */
  onAudit?: () => void;
}

const STATE_KEYS: Record<LicenceState, MessageKey> = {
  terminable: 'stateTerminable',
  'sda-linked': 'stateSdaLinked',
  none: 'stateNone',
  unknown: 'stateUnknown',
};

function Body({ state, text }: Pick<PopupViewProps, 'state' | 'text'>) {
  if (state.kind === 'loading') return null;
  // Nothing to show: say so, then what to do next.
  const nothing = (key: MessageKey) => (
    <>
      <p role="status">{text.t(key)}</p>
      <p class="next-step">{text.t('popupNextStep')}</p>
    </>
  );
  if (state.kind === 'no-content-script') return nothing('popupNoContentScript');
  const { status } = state;
  if (!status.recognised) return nothing('popupNotRecognised');
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
              <td>{text.t(STATE_KEYS[licence.state] ?? 'stateUnknown')}</td>
              <td class="number">{licence.state === 'unknown' ? '—' : licence.terminable}</td>
              <td class="number">
                {licence.state === 'unknown' ? '—' : `${licence.active} / ${licence.subscribed}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The popup: whether the active tab shows a MetaCentrex Détails page, and its licences. */
export function PopupView({ state, text, onOpenOptions, version, helpHref, onAudit }: PopupViewProps) {
  return (
    <main class="popup" aria-busy={state.kind === 'loading' ? 'true' : 'false'}>
      <h1>{text.t('popupTitle')}</h1>
      <Body state={state} text={text} />
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
