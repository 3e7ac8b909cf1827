import { buildGrandCompte } from './grand-compte';
import type { PortalData, Sda, Service } from './model';

export type ScenarioName = 'carte' | 'mixte' | 'tout-lie' | 'vide' | 'grand-compte';

export interface Scenario {
  name: ScenarioName;
  description: string;
  build(): PortalData;
}

/** The procedure card's service: easy to find by ref, name or client. */
export const CARD_SERVICE = {
  ref: 'MC-000123',
  name: 'Standard Siège',
  client: 'Boulangerie Dupont',
} as const;

const CARD_SUBSCRIBED: Record<string, number> = {
  'licence-simple': 1,
  'licence-full': 2,
  'licence-full-avancee': 0,
  'licence-full-meeting': 1,
  'licence-full-meeting-avancee': 1,
  'licence-full-conferencing': 1,
  'licence-fax-entreprise': 1,
  'licence-svi': 1,
};

/** One SDA per active licence of the card: `01 84 78 78 80` is the number printed on the card. */
const CARD_SDAS: ReadonlyArray<[number: string, user: string, licenceKey: string]> = [
  ['0184787880', 'Accueil', 'licence-simple'],
  ['0184787881', 'Marie Lefèvre', 'licence-full'],
  ['0184787882', 'Salle de réunion', 'licence-full-meeting'],
  ['0184787883', 'Direction', 'licence-full-meeting-avancee'],
  ['0184787884', 'Pont de conférence', 'licence-full-conferencing'],
  ['0184787885', 'Fax comptabilité', 'licence-fax-entreprise'],
  ['0184787886', 'Serveur vocal', 'licence-svi'],
];

function cardService(subscribed: Record<string, number> = CARD_SUBSCRIBED): Service {
  return {
    ...CARD_SERVICE,
    account: 'CC-004512',
    site: 'Paris 11e – 12 rue Oberkampf',
    type: 'MetaCentrex',
    state: 'Actif',
    subscribed: { ...subscribed },
  };
}

function sdas(serviceRef: string, rows: ReadonlyArray<readonly [string, string, string | null]>): Sda[] {
  return rows.map(([number, user, licenceKey]) => ({ number, user, licenceKey, serviceRef }));
}

function other(
  ref: string,
  name: string,
  client: string,
  type: Service['type'],
  state: Service['state'] = 'Actif',
): Service {
  return {
    ref,
    name,
    client,
    account: `CC-${ref.slice(-6)}`,
    site: client === CARD_SERVICE.client ? 'Paris 11e – 12 rue Oberkampf' : 'Lyon 3e – 8 cours Gambetta',
    type,
    state,
    subscribed: {},
  };
}

/** Services of other types and clients, so that every filter changes the list. */
function otherServices(): Service[] {
  return [
    other('TS-000201', 'Trunk SIP Siège', 'Boulangerie Dupont', 'Trunk SIP'),
    other('FO-000310', 'Fibre Siège', 'Boulangerie Dupont', 'Fibre'),
    other('SD-000402', 'SDSL Agence Lyon', 'Garage Martin', 'SDSL'),
    other('TS-000202', 'Trunk SIP Atelier', 'Garage Martin', 'Trunk SIP', 'Suspendu'),
    other('FO-000311', 'Fibre Cabinet', 'Cabinet Moreau Avocats', 'Fibre', 'En cours de livraison'),
    other('LT-000501', 'Secours 4G Cabinet', 'Cabinet Moreau Avocats', 'Lien 4G', 'Résilié'),
  ];
}

function carte(): PortalData {
  return {
    services: [cardService(), ...otherServices()],
    sdas: sdas(CARD_SERVICE.ref, CARD_SDAS),
    history: [],
  };
}

function metacentrex(
  ref: string,
  name: string,
  client: string,
  subscribed: Record<string, number>,
  site = 'Bordeaux – 3 quai des Chartrons',
): Service {
  return {
    ref,
    name,
    client,
    account: `CC-${ref.slice(-6)}`,
    site,
    type: 'MetaCentrex',
    state: 'Actif',
    subscribed,
  };
}

