/**
 * The audit page's markup: the `<mla-audit>` element of the QA contract with the progress, the
 * controls, the totals and the results table (one row per service, one cell per licence type).
 * Props in, markup out.
 */

import type { AuditRow, AuditState, RowStatus } from '../audit/types';
import type { AuditTotals, ShownRow, SortKey, SortOrder } from '../audit/view';
import { licenceOf, listIncomplete } from '../audit/view';
import type { MessageKey } from '../i18n/all-messages';
import type { Translator } from '../i18n/translator';
import { auditReasonKey, formatDuration } from './audit-text';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      /** The QA contract's element around the audit (light DOM). */
      'mla-audit': import('preact').HTMLAttributes<HTMLElement> & Record<`data-${string}`, string>;
    }
  }
}

export type AuditStage =
  | { kind: 'no-list' }
  | { kind: 'not-portal'; origin: string }
  | { kind: 'busy' }
  | { kind: 'preparing' }
  | { kind: 'confirm'; services: number; requests: number; exact: boolean; timeMs: number | null }
  | { kind: 'audit' };

export interface AuditViewProps {
  text: Translator<MessageKey>;
  stage: AuditStage;
  state: AuditState | null;
  totals: AuditTotals | null;
  rows: ShownRow[];
  licenceColumns: string[];
  /** The services list's own column headers, as the portal names them (given by the caller: UI knows no portal). */
  listColumns: Record<'ref' | 'name' | 'client' | 'account' | 'site', string>;
  timeLeftMs: number | null;
  onlyTerminable: boolean;
  sort: SortOrder | null;
  pace: number;
  paces: readonly number[];
  /** A stored audit for another list exists: offer to replace it. */
  canStartNew: boolean;
  on: {
    start(): void;
    pause(): void;
    resume(): void;
    cancel(): void;
    clear(): void;
    startNew(): void;
    exportCsv(): void;
    retry(ref: string): void;
    toggleOnlyTerminable(): void;
    sortBy(key: SortKey): void;
    setPace(pace: number): void;
  };
}

const PHASE_KEYS: Record<AuditState['phase'], MessageKey> = {
  ready: 'auditStateReady',
  running: 'auditStateRunning',
  paused: 'auditStatePaused',
  done: 'auditStateDone',
  cancelled: 'auditStateCancelled',
};

const STATUS_KEYS: Record<RowStatus, MessageKey> = {
  ok: 'auditStatusOk',
  unknown: 'auditStatusUnknown',
  error: 'auditStatusError',
};

export function statusText(row: AuditRow, text: Translator<MessageKey>): string {
  return text.t(STATUS_KEYS[row.status]);
}

function reasonText(row: AuditRow, text: Translator<MessageKey>): string {
  return row.reason ? text.t(auditReasonKey(row.reason)) : '';
}

