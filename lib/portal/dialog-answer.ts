/**
 * What a termination dialog says of the portal's answer: how many refusal words (« Erreur »,
 * « refusée », « impossible »…) the operator sees in it. Counted on its visible text only: a hidden
 * error template the page keeps in the dialog is no refusal, and a refusal believed on it would forget
 * a termination the portal may have taken.
 */
import { REFUSAL_WORDS } from './labels';
import { visibleText } from './visibility';

export function refusalsShown(dialog: Element): number {
  return visibleText(dialog).match(REFUSAL_WORDS)?.length ?? 0;
}
