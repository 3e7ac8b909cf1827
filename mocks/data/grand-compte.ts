import { KNOWN_LICENCE_TYPES, OPERATOR_LICENCE } from './licence-types';
import type { PortalData, Sda, Service, ServiceState, ServiceType } from './model';

/** Deterministic generator so the big scenario is the same on every start (bench and tests rely on it). */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLIENT_WORDS = [
  'Boulangerie',
  'Garage',
  'Cabinet',
  'Clinique',
  'Pharmacie',
  'Hôtel',
  'Agence',
  'Atelier',
];
const CLIENT_NAMES = [
  'Dupont',
  'Martin',
  'Bernard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
];
const CITIES = ['Paris', 'Lyon', 'Marseille', 'Lille', 'Nantes', 'Bordeaux', 'Rennes', 'Toulouse', 'Nice'];
const FIRST = ['Marie', 'Jean', 'Sophie', 'Luc', 'Camille', 'Hugo', 'Léa', 'Nicolas', 'Chloé', 'Antoine'];
const LAST = ['Lefèvre', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel'];
const OTHER_TYPES: readonly [ServiceType, string][] = [
  ['Trunk SIP', 'TS'],
  ['Fibre', 'FO'],
  ['SDSL', 'SD'],
  ['Lien 4G', 'LT'],
];
const PREFIXES = ['01', '02', '03', '04', '05', '09'];

export const GRAND_COMPTE_SIZES = { services: 2000, minSdas: 5000, bigServiceSdas: 320 } as const;
/** The one service with hundreds of numbers, to exercise the Numéros tab's pagination and filter. */
export const BIG_SERVICE = {
  ref: 'MC-900000',
  name: 'Standard Groupe',
  client: 'Groupe Hôtelier Simon',
} as const;

export function buildGrandCompte(): PortalData {
  const random = mulberry32(20261126);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const services: Service[] = [];
  const sdas: Sda[] = [];
  let numberCounter = 0;
  const nextNumber = (): string => {
    numberCounter += 1;
    return `${PREFIXES[numberCounter % PREFIXES.length]}${String(10_000_000 + numberCounter).slice(-8)}`;
  };
  const addSdas = (serviceRef: string, licenceKey: string, count: number): void => {
    for (let i = 0; i < count; i += 1) {
      sdas.push({ number: nextNumber(), serviceRef, user: `${pick(FIRST)} ${pick(LAST)}`, licenceKey });
    }
  };

  services.push({
    ...BIG_SERVICE,
    account: 'CC-900000',
    site: 'Nice – 1 promenade des Anglais',
    type: 'MetaCentrex',
    state: 'Actif',
    subscribed: { 'licence-full': GRAND_COMPTE_SIZES.bigServiceSdas + 10, 'licence-simple': 20 },
  });
  addSdas(BIG_SERVICE.ref, 'licence-full', GRAND_COMPTE_SIZES.bigServiceSdas);

  for (let index = 1; services.length < GRAND_COMPTE_SIZES.services; index += 1) {
    const client = `${pick(CLIENT_WORDS)} ${pick(CLIENT_NAMES)} ${1 + (index % 180)}`;
    const city = pick(CITIES);
    const serial = String(index).padStart(6, '0');
    const isMetaCentrex = random() < 0.6;
    const state: ServiceState =
      random() < 0.9 ? 'Actif' : pick(['En cours de livraison', 'Suspendu', 'Résilié']);
    if (!isMetaCentrex) {
      const [type, prefix] = pick(OTHER_TYPES);
      services.push({
        ref: `${prefix}-${serial}`,
        name: `${type} ${city}`,
        client,
        account: `CC-${serial}`,
        site: `${city} – ${1 + (index % 90)} rue de la République`,
        type,
        state,
        subscribed: {},
      });
      continue;
    }
    const ref = `MC-${serial}`;
    const subscribed: Record<string, number> = {};
    const types = random() < 0.05 ? [...KNOWN_LICENCE_TYPES, OPERATOR_LICENCE] : KNOWN_LICENCE_TYPES;
    for (const type of types) {
      const total = Math.floor(random() * 4);
      const active = Math.floor(random() * (total + 1));
      subscribed[type.key] = total;
      addSdas(ref, type.key, active);
    }
    services.push({
      ref,
      name: `Standard ${city} ${index}`,
      client,
      account: `CC-${serial}`,
      site: `${city} – ${1 + (index % 90)} rue de la République`,
      type: 'MetaCentrex',
      state,
      subscribed,
    });
  }
  return { services, sdas, history: [] };
}
