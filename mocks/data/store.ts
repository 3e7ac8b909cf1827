import { parseQuantity } from '../rules/quantity';
import { ALL_LICENCE_TYPES, KNOWN_LICENCE_TYPES, type LicenceType, licenceTypeByKey } from './licence-types';
import {
  formatNumber,
  type HistoryEntry,
  type PortalData,
  type Sda,
  type Service,
  type ServiceState,
  type ServiceType,
} from './model';
import { buildScenario, type ScenarioName } from './scenarios';

export interface LicenceCountRow {
  type: LicenceType;
  active: number;
  subscribed: number;
}

export interface ServiceFilter {
  client?: string;
  /** Matches the service's name or ref. */
  query?: string;
  type?: ServiceType | '';
  state?: ServiceState | '';
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}

export type ActionResult =
  | { ok: true; message: string; entry: HistoryEntry }
  | { ok: false; status: 400 | 404 | 409 | 500; message: string };

/** The quantities a termination dialog was opened with; a mismatch means someone else acted meanwhile. */
export interface OpenedWith {
  subscribed: number;
  active: number;
}

/** Lower-case, accents off: filters match "lefevre" with "Lefèvre". */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

function paginate<T>(items: T[], page: number, perPage: number): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  return {
    items: items.slice((current - 1) * perPage, current * perPage),
    total: items.length,
    page: current,
    pageCount,
  };
}

/**
 * In-memory state of one Portal. Every mutation is synchronous (check and change in one go), so two
 * requests racing after an injected delay cannot both pass the same check.
 */
export class PortalStore {
  scenario: ScenarioName;
  private data: PortalData = { services: [], sdas: [], history: [] };
  private servicesByRef = new Map<string, Service>();
  private sdasByService = new Map<string, Sda[]>();
  private searchKeys = new Map<string, { client: string; nameOrRef: string }>();

  constructor(scenario: ScenarioName = 'carte') {
    this.scenario = scenario;
    this.load(scenario);
  }

  load(scenario: ScenarioName): void {
    this.scenario = scenario;
    this.data = buildScenario(scenario);
    this.servicesByRef = new Map(this.data.services.map((service) => [service.ref, service]));
    this.sdasByService = new Map();
    for (const sda of this.data.sdas) {
      const list = this.sdasByService.get(sda.serviceRef) ?? [];
      list.push(sda);
      this.sdasByService.set(sda.serviceRef, list);
    }
    this.searchKeys = new Map(
      this.data.services.map((service) => [
        service.ref,
        { client: normalise(service.client), nameOrRef: normalise(`${service.ref} ${service.name}`) },
      ]),
    );
  }

  reset(): void {
    this.load(this.scenario);
  }

  get counts(): { services: number; sdas: number; history: number } {
    return {
      services: this.data.services.length,
      sdas: this.data.sdas.length,
      history: this.data.history.length,
    };
  }

  listServices(filter: ServiceFilter, page: number, perPage: number): Page<Service> {
    const client = normalise(filter.client ?? '');
    const query = normalise(filter.query ?? '');
    const matches = this.data.services.filter((service) => {
      const keys = this.searchKeys.get(service.ref);
      if (!keys) return false;
      if (client && !keys.client.includes(client)) return false;
      if (query && !keys.nameOrRef.includes(query)) return false;
      if (filter.type && service.type !== filter.type) return false;
      if (filter.state && service.state !== filter.state) return false;
      return true;
    });
    return paginate(matches, page, perPage);
  }

  getService(ref: string): Service | undefined {
    return this.servicesByRef.get(ref);
  }

  sdasOf(ref: string): readonly Sda[] {
    return this.sdasByService.get(ref) ?? [];
  }

  findSdas(ref: string, query: string, page: number, perPage: number): Page<Sda> {
    const digits = query.replace(/\D/g, '');
    const text = normalise(query);
    const all = this.sdasOf(ref);
    const matches = text
      ? all.filter(
          (sda) =>
            (digits !== '' && sda.number.includes(digits)) ||
            normalise(sda.user).includes(text) ||
            normalise(licenceTypeByKey(sda.licenceKey ?? '')?.label ?? '').includes(text),
        )
      : [...all];
    return paginate(matches, page, perPage);
  }

