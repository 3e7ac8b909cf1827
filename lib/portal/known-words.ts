/**
 * The portal's own vocabulary: the words an anonymised page capture may keep as they are (see
 * lib/capture). Everything else a page says is masked. Derived from the labels the readers use
 * (`labels.ts`), plus a dialog's title words, the portal's tab names, buttons, column headers and the words a count legend
 * is written with. None of these can be personal: they are the portal's interface, not its data.
 */
import {
  ACTIVE_LABEL,
  CONFIRM_LABEL,
  DETAILS_TAB_LABEL,
  HEADING_LABEL,
  KNOWN_LICENCE_TYPES,
  LOADING_LABEL,
  NUMBERS_TAB_LABEL,
  SUBSCRIBED_LABEL,
  TO_TERMINATE_LABEL,
  VALIDATE_LABEL,
} from './labels';
import { foldText } from './text';

/** Tab names of a service page, button labels, the services list's columns and filters (card). */
const INTERFACE_TEXTS = [
  'Résiliation licence Informations Détails Numéros Historique',
  'Résilier Dissocier Fermer Annuler Confirmer Valider Rechercher Filtrer Paramétrer',
  'Réf. du service Nom du service Client Compte client Site Type de service État du service Action',
  'Mes Services Paramétrage Monitoring MetaCentrex Actif Inactif Accueil Déconnexion',
  'Numéro Utilisateur SDA Chargement Précédent Suivant Page Aucun Aucune Oui Non',
];

/**
 * The words a count legend is written with (`Licences actives / licences souscrites`), both the
 * reading the extension trusts and the ones that make it say "non reconnu" (legend.ts): a capture
 * must keep a legend's meaning, or its reading would differ from the page's.
 */
const LEGEND_WORDS =
  'actives active actif actifs souscrites souscrite souscrits souscrit disponibles disponible libres libre ' +
  'restantes restant utilisées utilisée utilisés associées associée associés attribuées affectées ' +
  'commandées achetées inactives inactive occupées vacantes en service';

/** French words that say nothing about anyone, so a legend or a sentence keeps its grammar. */
const FUNCTION_WORDS =
  'à a au aux avec dans de des du en et la le les ou par pour sur un une que qui est sont ne pas ' +
  'plus moins total nombre licence licences quantité quantités';

/** The labels the readers key on (labels.ts), a dialog's title word and the tabs they look for. */
const READER_TEXTS = [
  HEADING_LABEL,
  SUBSCRIBED_LABEL,
  ACTIVE_LABEL,
  TO_TERMINATE_LABEL,
  CONFIRM_LABEL,
  VALIDATE_LABEL,
  NUMBERS_TAB_LABEL,
  DETAILS_TAB_LABEL,
  LOADING_LABEL,
  'Résiliation',
  ...KNOWN_LICENCE_TYPES,
];

function foldedWords(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((text) => foldText(text).split(/[^\p{L}\p{N}]+/u)).filter(Boolean));
}

/** Every known word, folded (`Quantité` → `quantite`). */
export function knownWords(): ReadonlySet<string> {
  return foldedWords([...READER_TEXTS, ...INTERFACE_TEXTS, LEGEND_WORDS, FUNCTION_WORDS]);
}

/**
 * The words the readers key on (their labels, a dialog's title, the tab): never masked, even beside a
 * name, or the capture would not read as the page did. Other portal words beside a name may be part
 * of it (`Pierre Page`).
 */
export function readerWords(): ReadonlySet<string> {
  return foldedWords(READER_TEXTS);
}
