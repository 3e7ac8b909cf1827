/**
 * Whether a numbers table shows only part of the page's numbers: a page of several (« 1 à 10 sur 35 »,
 * « Page 1 / 4 », DataTables' « Affichage de l'élément 1 à 10 sur 35 éléments », a « Suivant » link), a
 * filter with text in it, a « Voir plus » button, a virtualised grid (`aria-rowcount`), rows still
 * « Chargement… » or an error. What such a part lists is true; what it does not list proves nothing.
 * Read around the table only (its own wrapper, up to its tab pane), never the licence block's region.
 */
import { visibleElementsMatching } from './find-by-text';
import { HEADING_LABEL } from './labels';
import { TAB_PANEL } from './selectors';
import { foldText } from './text';
import { isHiddenByMarkup, visibleText } from './visibility';

/** Wrappers climbed from the table at most (DataTables: table › column › row › wrapper). */
const MAX_CLIMB = 3;
const CONTROLS = 'a, button, [role="button"], [role="link"], input[type="button"], input[type="submit"]';
const MORE =
  /^(?:suivante?|page suivante|precedente?|page precedente|next|previous|[»›«‹]|>>?|<<?|(?:voir|afficher|charger) (?:plus|la suite|tout)|plus de (?:numeros|resultats)|tout (?:voir|afficher))$/;
const SHOWING = /(\d+)\s*(?:a|-)\s*(\d+)\s*(?:sur|de)\s*(\d+)/g;
const PAGE = /\bpage\s*(\d+)\s*(?:\/|sur|de)\s*(\d+)/g;
const NOT_ALL = /chargement|erreur|impossible de charger|echec|filtre(?:e|s|es)? de \d/;

/**
 * The region that belongs to the table: its wrappers up to its tab pane, never the block's. Another
 * numbers table there (one per site) shares it: a pager of either makes both partial — never whole.
 */
function regionOf(table: Element): Element {
  let region = table;
  for (let step = 0; step < MAX_CLIMB && !region.matches(TAB_PANEL); step += 1) {
    const parent = region.parentElement;
    if (!parent || parent.tagName === 'BODY' || (parent.textContent ?? '').includes(HEADING_LABEL)) break;
    region = parent;
  }
  return region;
}

function saysPart(text: string): boolean {
  if (NOT_ALL.test(text)) return true;
  for (const [, first, last, total] of text.matchAll(SHOWING))
    if (Number(first) > 1 || Number(last) < Number(total)) return true;
  for (const [, , total] of text.matchAll(PAGE)) if (Number(total) > 1) return true;
  return false;
}

function disabled(element: Element): boolean {
  return element.hasAttribute('disabled') || element.closest('[aria-disabled="true"], [disabled]') !== null;
}

/** Whether the table (with `rows` data rows shown) is only part of the page's numbers. */
export function showsPart(table: Element, rows: number): boolean {
  const declared = Number(table.getAttribute('aria-rowcount') ?? Number.NaN);
  // A virtualised grid says how many rows it has (`-1`: not known) beyond those in the page.
  if (declared === -1 || declared > rows + 1) return true;
  const region = regionOf(table);
  if (saysPart(foldText(visibleText(region)))) return true;
  for (const control of visibleElementsMatching(region, CONTROLS)) {
    const name = foldText(
      control.getAttribute('aria-label') ??
        (visibleText(control) || (control as HTMLInputElement).value || ''),
    );
    if (MORE.test(name) && !disabled(control)) return true;
  }
  // Form fields count as hidden for text reading: only what the markup hides around them is left out.
  for (const field of Array.from(region.querySelectorAll('input, select'))) {
    if (field.parentElement && isHiddenByMarkup(field.parentElement)) continue;
    const value = (field as HTMLInputElement).value.trim();
    const type = field.getAttribute('type') ?? 'text';
    // A length menu (« Afficher 10 éléments ») as full as the table: more may follow.
    if (field.tagName === 'SELECT') {
      if (/^\d+$/.test(value) && rows >= Number(value)) return true;
    } else if (['text', 'search'].includes(type) && value !== '') return true;
  }
  return false;
}
