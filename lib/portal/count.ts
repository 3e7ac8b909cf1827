/**
 * Reading the `A / S` count of a licence row, strictly: exactly one `whole / whole` in the row, and
 * every other number in it recognisably something else (a price with its currency, a date, a
 * reference such as `MC-000123`); otherwise a problem. A wrong number is worse than none.
 */

import { normaliseText } from './text';
import type { CountProblem, LicenceCount } from './types';

export type CountReading = { count: LicenceCount; problem: null } | { count: null; problem: CountProblem };

const WHOLE = /^\d+$/;
// ASCII hyphen, Unicode minus, hyphen and dashes that may stand for a minus sign.
const NEGATIVE_WHOLE = /^[-\u2010-\u2013\u2212]\d+$/;
/** `01/12/2026`, `1.12.26`, `2026-12-01`: never a count, whatever its slashes. */
const DATE = /^(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{2}|\d{4})|\d{4}-\d{2}-\d{2})$/;
/**
 * Dates without a year or without a day, told from a count by how they are written: glued to their
 * slash and zero-padded (`01/12`), or with a year (`12/2026`). A glued count (`1/2`) is not
 * zero-padded; one that is (`01/02`) is left unread rather than misread.
 */
const BRACKETS = /^[([{]+|[)\]},;]+$/g;
/** A date written glued (see above), with a real day, month and year: `0/1900` or `00/12` is no date. */
export function isGluedDate(token: string): boolean {
  const parts = /^(\d{1,2})\/(\d{2}|\d{4})$/.exec(token);
  if (!parts) return false;
  const [, first = '', second = ''] = parts;
  const [a, b] = [Number(first), Number(second)];
  if (second.length === 4) return a >= 1 && a <= 12 && b >= 1900 && b <= 2099;
  // Day and month, in either order, one of them zero-padded.
  return (
    first.length === 2 &&
    (first.startsWith('0') || second.startsWith('0')) &&
    Math.min(a, b) >= 1 &&
    Math.max(a, b) <= 31 &&
    Math.min(a, b) <= 12
  );
}
/** A reference: starts with a letter or `#`, holds a digit, no slash (`MC-000123`, `REF42`, `#12`). */
const REFERENCE = /^[#\p{L}][\p{L}\d._#-]*\d[\p{L}\d._#-]*$/u;
/** What may follow a price: a currency sign or word (`12,50 €`, `12.50 EUR HT`). */
const CURRENCY_NEXT = /^(?:€|(?:eur|euros?|ht|ttc)$)/i;
/** Exactly the shape of a count: two (possibly signed) wholes around a slash. */
const COUNT_SHAPE = /^[-\u2010-\u2013\u2212]?\d+\/[-\u2010-\u2013\u2212]?\d+$/;

/**
 * The row's tokens that hold a digit (any script's: `１ / ２` is not read, but not ignored either),
 * slashes glued to their numbers (`1 / 2` → `1/2`), brackets dropped, and without what can never be
 * the count: a price (a currency in it or beside it, so `1/2 €` is a price, not a count), a date, a
 * reference.
 */
function numberTokens(text: string): string[] {
  const tokens = normaliseText(text)
    .split(' ')
    .filter((token) => !isGluedDate(token.replace(BRACKETS, '')))
    .join(' ')
    .replace(/\s*\/\s*/g, '/')
    .split(' ')
    .map((token) => token.replace(BRACKETS, ''));
  return tokens.filter(
    (token, index) =>
      /\p{Nd}/u.test(token) &&
      !token.includes('€') &&
      !CURRENCY_NEXT.test(tokens[index + 1] ?? '') &&
      tokens[index - 1] !== '€' &&
      !DATE.test(token) &&
      !(REFERENCE.test(token) && !token.includes('/')),
  );
}

function problem(kind: CountProblem): CountReading {
  return { count: null, problem: kind };
}

/**
 * Reads a row's text other than its label, e.g. `1 / 2`, `1/2 Résilier`, `1 / 2 12,50 € MC-000123`,
 * `x / 2`, `1 / 2 3 / 4` (ambiguous), `1 / 2 3` (ambiguous: what is the 3?).
 */
export function parseCount(text: string): CountReading {
  const tokens = numberTokens(text);
  const expressions = tokens.filter((token) => token.includes('/'));
  if (expressions.length === 0) return problem(tokens.length > 0 ? 'not-a-number' : 'missing');
  if (tokens.length > 1) return problem('ambiguous');
  const parts = (expressions[0] ?? '').split('/');
  if (parts.length !== 2) return problem('not-a-number');
  if (parts.some((part) => !WHOLE.test(part) && !NEGATIVE_WHOLE.test(part))) return problem('not-a-number');
  if (parts.some((part) => NEGATIVE_WHOLE.test(part))) return problem('negative');
  const [active, subscribed] = parts.map(Number) as [number, number];
  if (!Number.isSafeInteger(active) || !Number.isSafeInteger(subscribed)) return problem('not-a-number');
  if (active > subscribed) return problem('active-exceeds-subscribed');
  return { count: { active, subscribed }, problem: null };
}

/** Whether a text holds something shaped like an `A / S` count (a row the summary must not hide). */
export function holdsCountShape(text: string): boolean {
  return numberTokens(text).some((token) => COUNT_SHAPE.test(token));
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

/** Drops the separators a label may end with (`Licence full :`, `Licence full –`, `Licence full |`). */
export function tidyLabel(label: string): string {
  return normaliseText(label).replace(/[\s:;,|·•\u2013\u2014-]+$/, '');
}
