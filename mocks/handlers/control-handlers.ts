import { HttpResponse, http } from 'msw';
import { isScenarioName, SCENARIO_NAMES } from '../data/scenarios';
import { parseFaultsPatch } from '../faults';
import type { PortalState } from '../portal';
import { onPath } from './match';

/** What the control endpoints drive; implemented by the Portal. */
export interface PortalControl {
  state(): PortalState;
  reset(): void;
  setScenario(name: (typeof SCENARIO_NAMES)[number]): void;
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

/** The mock's own endpoints (demo panel, tests, bench). Never used by the extension; no session needed. */
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
