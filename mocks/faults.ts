/** Faults the mock can inject while it runs; all off by default. */
export interface Faults {
  /** Added before every page and XHR answer (not assets nor control endpoints). */
  latencyMs: number;
  /** Terminations answer 500 with a French message; nothing changes. */
  terminationError: boolean;
  /** Terminations get a network error (the connection is dropped); nothing changes. */
  dropConnection: boolean;
  /** One-shot: the next protected request finds every session gone, then the fault turns itself off. */
  sessionExpired: boolean;
  /** The Détails block is served with broken rows (`x / 2`, a missing count, a row without label). */
  malformedDetails: boolean;
  /** A service reference whose page and panes answer 500 ('' = none): one broken service in an audit. */
  serviceError: string;
  /** A service reference whose page and panes get a network error (the connection is dropped). */
  serviceDrop: string;
  /**
   * A service reference whose page and panes are sent in windows-1252 (an older portal's way): the page
   * declares it only in its `<meta charset>`, the panes (fragments) in their `Content-Type`.
   */
  serviceWindows1252: string;
  /** The next N protected requests answer 429 with `Retry-After: 1` (a portal asking to slow down). */
  throttleRequests: number;
}

export const NO_FAULTS: Readonly<Faults> = Object.freeze({
  latencyMs: 0,
  terminationError: false,
  dropConnection: false,
  sessionExpired: false,
  malformedDetails: false,
  serviceError: '',
  serviceDrop: '',
  serviceWindows1252: '',
  throttleRequests: 0,
});

const FLAGS = ['terminationError', 'dropConnection', 'sessionExpired', 'malformedDetails'] as const;
export const MAX_LATENCY_MS = 60_000;
export const MAX_THROTTLED = 1000;

/** Validates a (partial) JSON body of `POST /__mock/faults`; unknown keys are refused so typos show. */
export function parseFaultsPatch(
  body: unknown,
): { ok: true; patch: Partial<Faults> } | { ok: false; message: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'Corps JSON attendu : un objet, par exemple {"latencyMs": 500}.' };
  }
  const patch: Partial<Faults> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'latencyMs') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_LATENCY_MS) {
        return { ok: false, message: `latencyMs doit être un nombre entier de 0 à ${MAX_LATENCY_MS}.` };
      }
      patch.latencyMs = value;
    } else if (key === 'throttleRequests') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_THROTTLED) {
        return { ok: false, message: `throttleRequests doit être un nombre entier de 0 à ${MAX_THROTTLED}.` };
      }
      patch.throttleRequests = value;
    } else if (key === 'serviceError' || key === 'serviceDrop' || key === 'serviceWindows1252') {
      if (typeof value !== 'string')
        return { ok: false, message: `${key} doit être une référence de service (ou "").` };
      patch[key] = value.trim();
    } else if ((FLAGS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') return { ok: false, message: `${key} doit valoir true ou false.` };
      patch[key as (typeof FLAGS)[number]] = value;
    } else {
      return {
        ok: false,
        message: `Panne inconnue : ${key}. Connues : latencyMs, ${FLAGS.join(', ')}, serviceError, serviceDrop, serviceWindows1252, throttleRequests.`,
      };
    }
  }
  return { ok: true, patch };
}
