/**
 * Numbers written across inline elements (`<span>01</span> <span>84</span> …`, `01 84 <b>78</b> 78
 * 80`): each text on its own looks like a count (`84`), so the per-text rule of `anonymise.ts` would
 * keep it; read together they are a phone number, a SIRET. A run is what the browser lays out on one
 * line: texts joined through inline elements, broken by any other element.
 */

/** Elements that do not break a run (a `<br>` or `<wbr>` inside a number still joins its parts). */
export const INLINE =
  /^(?:a|abbr|b|bdi|bdo|br|cite|code|data|del|dfn|em|font|i|ins|kbd|label|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)$/;

/**
 * Digits joined by at most three signs or spaces: one number as a reader sees it. A run of spaces
 * counts as one, as the browser shows it (`<span>01</span>⏎␣␣␣␣<span>84</span>` is `01 84`), and
 * invisible signs (zero-width spaces, soft hyphens, word joiners: `\p{Cf}`) count with them.
 */
const NUMBER = /\p{N}(?:(?:[\s\p{Cf}]+|[^\p{L}\p{N}\s\p{Cf}]){0,3}\p{N})*/gu;
const COUNT = /^(?:0|[1-9]\d{0,3})(?:\s*\/\s*(?:0|[1-9]\d{0,3}))?$/;

export interface SplitNumbers {
  /** Indexes of the run's texts that hold part of a number other texts hold the rest of. */
  pieces: Set<number>;
  /** Those numbers, as read across the texts. */
  values: string[];
}

/** The texts of one run that hold part of a number split across them (a count `1 / 2` excepted). */
export function splitNumbers(texts: readonly string[]): SplitNumbers {
  const owner: number[] = [];
  texts.forEach((text, index) => {
    for (let unit = 0; unit < text.length; unit += 1) owner.push(index);
  });
  const pieces = new Set<number>();
  const values: string[] = [];
  for (const match of texts.join('').matchAll(NUMBER)) {
    const holders = new Set(owner.slice(match.index, match.index + match[0].length));
    if (holders.size < 2 || COUNT.test(match[0])) continue;
    for (const holder of holders) pieces.add(holder);
    values.push(match[0]);
  }
  return { pieces, values };
}
