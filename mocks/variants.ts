/**
 * Opt-in markup variants: ordinary ways the real portal's markup could differ from the card (a price
 * column, a stale hidden copy of the block, another submit label…), so the kit can try the extension
 * on markup the faithful mock does not have. All off by default: the mock stays the card's portal.
 *
 * Turned on per portal by `?variante=a,b` on any URL (sticky until `?variante=` empty or a reset), by
 * `POST /__mock/variants {"names": [...]}`, or `npm run portal -- --variant a --variant b`.
 * Render sites ask `ctx.variants.has(name)`.
 */
export const VARIANTS = [
  { name: 'prix', description: 'Une colonne de prix et une référence à côté de chaque compte.' },
  {
    name: 'bloc-cache',
    description: 'Une copie périmée du bloc des licences, cachée par une classe CSS, avant le vrai.',
  },
  {
    name: 'renvoi',
    description:
      'Un appel de note en exposant collé au compte de la Licence full (« 1 / 2¹ »), la note sous le tableau.',
  },
  { name: 'bouton-resilier', description: 'Le bouton d’envoi de la résiliation s’appelle « Résilier ».' },
  {
    name: 'bouton-icone',
    description: 'Le bouton d’envoi de la résiliation est une icône (aria-label « Valider »).',
  },
  { name: 'stepper', description: 'Un sélecteur +/− dont le script change la quantité sans événement.' },
  { name: 'cadre', description: 'L’onglet Détails est affiché dans un cadre (iframe) de même origine.' },
  {
    name: 'fenetre-sans-role',
    description:
      'La fenêtre de résiliation n’a pas de rôle ARIA et son titre est dans son corps, à l’écart de ses boutons.',
  },
  {
    name: 'titre-different',
    description:
      'La fenêtre de résiliation s’intitule « Résilier la licence full » au lieu de « Résiliation licence full ».',
  },
  {
    name: 'date-resiliation',
    description:
      'La fenêtre de résiliation demande aussi une date, à côté de la quantité, sans libellé relié à l’un ou l’autre champ.',
  },
  {
    name: 'modale-aria-hidden',
    description:
      'La fenêtre de résiliation garde aria-hidden="true" une fois ouverte (balisage de Bootstrap 3.0 ; le script 3.4.1 ne l’enlève pas).',
  },
  {
    name: 'sans-rafraichissement',
    description:
      'Après une résiliation, la page ne recharge pas l’onglet Détails : les comptes restent ceux d’avant jusqu’au rechargement de la page.',
  },
  {
    name: 'copie-cachee',
    description:
      'La fenêtre de résiliation envoie une copie cachée de la quantité (« quantite »), recopiée du champ visible seulement à l’événement change ; le serveur prend la copie.',
  },
  {
    name: 'champ-nombre',
    description: 'Le champ « Quantité à résilier » est un <input type="number">.',
  },
] as const;

export type VariantName = (typeof VARIANTS)[number]['name'];

export const VARIANT_NAMES: readonly VariantName[] = VARIANTS.map((variant) => variant.name);

export function isVariantName(value: unknown): value is VariantName {
  return typeof value === 'string' && (VARIANT_NAMES as readonly string[]).includes(value);
}

/** The query parameter that switches variants on from any URL. */
export const VARIANT_PARAM = 'variante';

/**
 * Reads a list of variant names (`prix,stepper`, or an array); unknown names are refused by name so
 * a typo shows instead of silently testing the faithful markup.
 */
export function parseVariantNames(
  input: unknown,
): { ok: true; names: VariantName[] } | { ok: false; message: string } {
  const raw = typeof input === 'string' ? input.split(',') : input;
  if (!Array.isArray(raw)) {
    return { ok: false, message: 'Liste de variantes attendue, par exemple {"names": ["prix"]}.' };
  }
  const names: VariantName[] = [];
  for (const item of raw) {
    const name = typeof item === 'string' ? item.trim() : item;
    if (name === '') continue;
    if (!isVariantName(name)) {
      return {
        ok: false,
        message: `Variante inconnue : ${String(name)}. Connues : ${VARIANT_NAMES.join(', ')}.`,
      };
    }
    if (!names.includes(name)) names.push(name);
  }
  return { ok: true, names };
}
