/** Personal data of every shape a portal page could show: what a capture must never keep. */
export const NAMES = [
  'Jean Dupont',
  'Marie-Hélène Lefèvre',
  'Zoé Nguyễn',
  'François d’Arbaumont',
  'Kévin Ben Saïd',
];
export const EMAILS = [
  'jean.dupont@exemple.fr',
  'm.lefevre+support@societe-xyz.com',
  'ZOE_N@mail.example.org',
];
export const PHONES = [
  '01 84 78 78 80',
  '0184787880',
  '01.84.78.78.80',
  '01-84-78-78-80',
  '+33 1 84 78 78 80',
  '+33184787880',
  '+33 (0)1 84 78 78 80',
  '0033 1 84 78 78 80',
  '06 12 34 56 78',
  '09 70 12 34 56',
];
export const ADDRESSES = [
  '12 rue de la Paix, 75002 Paris',
  '3 bis avenue Jean Jaurès 69007 Lyon',
  '45, boulevard Haussmann',
];
export const REFERENCES = [
  'MC-000123',
  'CC-004512',
  'E-0000012345',
  'FAC2024-0042',
  'SIRET 123 456 789 00012',
];
export const PRICES = ['12,50 €', '1 234,00 EUR', '99.90€'];
export const DATES = ['12/03/2024', '2024-03-12', '12 mars 2024', '01.02.2023'];
export const COMPANIES = ['Boulangerie Martin SARL', 'Cabinet Durand & Associés'];
/** Shapes written to slip through: spaces of other widths, fullwidth digits, an e-mail spelt out. */
export const DISGUISED = [
  '+33 (0)1 23 45 67 89',
  '01.23.45.67.89',
  '0033123456789',
  '01\u00a023\u00a045\u00a067\u00a089',
  '01\u202f23\u200945\u202f67\u202f89',
  '０１ ２３ ４５ ６７ ８９',
  'jean.dupont [at] example.fr',
  'jean.dupont%40example.fr',
  'FR76 3000 6000 0112 3456 7890 189',
  'Licence full de Jean Dupont',
];

export const PERSONAL = [
  ...NAMES,
  ...EMAILS,
  ...PHONES,
  ...ADDRESSES,
  ...REFERENCES,
  ...PRICES,
  ...DATES,
  ...COMPANIES,
  ...DISGUISED,
];

/** The parts of the strings above that are personal on their own (for exact-string search). */
export function personalFragments(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .filter(
      (part) =>
        /\d{3,}|@/.test(part) ||
        (/^\p{Lu}\p{Ll}{2,}/u.test(part) && !/^(Associés|SARL|SIRET|Licence)$/.test(part)),
    );
}
