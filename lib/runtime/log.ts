/** Every console line of the extension starts with this (QA contract). */
export const LOG_PREFIX = '[MetaCentrex Licence Assistant]';

export type ErrorLog = (where: string, error: unknown) => void;

/**
 * Logs each failing place once: a feature that throws on every page change must not flood the
 * operator's console, and nothing is ever thrown into the page.
 */
export function createErrorLog(sink: Pick<Console, 'error'> = console): ErrorLog {
  const logged = new Set<string>();
  return (where, error) => {
    if (logged.has(where)) return;
    logged.add(where);
    sink.error(LOG_PREFIX, `${where}:`, error);
  };
}