function SortHeader(props: {
  label: string;
  sortKey: SortKey;
  sort: SortOrder | null;
  onSort(key: SortKey): void;
}) {
  const active = props.sort?.key === props.sortKey;
  const aria = active ? (props.sort?.descending ? 'descending' : 'ascending') : 'none';
  return (
    <th scope="col" aria-sort={aria}>
      <button type="button" class="sort" onClick={() => props.onSort(props.sortKey)}>
        {props.label}
        {active ? (props.sort?.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
}

function Controls({ state, text, on }: Pick<AuditViewProps, 'text' | 'on'> & { state: AuditState }) {
  const { phase } = state;
  return (
    <p class="controls">
      {phase === 'running' && (
        <button type="button" onClick={on.pause}>
          {text.t('auditPause')}
        </button>
      )}
      {phase === 'paused' && (
        <button type="button" onClick={on.resume}>
          {text.t('auditResume')}
        </button>
      )}
      {(phase === 'running' || phase === 'paused') && (
        <button type="button" onClick={on.cancel}>
          {text.t('auditCancel')}
        </button>
      )}
      {Object.keys(state.rows).length > 0 && (
        <button type="button" onClick={on.exportCsv}>
          {text.t('auditExport')}
        </button>
      )}
      {phase !== 'running' && (
        <button type="button" onClick={on.clear}>
          {text.t('auditClear')}
        </button>
      )}
    </p>
  );
}

function PauseNote({ state, text }: { state: AuditState; text: Translator<MessageKey> }) {
  if (state.phase !== 'paused') return null;
  if (state.pauseReason === 'session')
    return (
      <p role="alert" class="warning">
        {text.t('auditPausedSession')}{' '}
        <a href={state.startUrl} target="_blank" rel="noopener">
          {text.t('auditLogIn')}
        </a>
      </p>
    );
  if (state.pauseReason === 'tab')
    return (
      <p role="alert" class="warning">
        {text.t('auditPausedTab')}
      </p>
    );
  if (state.pauseReason === 'network')
    return (
      <p role="alert" class="warning">
        {text.t('auditPausedNetwork')}
      </p>
    );
  return null;
}

/**
 * A service's own figure: none for a service with nothing read (an error is not "0 résiliable"), "≥ n"
 * for one partly read (its unknown licences may hold more).
 */
function rowFigure(row: AuditRow, value: number): string {
  if (row.status === 'ok') return String(value);
  return row.licences.length === 0 ? '—' : `≥ ${value}`;
}

function ResultRow(props: {
  shown: ShownRow;
  columns: string[];
  text: Translator<MessageKey>;
  onRetry(ref: string): void;
}) {
  const { service, row } = props.shown;
  const { text } = props;
  return (
    <tr
      data-service-ref={service.ref}
      data-status={row.status}
      data-terminable={String(row.terminable)}
      data-sda-linked={String(row.sdaLinked)}
    >
      <th scope="row">
        <a href={service.url} target="_blank" rel="noopener" title={text.t('auditOpenService')}>
          {service.ref}
        </a>
      </th>
      <td>{service.name}</td>
      <td>{service.client}</td>
      <td>{service.account}</td>
      <td>{service.site}</td>
      <td class="number">{rowFigure(row, row.terminable)}</td>
      <td class="number">{rowFigure(row, row.sdaLinked)}</td>
      {props.columns.map((label) => {
        const licence = licenceOf(row, label);
        if (!licence) return <td key={label} />;
        const known = licence.state !== 'unknown';
        return (
          <td
            key={label}
            class="licence"
            data-licence={licence.label}
            data-state={licence.state}
            {...(known
              ? {
                  'data-subscribed': String(licence.subscribed),
                  'data-active': String(licence.active),
                  'data-terminable': String(licence.terminable),
                }
              : {})}
            title={known ? undefined : text.t(auditReasonKey(licence.reason ?? 'missing'))}
          >
            {known ? `${licence.terminable} / ${licence.active} / ${licence.subscribed}` : '?'}
          </td>
        );
      })}
      <td class={`status status-${row.status}`}>
        {statusText(row, text)}
        {row.reason && <span class="reason"> — {reasonText(row, text)}</span>}
        {row.status === 'error' && (
          <>
            {' '}
            <button type="button" onClick={() => props.onRetry(service.ref)}>
              {text.t('auditRetry')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

function Stage({ stage, text, on }: Pick<AuditViewProps, 'stage' | 'text' | 'on'>) {
  switch (stage.kind) {
    case 'no-list':
      return <p role="status">{text.t('auditNoList')}</p>;
    case 'not-portal':
      return <p role="alert">{text.t('auditNotPortal', stage.origin)}</p>;
    case 'busy':
      return <p role="alert">{text.t('auditBusy')}</p>;
    case 'preparing':
      return <p role="status">{text.t('auditPreparing')}</p>;
    case 'confirm':
      return (
        <div class="confirm">
          <p role="status">
            {stage.exact
              ? text.t('auditConfirm', stage.services, stage.requests, formatDuration(stage.timeMs, text))
              : text.t('auditConfirmAtMost', stage.services, stage.requests)}
          </p>
          <p>
            <button type="button" class="primary" onClick={on.start}>
              {text.t('auditStart')}
            </button>
          </p>
        </div>
      );
    default:
      return null;
  }
}

export function AuditView(props: AuditViewProps) {
  const { text, state, totals, on, listColumns } = props;
  const columns: [string, SortKey][] = [
    [listColumns.ref, 'ref'],
    [listColumns.name, 'name'],
    [listColumns.client, 'client'],
    [listColumns.account, 'account'],
    [listColumns.site, 'site'],
    [text.t('auditColumnTerminable'), 'terminable'],
    [text.t('auditColumnSdaLinked'), 'sdaLinked'],
  ];
  const contract = totals
    ? {
        'data-done': String(totals.done),
        'data-total': String(totals.total),
        'data-terminable-total': String(totals.terminable),
        'data-sda-linked-total': String(totals.sdaLinked),
        'data-unknown-count': String(totals.unknown),
        'data-error-count': String(totals.errors),
        'data-totals-lower-bound': String(totals.lowerBound),
      }
    : {};
  return (
    <main>
      <h1>{text.t('auditTitle')}</h1>
      {state && <p class="origin">{text.t('auditPortal', state.origin)}</p>}
      <Stage stage={props.stage} text={text} on={on} />
      <p>
        <label>
          {text.t('auditPace')}{' '}
          <select
            value={String(props.pace)}
            disabled={state?.phase === 'running'}
            onChange={(event) => on.setPace(Number((event.target as HTMLSelectElement).value))}
          >
            {props.paces.map((pace) => (
              <option key={pace} value={String(pace)}>
                {pace === 0 ? text.t('auditPaceOff') : String(pace)}
              </option>
            ))}
          </select>
        </label>
      </p>
      {props.canStartNew && (
        <p>
          <button type="button" onClick={on.startNew}>
            {text.t('auditNew')}
          </button>
        </p>
      )}
      {state && totals && props.stage.kind === 'audit' && (
        <mla-audit data-state={state.phase} {...contract}>
          <section class="progress" aria-live="polite">
            <p>
              <strong>{text.t(PHASE_KEYS[state.phase])}</strong> ·{' '}
              {text.t('auditProgress', totals.done, totals.total)} · {text.t('auditRequests', state.requests)}
              {state.phase === 'running' && props.timeLeftMs !== null && (
                <> · {text.t('auditTimeLeft', formatDuration(props.timeLeftMs, text))}</>
              )}
            </p>
            <progress max={Math.max(1, totals.total)} value={totals.done} />
          </section>
          <PauseNote state={state} text={text} />
          <Controls state={state} text={text} on={on} />
          <p class="totals">
            {text.t(
              totals.lowerBound ? 'auditTotalsAtLeast' : 'auditTotals',
              totals.terminable,
              totals.sdaLinked,
              totals.unknown,
              totals.errors,
            )}
          </p>
          {listIncomplete(state) && (
            <p role="status" class="list-incomplete" data-list-incomplete="true">
              {text.t('auditListIncomplete')}
            </p>
          )}
          <p>
            <label>
              <input type="checkbox" checked={props.onlyTerminable} onChange={on.toggleOnlyTerminable} />{' '}
              {text.t('auditOnlyTerminable')}
            </label>
          </p>
          {props.rows.length === 0 ? (
            <p>{text.t('auditEmpty')}</p>
          ) : (
            <table class="results">
              <thead>
                <tr>
                  {columns.map(([label, key]) => (
                    <SortHeader key={key} label={label} sortKey={key} sort={props.sort} onSort={on.sortBy} />
                  ))}
                  {props.licenceColumns.map((label) => (
                    <SortHeader
                      key={label}
                      label={`${label} (${text.t('auditLicenceCell')})`}
                      sortKey={`licence:${label}`}
                      sort={props.sort}
                      onSort={on.sortBy}
                    />
                  ))}
                  <SortHeader
                    label={text.t('auditColumnStatus')}
                    sortKey="status"
                    sort={props.sort}
                    onSort={on.sortBy}
                  />
                </tr>
              </thead>
              <tbody>
                {props.rows.map((shown) => (
                  <ResultRow
                    key={shown.service.ref}
                    shown={shown}
                    columns={props.licenceColumns}
                    text={text}
                    onRetry={on.retry}
                  />
                ))}
              </tbody>
            </table>
          )}
        </mla-audit>
      )}
    </main>
  );
}
