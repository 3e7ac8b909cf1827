/**
 * The audit page's behaviour (entrypoints/audit wires it): from the address it was opened with to a
 * confirmed, running, stored audit, and the user's actions on it. Rendering goes through AuditView.
 */
import type { ComponentChild } from 'preact';
import {
  type AuditController,
  createAuditController,
  holdAuditLock,
  parseOffScreen,
  relayFetcher,
} from '@/lib/audit/controller';
import { auditCsv, csvFileName } from '@/lib/audit/csv';
import { clearAudit, loadAudit } from '@/lib/audit/storage';
import type { AuditRow, AuditState } from '@/lib/audit/types';
import {
  auditTotals,
  licenceColumns,
  requestsLeft,
  type SortKey,
  type SortOrder,
  shownRows,
  timeLeftMs,
} from '@/lib/audit/view';
import type { MessageKey } from '@/lib/i18n/all-messages';
import type { Translator } from '@/lib/i18n/translator';
import { filterFormAddress, LIST_COLUMNS } from '@/lib/portal/service-list';
import { AUDIT_PACES, DEFAULT_AUDIT_PACE, loadSettings, saveSettings } from '@/lib/settings/settings';
import { type AuditStage, AuditView, statusText } from '@/lib/ui/AuditView';
import { AUDIT_CSS } from '@/lib/ui/audit-css';
import { auditReasonKey } from '@/lib/ui/audit-text';
import { EXTENSION_PAGE_CSS } from '@/lib/ui/page-css';

export interface AuditPageOptions {
  search: string;
  text: Translator<MessageKey>;
  show(content: ComponentChild): void;
  originAllowed(origin: string): Promise<boolean>;
}

/** `?tab=<id>`: the portal tab the audit was opened from (it reads for the audit). */
export function readTab(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  return raw !== null && /^\d+$/.test(raw) ? Number(raw) : null;
}

/** `?list=<address>`: a list address to audit; `?from=<address>`: the list page the user is on. */
export function readAddress(search: string): { kind: 'list' | 'from'; url: URL } | null {
  const params = new URLSearchParams(search);
  for (const kind of ['list', 'from'] as const) {
    const raw = params.get(kind);
    if (!raw) continue;
    try {
      const url = new URL(raw);
      if (url.protocol === 'https:' || url.protocol === 'http:') return { kind, url };
    } catch {
      // An unreadable address is no address.
    }
  }
  return null;
}

