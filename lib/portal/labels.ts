/**
 * The portal's French labels, in one place (from the procedure card, see docs/mock-portal.md).
 * Readers compare them through `foldText`, so case, spacing, accents and icons do not matter.
 */
import { foldCompatibility, foldText, normaliseText } from './text';

export const HEADING_LABEL = 'Nombre de licences';
export const SUBSCRIBED_LABEL = 'Quantité souscrite';
export const ACTIVE_LABEL = 'Quantité active';
export const TO_TERMINATE_LABEL = 'Quantité à résilier';
/**
 * Other names the quantity to terminate may wear in a termination dialog (folded): « Nombre de
 * licences à résilier », « Quantité » or « Nombre » alone — never « Quantité souscrite / active ».
 */
export const TO_TERMINATE_NAMES = /^(?:quantite|nombre)(?: de licences?)?(?: a resilier)?\s*:?$/;
export const CONFIRM_LABEL = 'Confirmer';
export const VALIDATE_LABEL = 'Valider';
/** What a button that sends a dialog may read, whatever element wears it (the first word counts). */
export const SUBMIT_LABELS = [CONFIRM_LABEL, VALIDATE_LABEL, 'Résilier', 'OK', 'Envoyer', 'Enregistrer'];
export const NUMBERS_TAB_LABEL = 'Numéros';
/** The service page's tab whose pane holds the licence block (it loads after "Chargement..."). */
export const DETAILS_TAB_LABEL = 'Détails';
export const LOADING_LABEL = 'Chargement';
/**
 * Words a portal's refusal uses (« Erreur technique », « refusée », « Impossible de… », « échec »…):
 * a termination dialog showing one more of them than at the send says it was not taken.
 */
export const REFUSAL_WORDS =
  /erreur|refus|impossible|[eé]che[cq]|[eé]chou|invalide|n['’]a pas pu|non autoris/giu;
/** The services list's heading, where the account-wide audit starts. */
export const SERVICES_LIST_HEADING = 'Paramétrage / Monitoring';
/**
 * How a termination dialog's title begins: `Résiliation licence`, `RÉSILIATION DE LA LICENCE`
 * (the licence type follows). Case-insensitive; `\s` also takes the NBSP and other Unicode spaces.
 */
export const TERMINATION_TITLE_START = /r[eé]siliation\s+(?:de\s+(?:la\s+)?)?licence/iu;

/** The licence types of the card, in the card's order. A portal may show others: keep them too. */
export const KNOWN_LICENCE_TYPES = [
  'Licence simple',
  'Licence full',
  'Licence full avancée',
  'Licence full meeting',
  'Licence full meeting avancée',
  'Licence full conferencing',
  'Licence fax entreprise',
  'Licence SVI',
] as const;

/** Whether two texts are the same label once folded (`Quantité active :` ≡ `quantite  active`). */
export function sameLabel(text: string, label: string): boolean {
  return foldText(text) === foldText(label);
}

/** Whether a text begins with the word `Licence` followed by a type (`Licence full`, `licence X`). */
export function startsWithLicenceWord(text: string): boolean {
  return /^licence(\s|$)/.test(foldText(text));
}

/**
 * Words a row may show right after its label that say its state, not its type (`Actif`, a `Nouveau`
 * badge). Any other word there may be the rest of a type's name (`Licence full` + `vidéo`).
 */
const STATE_WORDS = /^(?:(?:in)?acti(?:f|ve)s?|nouve(?:au|lle)|new|en service|suspendue?s?|inclus(?:e|es)?)$/;

/**
 * Whether words cut from after a label are no part of its type: a state word (`Actif`), or marks
 * only (`*`, `ⓘ`, a dash).
 */
export function isStateOrMark(words: string): boolean {
  const folded = foldText(words);
  return STATE_WORDS.test(folded) || !/[\p{L}\p{N}]/u.test(folded);
}

/** Whether a text is a licence label: `Licence` and at least one more word. */
export function isLicenceLabel(text: string): boolean {
  return /^licence\s+\S/.test(foldText(text));
}

/** What identifies a licence: its folded type, without the `Licence` word (`full`, `full avancee`). */
export function licenceKey(label: string): string {
  return foldText(label).replace(/^licence(\s+|$)/, '');
}

/**
 * Whether two texts name the same licence: `Licence full` ≡ `licence  full ⓘ` ≡ `Licence Full`.
 * A bare type (`full`, as a Numéros table may show it) matches its `Licence …` label. Empty never matches.
 */
export function sameLicence(a: string, b: string): boolean {
  const keyA = licenceKey(a);
  return keyA !== '' && keyA === licenceKey(b);
}

/** The card's label for a licence type, when it is one of the known ones. */
export function knownLicenceType(label: string): (typeof KNOWN_LICENCE_TYPES)[number] | null {
  const key = licenceKey(label);
  if (key === '') return null;
  // The known labels are folded once, not on every row of every read.
  knownKeys ??= KNOWN_LICENCE_TYPES.map((known) => [licenceKey(known), known] as const);
  return knownKeys.find(([known]) => known === key)?.[1] ?? null;
}

let knownKeys: (readonly [string, (typeof KNOWN_LICENCE_TYPES)[number]])[] | undefined;

/**
 * The Détails-row label a dialog title is about: `Résiliation licence full` → `Licence full`
 * (also `RÉSILIATION DE LA LICENCE Full ⓘ`). `null` when the title is not a termination title.
 */
export function licenceLabelFromDialogTitle(title: string): string | null {
  const shown = foldCompatibility(normaliseText(title));
  titlePattern ??= new RegExp(`^${TERMINATION_TITLE_START.source}\\s+(\\S.*?)\\s*:?$`, 'iu');
  const match = titlePattern.exec(shown.normalize('NFC'));
  return match?.[1] ? `Licence ${match[1]}` : null;
}

let titlePattern: RegExp | undefined;
