/**
 * What the page says the `A / S` count means. The card shows `1 / 2` beside a dialog saying
 * "souscrite 2, active 1", which fits "active / subscribed" but also "free / total"; a legend that
 * says otherwise must stop us from showing numbers.
 */

import { foldText, normaliseText } from './text';
import type { CountLegend } from './types';

// Also what can still be given (`attribuables`, `à affecter`, `non encore associées`): read as
// "active" by its stem, it would be taken for the count's first half.
const SAYS_FREE =
  /disponib|libre|restant|non[\s-]?(encore )?(utilis|activ|associ|attribu|affect)|inactiv|vacant|(utilis|activ|associ|attribu|affect|assign)ables?\b|\ba (utilis|activ|associ|attribu|affect)er\b|available|free|remaining|unused|unassign/;
const SAYS_ACTIVE = /activ|utilis|associ|attribu|affect|occup|en service|used|in use|assigned/;
const SAYS_SUBSCRIBED = /souscri|command|achet|total|subscri|purchas/;

/** Where a legend text was found: a tooltip is about the count; page text only when it says so. */
export type LegendSource = 'tooltip' | 'text';

/** How one text describes the count, or `null` when it says nothing about it. */
export function classifyLegendText(text: string, source: LegendSource): CountLegend | null {
  const shown = normaliseText(text);
  const folded = foldText(text);
  if (folded === '') return null;
  if (SAYS_FREE.test(folded)) {
    // Page text mentioning "disponible" may be about anything; keep it only if it reads as a count legend.
    if (source === 'tooltip' || /\/|\bsur\b|licence/.test(folded)) return { kind: 'other', text: shown };
    return null;
  }
  if (SAYS_ACTIVE.test(folded) && SAYS_SUBSCRIBED.test(folded))
    return { kind: 'active-of-subscribed', text: shown };
  if (source === 'tooltip' && /\S\s*\/\s*\S|\bsur\b/.test(folded)) return { kind: 'other', text: shown };
  return null;
}

/** Several legend texts: any that disagrees wins (we would rather show nothing than a wrong number). */
export function combineLegends(legends: readonly (CountLegend | null)[]): CountLegend {
  const said = legends.filter((legend): legend is CountLegend => legend !== null && legend.kind !== 'none');
  return said.find((legend) => legend.kind === 'other') ?? said[0] ?? { kind: 'none' };
}

/** The attributes tooltips and popovers keep their text in (Bootstrap 3 moves `title` to `data-original-title`). */
export const TOOLTIP_ATTRIBUTES = [
  'title',
  'data-original-title',
  'data-bs-original-title',
  'aria-label',
  'data-content',
  'data-bs-content',
  'data-tooltip',
  'data-title',
] as const;

/** Tooltip texts of an element and its descendants. */
export function tooltipTexts(element: Element): string[] {
  const texts: string[] = [];
  for (const candidate of [element, ...Array.from(element.querySelectorAll('*'))]) {
    for (const attribute of TOOLTIP_ATTRIBUTES) {
      const value = candidate.getAttribute(attribute);
      if (value && normaliseText(value) !== '') texts.push(value);
    }
  }
  return texts;
}
