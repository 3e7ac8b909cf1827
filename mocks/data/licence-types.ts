/**
 * Licence types shown on the Détails tab. The eight labels and their order are KNOWN (procedure
 * card); tooltips and the extra `Licence opérateur` are the mock's own (a type the extension has
 * never seen, to prove unknown labels are handled, not dropped).
 */
export interface LicenceType {
  label: string;
  /** URL-safe key used in the mock's routes (never shown, never relied on by the extension). */
  key: string;
  tooltip: string;
}

export const KNOWN_LICENCE_TYPES: readonly LicenceType[] = [
  { label: 'Licence simple', key: 'licence-simple', tooltip: 'Poste de base : appels entrants et sortants.' },
  { label: 'Licence full', key: 'licence-full', tooltip: 'Poste complet : messagerie, renvois, softphone.' },
  {
    label: 'Licence full avancée',
    key: 'licence-full-avancee',
    tooltip: 'Licence full avec supervision et files d’attente.',
  },
  {
    label: 'Licence full meeting',
    key: 'licence-full-meeting',
    tooltip: 'Licence full avec audioconférence.',
  },
  {
    label: 'Licence full meeting avancée',
    key: 'licence-full-meeting-avancee',
    tooltip: 'Licence full meeting avec visioconférence.',
  },
  {
    label: 'Licence full conferencing',
    key: 'licence-full-conferencing',
    tooltip: 'Licence full avec pont de conférence dédié.',
  },
  { label: 'Licence fax entreprise', key: 'licence-fax-entreprise', tooltip: 'Fax vers e-mail.' },
  { label: 'Licence SVI', key: 'licence-svi', tooltip: 'Serveur vocal interactif.' },
];

/** Not on the card: a type "added later" by the portal, used by the `mixte` scenario. */
export const OPERATOR_LICENCE: LicenceType = {
  label: 'Licence opérateur',
  key: 'licence-operateur',
  tooltip: 'Poste opérateur (standardiste).',
};

export const ALL_LICENCE_TYPES: readonly LicenceType[] = [...KNOWN_LICENCE_TYPES, OPERATOR_LICENCE];

export function licenceTypeByKey(key: string): LicenceType | undefined {
  return ALL_LICENCE_TYPES.find((type) => type.key === key);
}

export function licenceTypeByLabel(label: string): LicenceType | undefined {
  return ALL_LICENCE_TYPES.find((type) => type.label === label);
}