  /** The eight known types always (0 / 0 included, as on the card), then any other type in use. */
  licenceCounts(ref: string): LicenceCountRow[] {
    const service = this.servicesByRef.get(ref);
    if (service?.type !== 'MetaCentrex') return [];
    const active = new Map<string, number>();
    for (const sda of this.sdasOf(ref)) {
      if (sda.licenceKey) active.set(sda.licenceKey, (active.get(sda.licenceKey) ?? 0) + 1);
    }
    return ALL_LICENCE_TYPES.filter(
      (type) =>
        KNOWN_LICENCE_TYPES.includes(type) || (service.subscribed[type.key] ?? 0) > 0 || active.has(type.key),
    ).map((type) => ({
      type,
      active: active.get(type.key) ?? 0,
      subscribed: service.subscribed[type.key] ?? 0,
    }));
  }

  licenceCount(ref: string, key: string): LicenceCountRow | undefined {
    return this.licenceCounts(ref).find((row) => row.type.key === key);
  }

  historyOf(ref: string): HistoryEntry[] {
    return this.data.history.filter((entry) => entry.serviceRef === ref).reverse();
  }

  terminate(
    ref: string,
    key: string,
    rawQuantity: string | null,
    user: string,
    openedWith?: OpenedWith,
  ): ActionResult {
    const service = this.servicesByRef.get(ref);
    if (!service) return { ok: false, status: 404, message: `Service introuvable : ${ref}.` };
    const row = this.licenceCount(ref, key);
    if (!row) return { ok: false, status: 404, message: 'Type de licence inconnu pour ce service.' };
    const lowerLabel = row.type.label.toLowerCase();
    if (openedWith && (openedWith.subscribed !== row.subscribed || openedWith.active !== row.active)) {
      return {
        ok: false,
        status: 409,
        message: `Les quantités de la ${lowerLabel} ont changé depuis l’ouverture de cette fenêtre (souscrite ${row.subscribed}, active ${row.active}). Fermez-la et recommencez.`,
      };
    }
    const terminable = row.subscribed - row.active;
    if (terminable <= 0) {
      return {
        ok: false,
        status: 409,
        message: `Aucune ${lowerLabel} n’est résiliable : chaque licence souscrite est associée à un numéro (SDA). Dissociez d’abord le numéro.`,
      };
    }
    const quantity = parseQuantity(rawQuantity, terminable);
    if (!quantity.ok) return { ok: false, status: 400, message: quantity.message };
    service.subscribed[key] = row.subscribed - quantity.value;
    const entry = this.record('Résiliation', ref, row.type.label, null, quantity.value, user);
    const plural = quantity.value > 1 ? 's' : '';
    return {
      ok: true,
      entry,
      message: `Résiliation enregistrée : ${quantity.value} ${lowerLabel}${plural} résiliée${plural}.`,
    };
  }

  dissociate(ref: string, number: string, user: string): ActionResult {
    if (!this.servicesByRef.has(ref))
      return { ok: false, status: 404, message: `Service introuvable : ${ref}.` };
    const digits = number.replace(/\D/g, '');
    const sda = this.sdasOf(ref).find((candidate) => candidate.number === digits);
    if (!sda) return { ok: false, status: 404, message: 'Ce numéro n’existe pas sur ce service.' };
    const type = licenceTypeByKey(sda.licenceKey ?? '');
    if (!type) return { ok: false, status: 409, message: 'Ce numéro n’est associé à aucune licence.' };
    sda.licenceKey = null;
    const entry = this.record('Dissociation', ref, type.label, sda.number, 1, user);
    return {
      ok: true,
      entry,
      message: `Numéro ${formatNumber(sda.number)} dissocié de la ${type.label.toLowerCase()}.`,
    };
  }

  private record(
    action: HistoryEntry['action'],
    serviceRef: string,
    licenceLabel: string,
    number: string | null,
    quantity: number,
    user: string,
  ): HistoryEntry {
    const entry: HistoryEntry = { at: new Date(), action, serviceRef, licenceLabel, number, quantity, user };
    this.data.history.push(entry);
    return entry;
  }
}
