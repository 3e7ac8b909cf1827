/** The mock portal's data. Active counts are never stored: they are derived from the SDAs. */

export type ServiceType = 'MetaCentrex' | 'Trunk SIP' | 'Fibre' | 'SDSL' | 'Lien 4G';
export const SERVICE_TYPES: readonly ServiceType[] = ['MetaCentrex', 'Trunk SIP', 'Fibre', 'SDSL', 'Lien 4G'];

export type ServiceState = 'Actif' | 'En cours de livraison' | 'Suspendu' | 'Résilié';
export const SERVICE_STATES: readonly ServiceState[] = [
  'Actif',
  'En cours de livraison',
  'Suspendu',
  'Résilié',
];

export interface Service {
  ref: string;
  name: string;
  client: string;
  account: string;
  site: string;
  type: ServiceType;
  state: ServiceState;
  /** Subscribed quantity (S) per licence key; MetaCentrex only, absent keys mean 0. */
  subscribed: Record<string, number>;
}

/** A direct inbound number; `licenceKey` null once dissociated. */
export interface Sda {
  /** Ten digits, no spaces: `0184787880`. */
  number: string;
  serviceRef: string;
  user: string;
  licenceKey: string | null;
}

export type HistoryAction = 'Résiliation' | 'Dissociation';

export interface HistoryEntry {
  at: Date;
  action: HistoryAction;
  serviceRef: string;
  licenceLabel: string;
  /** The SDA, for a dissociation. */
  number: string | null;
  quantity: number;
  user: string;
}

export interface PortalData {
  services: Service[];
  sdas: Sda[];
  history: HistoryEntry[];
}

/** `0184787880` → `01 84 78 78 80`, the way French numbers are written. */
export function formatNumber(digits: string): string {
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}
