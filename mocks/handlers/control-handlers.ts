import { type HttpCustomPredicate, HttpResponse, http, type PathParams } from 'msw';
import { isScenarioName, SCENARIO_NAMES, type ScenarioName } from '../data/scenarios';
import { type Faults, parseFaultsPatch } from '../faults';
import type { VariantName } from '../variants';
import { onPath } from './match';

/** The answer of `GET /__mock/state` and of every control endpoint. */
export interface PortalState {
  scenario: ScenarioName;
  scenarios: { name: ScenarioName; description: string }[];
  faults: Faults;
  variants: VariantName[];
  availableVariants: { name: VariantName; description: string }[];
  counts: { services: number; sdas: number; history: number };
}

/** What the control endpoints drive; implemented by the Portal. */
export interface PortalControl {
  state(): PortalState;
  reset(): void;
  setScenario(name: ScenarioName): void;
  setFaults(patch: object): void;
}

async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false }> {
  try {
    return { ok: true, body: await request.json() };
  } catch {
    return { ok: false };
  }
}

function badRequest(message: string): Response {
  return HttpResponse.json({ ok: false, message }, { status: 400 });
}

export const CONTROL_NEEDS_JSON =
  'Commande refusée : le corps doit être du JSON (en-tête Content-Type: application/json).';
export const CONTROL_NEEDS_SAME_ORIGIN =
  'Commande refusée : le portail simulé n’accepte ses commandes que de ses propres pages (même origine).';

/**
 * Why a control command (any `/__mock/*` request but GET/HEAD) must be refused, or `null`.
 * They change the portal's state without a session, so a page of another site must not be able to
 * send them: a cross-site form or `fetch` either cannot set `Content-Type: application/json` without a
 * CORS preflight (which nothing here answers), or carries an `Origin` / `Sec-Fetch-Site` that says where
 * it comes from. Tools (bench, tests) send no Origin at all and pass.
 */
export function controlRequestProblem(request: Request): { status: 403 | 415; message: string } | null {
  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') return { status: 415, message: CONTROL_NEEDS_JSON };
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== new URL(request.url).origin) {
    return { status: 403, message: CONTROL_NEEDS_SAME_ORIGIN };
  }
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') {
    return { status: 403, message: CONTROL_NEEDS_SAME_ORIGIN };
  }
  return null;
}

/** Every control command, whatever its endpoint (those added later too). */
const isControlCommand: HttpCustomPredicate<PathParams> = ({ request }) => ({
  matches:
    new URL(request.url).pathname.startsWith('/__mock/') &&
    request.method !== 'GET' &&
    request.method !== 'HEAD',
  params: {},
});

/**
 * Refuses a bad command before any endpoint sees it (portal.ts puts it first, ahead of every control
 * endpoint wherever it is declared); a good one falls through (no answer).
 */
export function controlCommandGuard() {
  return http.all(isControlCommand, ({ request }) => {
    const problem = controlRequestProblem(request);
    if (problem)
      return HttpResponse.json({ ok: false, message: problem.message }, { status: problem.status });
    return undefined;
  });
}

/**
 * The mock's own endpoints (demo panel, tests, bench). Never used by the extension; no session needed,
 * but commands must be JSON and same-origin (controlCommandGuard).
 */
export function controlHandlers(control: PortalControl) {
  return [
    http.get(onPath('/__mock/state'), () => HttpResponse.json(control.state())),
    http.post(onPath('/__mock/reset'), () => {
      control.reset();
      return HttpResponse.json(control.state());
    }),
    http.post(onPath('/__mock/scenario'), async ({ request }) => {
      const parsed = await readJson(request);
      const name =
        parsed.ok && typeof parsed.body === 'object' && parsed.body ? Reflect.get(parsed.body, 'name') : null;
      if (!isScenarioName(name)) {
        return badRequest(
          `Scénario inconnu. Scénarios : ${SCENARIO_NAMES.join(', ')}. Corps attendu : {"name": "carte"}.`,
        );
      }
      control.setScenario(name);
      return HttpResponse.json(control.state());
    }),
    http.post(onPath('/__mock/faults'), async ({ request }) => {
      const parsed = await readJson(request);
      if (!parsed.ok) return badRequest('Corps JSON illisible.');
      const faults = parseFaultsPatch(parsed.body);
      if (!faults.ok) return badRequest(faults.message);
      control.setFaults(faults.patch);
      return HttpResponse.json(control.state());
    }),
  ];
}
