import type { HttpHandler } from 'msw';
import { Sessions } from './auth';
import { SCENARIOS, type ScenarioName } from './data/scenarios';
import { PortalStore } from './data/store';
import { type Faults, NO_FAULTS } from './faults';
import { actionHandlers } from './handlers/action-handlers';
import { assetHandlers } from './handlers/assets';
import { authHandlers } from './handlers/auth-handlers';
import { capturedHandlers } from './handlers/captured-handlers';
import type { PortalContext } from './handlers/context';
import { controlCommandGuard, controlHandlers, type PortalState } from './handlers/control-handlers';
import { fragmentHandlers } from './handlers/fragment-handlers';
import { pageHandlers } from './handlers/page-handlers';
import { variantHandlers } from './handlers/variant-handlers';
import { VARIANTS, type VariantName } from './variants';

export { DEMO_CREDENTIALS, DEMO_EMAIL_CREDENTIALS } from './auth';
export type { ScenarioName } from './data/scenarios';
export type { Faults } from './faults';
export type { PortalState } from './handlers/control-handlers';
export type { VariantName } from './variants';

export interface Portal {
  /** Override handlers first (see `use`), then the portal's own. A fresh array on every read. */
  readonly handlers: HttpHandler[];
  readonly store: PortalStore;
  /** Live fault switches; change them with `setFaults` (or mutate, in tests). */
  readonly faults: Faults;
  readonly sessions: Sessions;
  /** Markup variants switched on (`mocks/variants.ts`); change them with `setVariants`. */
  readonly variants: Set<VariantName>;
  /** Reloads the current scenario's data, switches every fault and variant off; sessions stay. */
  reset(): void;
  setScenario(name: ScenarioName): void;
  setFaults(patch: Partial<Faults>): void;
  /** Replaces the variants switched on (an empty list: the faithful portal). */
  setVariants(names: readonly VariantName[]): void;
  state(): PortalState;
  /** Prepends handlers that win over the portal's own (like MSW's `server.use`). */
  use(...handlers: HttpHandler[]): void;
  /** Drops every handler added with `use`. */
  resetHandlers(): void;
}

export function createPortal(options: { scenario?: ScenarioName } = {}): Portal {
  const store = new PortalStore(options.scenario ?? 'carte');
  const faults: Faults = { ...NO_FAULTS };
  const sessions = new Sessions();
  const variants = new Set<VariantName>();
  const ctx: PortalContext = { store, sessions, faults, variants };
  let overrides: HttpHandler[] = [];

  const portal: Portal = {
    get handlers() {
      return [...overrides, ...base];
    },
    store,
    faults,
    sessions,
    variants,
    reset() {
      store.reset();
      Object.assign(faults, NO_FAULTS);
      variants.clear();
    },
    setScenario(name) {
      store.load(name);
    },
    setFaults(patch) {
      Object.assign(faults, patch);
    },
    setVariants(names) {
      variants.clear();
      for (const name of names) variants.add(name);
    },
    state() {
      return {
        scenario: store.scenario,
        scenarios: SCENARIOS.map(({ name, description }) => ({ name, description })),
        faults: { ...faults },
        variants: [...variants],
        availableVariants: VARIANTS.map(({ name, description }) => ({ name, description })),
        counts: store.counts,
      };
    },
    use(...handlers) {
      overrides = [...handlers, ...overrides];
    },
    resetHandlers() {
      overrides = [];
    },
  };

  const base: HttpHandler[] = [
    // Before any endpoint: a `/__mock/*` command that is not JSON from the same origin is refused.
    controlCommandGuard(),
    // Then: `?variante=` on any URL switches variants before the page is drawn, then falls through.
    ...variantHandlers(portal),
    ...assetHandlers(),
    ...controlHandlers(portal),
    ...capturedHandlers(),
    ...authHandlers(ctx),
    ...pageHandlers(ctx),
    ...fragmentHandlers(ctx),
    ...actionHandlers(ctx),
  ];
  return portal;
}