function mixte(): PortalData {
  const services: Service[] = [
    cardService(),
    metacentrex('MC-000201', 'Accueil Clinique', 'Clinique des Lilas', {
      'licence-simple': 5,
      'licence-full': 4,
      'licence-full-meeting': 1,
      'licence-svi': 1,
      'licence-operateur': 2,
    }),
    metacentrex('MC-000202', 'Standard Mairie', 'Mairie de Saint-Aubin', { 'licence-full': 2 }),
    metacentrex('MC-000203', 'Agence Nord', 'Transports Rapides', {}),
    metacentrex('MC-000204', 'Cabinet Moreau', 'Cabinet Moreau Avocats', {
      'licence-full': 3,
      'licence-svi': 1,
    }),
    ...otherServices(),
  ];
  return {
    services,
    sdas: [
      ...sdas(CARD_SERVICE.ref, CARD_SDAS),
      ...sdas('MC-000201', [
        ['0556102030', 'Accueil 1', 'licence-simple'],
        ['0556102031', 'Accueil 2', 'licence-simple'],
        ['0556102032', 'Accueil 3', 'licence-simple'],
        ['0556102033', 'Dr Bernard', 'licence-full'],
        ['0556102034', 'Dr Petit', 'licence-full'],
        ['0556102035', 'Standardiste', 'licence-operateur'],
        ['0556102036', 'Ancien poste', null],
      ]),
      ...sdas('MC-000202', [
        ['0320405060', 'Accueil mairie', 'licence-full'],
        ['0320405061', 'État civil', 'licence-full'],
      ]),
      ...sdas('MC-000204', [['0491223344', 'Serveur vocal', 'licence-svi']]),
    ],
    history: [],
  };
}

function toutLie(): PortalData {
  const services: Service[] = [
    cardService({ ...CARD_SUBSCRIBED }),
    metacentrex('MC-000301', 'Standard Pharmacie', 'Pharmacie du Marché', {
      'licence-simple': 2,
      'licence-full-meeting': 1,
    }),
    ...otherServices(),
  ];
  return {
    services,
    sdas: [
      ...sdas(CARD_SERVICE.ref, [...CARD_SDAS, ['0184787887', 'Paul Lefèvre', 'licence-full']]),
      ...sdas('MC-000301', [
        ['0299112233', 'Comptoir', 'licence-simple'],
        ['0299112234', 'Préparatoire', 'licence-simple'],
        ['0299112235', 'Titulaire', 'licence-full-meeting'],
      ]),
    ],
    history: [],
  };
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'carte',
    description:
      'Les valeurs exactes de la fiche : « Standard Siège » (MC-000123, Boulangerie Dupont), Licence full 1 / 2, sept SDA.',
    build: carte,
  },
  {
    name: 'mixte',
    description:
      'Plusieurs services MetaCentrex : licences résiliables, liées à des SDA, à 0 / 0, et un type inconnu (Licence opérateur).',
    build: mixte,
  },
  {
    name: 'tout-lie',
    description: 'Chaque licence souscrite est associée à un numéro (SDA) : rien n’est résiliable.',
    build: toutLie,
  },
  { name: 'vide', description: 'Aucun service.', build: () => ({ services: [], sdas: [], history: [] }) },
  {
    name: 'grand-compte',
    description: 'Un grand compte : plus de 2 000 services et 5 000 SDA, paginés et filtrables.',
    build: buildGrandCompte,
  },
];

export const SCENARIO_NAMES: readonly ScenarioName[] = SCENARIOS.map((scenario) => scenario.name);

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (SCENARIO_NAMES as readonly string[]).includes(value);
}

export function buildScenario(name: ScenarioName): PortalData {
  const scenario = SCENARIOS.find((candidate) => candidate.name === name);
  if (!scenario) throw new Error(`Scénario inconnu : ${name}`);
  return scenario.build();
}
