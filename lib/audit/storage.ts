/**
 * The audit's progress and results in extension storage (`storage.local`), one entry per portal
 * origin: closing the tab loses nothing; a new audit or "Effacer" replaces or removes it. Writes are
 * coalesced (at most one in flight, the latest state wins) so 2,000 rows do not mean 2,000 writes.
 */
import { browser } from 'wxt/browser';
import type { AuditState } from './types';

export const AUDIT_KEY_PREFIX = 'mla.audit.';

export function auditKey(origin: string): string {
  return `${AUDIT_KEY_PREFIX}${origin}`;
}

/** A stored value as an audit state, or null (damaged, older, another origin's). */
export function asAuditState(value: unknown, origin: string): AuditState | null {
  if (typeof value !== 'object' || value === null) return null;
  const state = value as AuditState;
  if (state.version !== 1 || state.origin !== origin) return null;
  if (!Array.isArray(state.services) || typeof state.rows !== 'object' || state.rows === null) return null;
  return state;
}

export async function loadAudit(origin: string): Promise<AuditState | null> {
  const key = auditKey(origin);
  const stored = (await browser.storage.local.get(key))[key];
  const state = asAuditState(stored, origin);
  // A state stored while running was interrupted (tab closed): it is paused now.
  if (state?.phase === 'running') {
    state.phase = 'paused';
    state.pauseReason = 'user';
  }
  return state;
}

export async function clearAudit(origin: string): Promise<void> {
  await browser.storage.local.remove(auditKey(origin));
}

/** Saves the latest state, at most one write at a time. */
export function createAuditWriter(origin: string, onError: (error: unknown) => void) {
  let pending: AuditState | null = null;
  let writing: Promise<void> | null = null;
  const flush = async (): Promise<void> => {
    while (pending) {
      const state = pending;
      pending = null;
      try {
        await browser.storage.local.set({ [auditKey(origin)]: JSON.parse(JSON.stringify(state)) });
      } catch (error) {
        onError(error);
      }
    }
    writing = null;
  };
  return {
    save(state: AuditState): Promise<void> {
      pending = state;
      writing ??= flush();
      return writing;
    },
    /** Resolves once everything asked so far is written. */
    idle(): Promise<void> {
      return writing ?? Promise.resolve();
    },
  };
}
