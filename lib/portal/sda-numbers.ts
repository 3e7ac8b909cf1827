/**
 * The phone numbers (SDA) a cell shows, however a French portal writes them: `01 84 78 78 80`,
 * `01.84.78.78.80`, `0184787880`, `+33 1 …`, `+33 (0)1 …`, `0033 1 …`, with `poste 201`, several in one
 * cell, ranges (`01 84 78 78 80 à 89`, `…80-89`: ten numbers). Each is keyed by its national digits, so
 * one number written two ways is one. Anything else with digits is not read as numbers (`null`): a count
 * of holders is never made from a guess (a range read as one number, an order number read as an SDA).
 */

/** Ranges longer than this are not expanded (the cell is then not read): no table lists such blocks. */
const MAX_RANGE = 1000;

/** Any script's decimal digit → its ASCII digit (Unicode digit blocks are runs of ten from zero). */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0) as number;
    let back = 0;
    while (back < 60 && /\p{Nd}/u.test(String.fromCodePoint(code - back - 1))) back += 1;
    return String(back % 10);
  });
}

// An internal extension after the number is not another number (`01 84 78 78 80 poste 201`).
const EXTENSION = /\b(?:poste|ext(?:ension)?)\.?\s*:?\s*(?:n°\s*)?\d+/giu;
// National (`0` + 9 digits, in pairs or glued) or international French (`+33`/`0033`, maybe `(0)`).
const FRENCH = String.raw`(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?|0)([1-9](?:[ .\-]?\d\d){4})(?!\d)`;
// A range's end: a whole number, or the last digits that change (`à 89`, `-89`).
const RANGE_END = new RegExp(String.raw`^\s?(?:à|a|au|-|–|—)\s?(?:${FRENCH}|(\d{1,4})(?!\d))`, 'iu');

/**
 * The national digits (nine) of each number the cell shows, a range giving each of its numbers; `[]`
 * when the cell shows no digit, `null` when its digits are not (only) phone numbers.
 */
export function phoneNumbersIn(cell: string): string[] | null {
  const text = asciiDigits(cell.normalize('NFKC')).replace(EXTENSION, ' ');
  const keys: string[] = [];
  let rest = '';
  let from = 0;
  const number = new RegExp(FRENCH, 'giu');
  for (let match = number.exec(text); match; match = number.exec(text)) {
    const start = (match[1] as string).replace(/\D/g, '');
    let at = match.index + match[0].length;
    rest += text.slice(from, match.index);
    const end = RANGE_END.exec(text.slice(at));
    if (!end) {
      keys.push(start);
    } else {
      at += end[0].length;
      const written = (end[1] ?? end[2] ?? '').replace(/\D/g, '');
      const last = end[1] ? written : start.slice(0, 9 - written.length) + written;
      const count = Number(last) - Number(start) + 1;
      if (count < 1 || count > MAX_RANGE) return null;
      for (let step = 0; step < count; step += 1) keys.push(String(Number(start) + step).padStart(9, '0'));
    }
    from = at;
    number.lastIndex = at;
  }
  rest += text.slice(from);
  return /\d/.test(rest) ? null : keys;
}
