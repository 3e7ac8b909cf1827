/**
 * Reading the `A / S` count of a licence row, strictly: exactly one `whole / whole` and nothing else
 * that looks like a number, otherwise a problem. A wrong number is worse than none.
 */

import type { CountProblem } from '../licences/types';
import { normaliseText } from './text';
import type { LicenceCount } from './types';

export type CountReading = { count: LicenceCount; problem: null } | { count: null; problem: CountProblem };

const WHOLE = /^\d+$/;
// ASCII hyphen, Unicode minus, hyphen and dashes that may stand for a minus sign.
const NEGATIVE_WHOLE = /^[-\u2010-\u2013\u2212]\d+$/;

function problem(kind: CountProblem): CountReading {
  return { count: null, problem: kind };
}

/** Reads a row's text other than its label, e.g. `1 / 2`, `1/2 Résilier`, `x / 2`, `1 / 2 3 / 4`. */
export function parseCount(text: string): CountReading {
  const tokens = normaliseText(text)
    .replace(/\s*\/\s*/g, '/')
    .split(' ')
    .filter((token) => token !== '');
  const expressions = tokens.filter((token) => token.includes('/'));
  const numberLike = tokens.filter((token) => !token.includes('/') && /\d/.test(token));
  if (expressions.length === 0) return problem(numberLike.length > 0 ? 'not-a-number' : 'missing');
  if (expressions.length > 1 || numberLike.length > 0) return problem('ambiguous');
  const parts = (expressions[0] ?? '').split('/');
  if (parts.length !== 2) return problem('not-a-number');
  if (parts.some((part) => !WHOLE.test(part) && !NEGATIVE_WHOLE.test(part))) return problem('not-a-number');
  if (parts.some((part) => NEGATIVE_WHOLE.test(part))) return problem('negative');
  const [active, subscribed] = parts.map(Number) as [number, number];
  if (!Number.isSafeInteger(active) || !Number.isSafeInteger(subscribed)) return problem('not-a-number');
  if (active > subscribed) return problem('active-exceeds-subscribed');
  return { count: { active, subscribed }, problem: null };
}

/**
 * Splits a text that holds both a label and its count (`Licence full 1 / 2`) before the first
 * slash expression. A text without a slash is all label (`Licence T2 pro` keeps its digit).
 */
export function splitLabelAndCount(text: string): { label: string; rest: string } {
  const tokens = normaliseText(text).split(' ');
  const start = tokens.findIndex(
    (token, index) => index > 0 && (token.includes('/') || (tokens[index + 1] ?? '').startsWith('/')),
  );
  if (start < 0) return { label: tidyLabel(tokens.join(' ')), rest: '' };
  return { label: tidyLabel(tokens.slice(0, start).join(' ')), rest: tokens.slice(start).join(' ') };
}

/** Drops the separators a label may end with (`Licence full :`, `Licence full –`). */
export function tidyLabel(label: string): string {
  return normaliseText(label).replace(/[\s:\u2013\u2014-]+$/, '');
}