export async function startAuditPage(options: AuditPageOptions): Promise<void> {
  const { text } = options;
  let stage: AuditStage = { kind: 'preparing' };
  let controller: AuditController | null = null;
  let onlyTerminable = false;
  let sort: SortOrder | null = null;
  let pace = DEFAULT_AUDIT_PACE;
  let canStartNew = false;
  let startUrl = '';
  let origin = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  let fetcher: ReturnType<typeof relayFetcher> | null = null;

  const words = {
    status: (row: AuditRow) => statusText(row, text),
    reason: (row: AuditRow, licenceReason: string | null) => {
      const reason = (licenceReason ?? row.reason) as AuditRow['reason'];
      return reason ? text.t(auditReasonKey(reason)) : '';
    },
  };

  const draw = () => {
    timer = null;
    const state: AuditState | null = controller?.state ?? null;
    const totals = state ? auditTotals(state) : null;
    const rows = state ? shownRows(state, onlyTerminable, sort) : [];
    options.show(
      <>
        <style>{EXTENSION_PAGE_CSS + AUDIT_CSS}</style>
        <AuditView
          text={text}
          stage={stage}
          state={state}
          totals={totals}
          rows={rows}
          licenceColumns={state ? licenceColumns(Object.values(state.rows)) : []}
          listColumns={LIST_COLUMNS}
          timeLeftMs={state ? timeLeftMs(state, state.runningMs + runningFor(state), pace) : null}
          onlyTerminable={onlyTerminable}
          sort={sort}
          pace={pace}
          paces={AUDIT_PACES}
          canStartNew={canStartNew}
          on={actions}
        />
      </>,
    );
  };
  let runStarted = 0;
  const runningFor = (state: AuditState) =>
    state.phase === 'running' && runStarted ? Date.now() - runStarted : 0;
  /** Rows stream in: the table is drawn at most every 100 ms, not once per request. */
  const redraw = () => {
    if (timer === null) timer = setTimeout(draw, 100);
  };

  const makeController = (stored: AuditState | null) =>
    createAuditController({
      origin,
      stored,
      startUrl,
      requestsPerSecond: pace,
      fetcher: fetcher ?? relayFetcher(origin, readTab(options.search)),
      onChange: redraw,
      onStorageError: (error) => console.error('[MetaCentrex Licence Assistant] audit storage', error),
    });

  const run = async () => {
    if (!controller) return;
    stage = { kind: 'audit' };
    runStarted = Date.now();
    const running = controller.start();
    draw();
    await running;
    runStarted = 0;
    draw();
  };

  const prepare = async () => {
    if (!controller) return;
    stage = { kind: 'preparing' };
    draw();
    const outcome = await controller.prepare();
    const state = controller.state;
    if (outcome !== 'ok') {
      // Nothing read yet: show the audit paused with the reason, resume retries the first page.
      state.phase = 'paused';
      state.pauseReason = outcome;
      stage = { kind: 'audit' };
      draw();
      return;
    }
    const narrowed = new URL(state.startUrl).searchParams.size > 0;
    const announced = state.expectedServices ?? state.services.length;
    const requests = requestsLeft(state) + state.requests;
    stage = {
      kind: 'confirm',
      services: announced,
      requests,
      exact: narrowed || state.expectedServices === null,
      timeMs: pace > 0 ? Math.round((requests / pace) * 1000) : null,
    };
    draw();
  };

  const actions = {
    start: () => void run(),
    resume: () => void run(),
    pause: () => controller?.pause(),
    cancel: () => void controller?.cancel().then(draw),
    retry: (ref: string) => {
      if (!controller) return;
      runStarted = Date.now();
      void controller.retry(ref).then(draw);
    },
    clear: async () => {
      if (!globalThis.confirm(text.t('auditClearConfirm'))) return;
      await controller?.cancel();
      await controller?.saved();
      await clearAudit(origin);
      controller = makeController(null);
      await prepare();
    },
    startNew: async () => {
      if (!globalThis.confirm(text.t('auditNewConfirm'))) return;
      await controller?.cancel();
      await controller?.saved();
      await clearAudit(origin);
      canStartNew = false;
      controller = makeController(null);
      await prepare();
    },
    exportCsv: () => {
      const state = controller?.state;
      if (!state) return;
      const csv = auditCsv(state.services, state.rows, words);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      link.download = csvFileName(new Date());
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    },
    toggleOnlyTerminable: () => {
      onlyTerminable = !onlyTerminable;
      draw();
    },
    sortBy: (key: SortKey) => {
      sort = sort?.key === key ? { key, descending: !sort.descending } : { key, descending: false };
      draw();
    },
    setPace: (value: number) => {
      pace = value;
      // The options' setting is the one source: the page changes it there, the options page shows it.
      void loadSettings()
        .then(({ settings }) => saveSettings({ ...settings, auditPace: value }))
        .catch(() => {});
      // The pace applies from the next start: a paused or ready audit picks it up now.
      if (controller && controller.state.phase !== 'running') controller = makeController(controller.state);
      draw();
    },
  };

  const address = readAddress(options.search);
  if (!address) {
    stage = { kind: 'no-list' };
    draw();
    return;
  }
  origin = address.url.origin;
  if (!(await options.originAllowed(origin))) {
    stage = { kind: 'not-portal', origin };
    draw();
    return;
  }
  if (!(await holdAuditLock(origin))) {
    stage = { kind: 'busy' };
    draw();
    return;
  }
  pace = await loadSettings().then(
    ({ settings }) => settings.auditPace,
    () => DEFAULT_AUDIT_PACE,
  );
  startUrl = address.url.href;
  fetcher = relayFetcher(origin, readTab(options.search));
  if (address.kind === 'from') {
    // The page the user is on: its filter form (GET, never submitted) gives the list to audit.
    draw();
    const fetched = await fetcher(address.url.href, new AbortController().signal).catch(() => null);
    const formAddress = fetched ? filterFormAddress(parseOffScreen(fetched.text), fetched.url) : null;
    if (formAddress?.kind === 'ok') startUrl = formAddress.url;
  }
  const stored = await loadAudit(origin);
  controller = makeController(stored);
  if (stored) {
    canStartNew = stored.startUrl !== startUrl;
    stage =
      stored.phase === 'ready' && stored.listPagesRead === 0 ? { kind: 'preparing' } : { kind: 'audit' };
    if (stored.phase === 'ready') await prepare();
    else draw();
    return;
  }
  await prepare();
}
