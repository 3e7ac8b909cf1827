/**
 * String folding: text as the operator sees it. The portal's markup is unknown, so every reader
 * compares visible text only; these helpers make that comparison tolerant of spacing, icons, case and
 * invisible characters. (What is shown: `visibility.ts`; finding elements by their text: `find-by-text.ts`.)
 */

// NBSP, narrow NBSP, figure space and the other Unicode spaces become plain spaces.
const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/**
 * Characters that are never seen: zero-width spaces and joiners, BOMs, soft hyphens, and the bidi and
 * format controls (LRM/RLM U+200E/F, embeddings and overrides U+202A–E, isolates U+2066–9, ALM U+061C).
 * They may split a word or a number, so they are removed, not spaced.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD\u061C]/g;
/**
 * A digit group written with a non-breaking, narrow non-breaking, figure or thin space (`1 234`, French
 * typography): a person reads one number, so the separator goes. Only before exactly three digits, and
 * never a plain space (two cells side by side also read `1 234`): anything else stays apart, and a
 * count reader then finds it ambiguous rather than a number cut in two.
 */
const DIGIT_GROUP = /(\d)[\u00A0\u2007\u2009\u202F](?=\d{3}(?!\d))/g;
// Info icons written as characters (ⓘ, ℹ), icon-font glyphs (private use areas), emoji and their
// variation selectors / keycaps.
const ICON_GLYPHS =
  /[\u24D8\u2139\uE000-\uF8FF]|\uFE0E|\uFE0F|\u20E3|[\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]|\p{Extended_Pictographic}/gu;

/** Invisible characters removed, digit groups joined, plain spaces, icons removed, runs collapsed, trimmed. */
export function normaliseText(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(DIGIT_GROUP, '$1')
    .replace(SPACE_LIKE, ' ')
    .replace(ICON_GLYPHS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Compatibility characters read as the letters they are drawn as (NFKD): ligatures (`ﬁ` → `fi`),
 * full-width (`Ｌｉｃｅｎｃｅ`), mathematical letters. Never a number nor one whose form holds a number or a
 * space: `１`, `²`, `½`, `Ⅱ`, `㏠` keep their own reading (a count is read from ASCII digits only).
 */
export function foldCompatibility(text: string): string {
  return text.replace(/[^\0-\x7F]/gu, (char) => {
    const form = char.normalize('NFKD');
    return /[\p{N}\s]/u.test(char + form) ? char : form;
  });
}

/**
 * The form used to compare labels: normalised, compatibility characters folded, lower case, accents
 * removed (`Avancée` ≡ `avancee`), a trailing colon dropped (`Quantité active :`).
 */
export function foldText(text: string): string {
  // Readers fold the same few labels and cell texts over and over (every row, every read): remembered.
  let folded = foldedTexts.get(text);
  if (folded === undefined) {
    if (foldedTexts.size >= MAX_FOLDED) foldedTexts.clear();
    folded = fold(text);
    foldedTexts.set(text, folded);
  }
  return folded;
}
const foldedTexts = new Map<string, string>();
const MAX_FOLDED = 2000;

function fold(text: string): string {
  return foldCompatibility(normaliseText(text))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s*:$/, '')
    .trim();
}
