/**
 * Masking, the core of the anonymised capture. A text is kept only as far as the portal's own
 * vocabulary goes (lib/portal/known-words.ts), an `A / S` count, or a small plain number standing
 * with known words; every other character becomes a same-shape placeholder (`Jean Dupont` →
 * `Xxxx Xxxxxx`, digits → `0`), so lengths and spacing — the layout quirks a reader may trip on —
 * survive while the data does not. Pure string work: it runs in the background and the popup.
 */
import { knownWords, readerWords } from '../portal/known-words';
import { foldText } from '../portal/text';
import { isTechnicalWord } from './technical-words';

export interface Masked {
  text: string;
  /** Whether anything was masked (what the user is told: "N texts masked"). */
  masked: boolean;
}

let vocabulary: ReadonlySet<string> | undefined;
let labels: ReadonlySet<string> | undefined;

/** Whether a word is one of the portal's own (case, accents and icons do not matter). */
export function isKnownWord(word: string): boolean {
  vocabulary ??= knownWords();
  return vocabulary.has(foldText(word));
}

/**
 * A symbol that stands for a letter or a digit (`Ⓙ`, `🄹`, `⑫`): not `\p{L}`/`\p{N}`, but read as one
 * (its compatibility form is). Alone it is an icon (`ⓘ`); two side by side can spell a name.
 */
const LETTERLIKE = /[^\p{L}\p{N}\p{M}\s]/u;
function letterOf(char: string): string | null {
  if (!LETTERLIKE.test(char) || char.charCodeAt(0) < 0x80) return null;
  const plain = char.normalize('NFKC');
  return /[\p{L}\p{N}]/u.test(plain) ? plain : null;
}

/** Symbols as the letters they stand for, marks dropped (the shape `placeholder` keeps). */
function lettersOf(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}\s]/gu, (char) => {
      const letter = letterOf(char);
      return letter ? (/\p{N}/u.test(letter) ? '0' : /\p{Lu}/u.test(letter) ? 'X' : 'x') : char;
    });
}

/** The same shape with nothing of the original: upper → `X`, lower → `x`, digit → `0`, rest kept. */
export function placeholder(text: string): string {
  return lettersOf(text).replace(/\p{L}|\p{N}/gu, (char) =>
    /\p{N}/u.test(char) ? '0' : /\p{Lu}|\p{Lt}/u.test(char) ? 'X' : 'x',
  );
}

/** A small plain number: no leading zero (phone pairs such as `01` are not counts), four digits at most. */
const SMALL_NUMBER = /^(?:0|[1-9]\d{0,3})$/;
const WHOLE_COUNT = /^\s*(?:0|[1-9]\d{0,3})(?:\s*\/\s*(?:0|[1-9]\d{0,3}))?\s*$/;
const EDGES = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;

type Kind = 'space' | 'punctuation' | 'known' | 'number' | 'other';

function kindOf(core: string): Kind {
  if (core === '') return 'punctuation';
  if (SMALL_NUMBER.test(core)) return 'number';
  const words = core.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.every((word) => !/\p{N}/u.test(word) && isKnownWord(word))) return 'known';
  return 'other';
}

/**
 * Numbers of three or four digits (`SDA 4521`, `Poste 7880`, a year, a PIN) are kept only as a
 * count's two sides (`120 / 150`) or when the extension read that very number (it is in the
 * capture's reading anyway); one or two digits alone are counts, not data.
 */
function keptNumbers(text: string, read: ReadonlySet<string>): (core: string) => boolean {
  const pairs = new Set(Array.from(text.matchAll(/(\d+)\s*\/\s*(\d+)/g), (m) => [m[1], m[2]]).flat());
  return (core) => core.length <= 2 || pairs.has(core) || read.has(core);
}

/**
 * Masks one text (a text node, a `title`, an `aria-label`…). Numbers survive only in a text that is
 * a count (`1 / 2`, `3`) or made of known words and at most two small numbers (`Licence full 1 / 2`,
 * `Quantité active : 1`): a phone number's pairs, a date's parts or a price never do. `read`: the
 * numbers the extension read on the page (see `keptNumbers`).
 */
export function maskText(text: string, read: ReadonlySet<string> = new Set()): Masked {
  const kept = keptNumbers(text, read);
  if (text.trim() === '' || (WHOLE_COUNT.test(text) && (text.match(/\d+/g) ?? []).every(kept)))
    return { text, masked: false };
  const tokens = text.split(/(\s+)/).map((token) => {
    if (token === '' || /^\s+$/.test(token)) return { token, kind: 'space' as Kind, core: '' };
    const [, , core = ''] = EDGES.exec(token) ?? [];
    // `ⒿⒺⒶⓃ`: symbols spelling a word are a word (one alone, `ⓘ`, is an icon).
    const spelt = Array.from(token).filter((char) => letterOf(char) !== null).length >= 2;
    return { token, kind: spelt ? ('other' as Kind) : kindOf(core), core };
  });
  const words = tokens.filter((token) => token.kind !== 'space');
  // A capitalised portal word beside a name is part of it (`Pierre Page`, `Jean Le Page`), unless
  // the readers key on it (`Licence Premium`): spread until nothing changes.
  labels ??= readerWords();
  const named = (token?: { token: string; kind: Kind }) =>
    token?.kind === 'other' && /^[^\p{L}]*\p{Lu}/u.test(lettersOf(token.token));
  for (let changed = true; changed; ) {
    changed = false;
    words.forEach((token, i) => {
      if (
        token.kind === 'known' &&
        named({ token: token.core, kind: 'other' }) &&
        !token.core.split(/[^\p{L}]+/u).every((word) => labels?.has(foldText(word))) &&
        (named(words[i - 1]) || named(words[i + 1]))
      ) {
        token.kind = 'other';
        changed = true;
      }
    });
  }
  const numbers = words.filter((token) => token.kind === 'number').length;
  // Two numbers side by side are groups of one number (`SDA 1847 8788`), never a count's two sides.
  const glued = words.some((token, i) => token.kind === 'number' && words[i + 1]?.kind === 'number');
  const keepNumbers =
    numbers <= 2 &&
    !glued &&
    tokens.some((token) => token.kind === 'known') &&
    !tokens.some((token) => token.kind === 'other');
  let masked = false;
  const out = tokens.map(({ token, kind, core }) => {
    if (kind === 'space' || kind === 'punctuation' || kind === 'known') return token;
    if (kind === 'number' && keepNumbers && kept(core)) return token;
    masked = true;
    return placeholder(token);
  });
  return { text: out.join(''), masked };
}

/**
 * Whether an identifier token is technical: lower-case start, no run of 3 digits, and every part
 * (split at `-`, `_`, digits and camelCase humps) a technical or portal word or one of two letters.
 * `dupont-jean`, `user-marie`, `jeanDupont` are not: a name written in lower case.
 */
export function isTechnical(token: string): boolean {
  if (!/^[a-z_][\w-]{0,39}$/.test(token) || /\d{3}/.test(token)) return false;
  const parts = token.split(/[-_\d]+|(?=[A-Z])/).filter(Boolean);
  return parts.every((part) => {
    const word = part.toLowerCase();
    return word.length <= 2 || isTechnicalWord(word) || isKnownWord(word);
  });
}

/**
 * Masks identifier-like tokens (`class`, `id`, `for`, `name`, `aria-controls`): a technical name
 * (`col-sm-6`, `termination-quantity`) keeps its letters with digits zeroed; anything else (an
 * e-mail as a name, a capitalised word such as a surname, a lower-case name, 3+ digits) is a
 * placeholder (`dupont-jean` → `xxxxxx-xxxx`).
 */
export function maskTokens(value: string): Masked {
  let masked = false;
  const text = value.replace(/\S+/g, (token) => {
    const kept = isTechnical(token) ? token.replace(/\d/g, '0') : placeholder(token);
    if (kept !== token) masked = true;
    return kept;
  });
  return { text, masked };
}

/**
 * Masks the tokens of attributes that name an element (`id`, `for`, `name`, `headers`, `form`,
 * `aria-labelledby`…) the same way throughout one capture, and keeps distinct names distinct
 * (`dupont-jean` → `xxxxxx-xxxx`, `martin-paul` → `xxxxxx-xxxx-2`, `q1` / `q2` → `q0` / `q0-2`):
 * a `<label for>` or an `aria-labelledby` still points at its own element.
 */
export function elementNames(): (value: string) => Masked {
  const given = new Map<string, string>();
  const taken = new Set<string>();
  const nameOf = (token: string): string => {
    const known = given.get(token);
    if (known !== undefined) return known;
    const base = maskTokens(token).text;
    let name = base;
    for (let n = 2; taken.has(name); n += 1) name = `${base}-${n}`;
    given.set(token, name);
    taken.add(name);
    return name;
  };
  return (value) => {
    const text = value.replace(/\S+/g, nameOf);
    return { text, masked: text !== value };
  };
}

/**
 * The values an enumerated attribute (`role`, `type`, `dir`, `data-toggle`, `aria-expanded`…) may
 * keep: the platform's own keywords. Anything else — `role="Jean Dupont"`, a name in an ARIA 1.3
 * text attribute such as `aria-braillelabel` — is data the page put there, and is dropped.
 */
const ENUM_WORDS = new Set(
  (
    'alert alertdialog application article banner blockquote button caption cell checkbox code columnheader ' +
    'combobox complementary contentinfo definition deletion dialog directory document emphasis feed figure ' +
    'form generic grid gridcell group heading img image insertion link list listbox listitem log main mark ' +
    'marquee math menu menubar menuitem menuitemcheckbox menuitemradio meter navigation none note option ' +
    'paragraph presentation progressbar radio radiogroup region row rowgroup rowheader scrollbar search ' +
    'searchbox separator slider spinbutton status strong subscript superscript switch tab table tablist ' +
    'tabpanel term textbox time timer toolbar tooltip tree treegrid treeitem text password email tel number ' +
    'url date datetime-local month week color file hidden submit reset range col colgroup auto get post ' +
    'ltr rtl decimal numeric on off true false mixed undefined polite assertive page step location ' +
    'ascending descending other horizontal vertical additions removals all inline both grammar spelling ' +
    'popover modal collapse dropdown pill disc circle square a i'
  ).split(' '),
);
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?$/i;

/** Whether an enumerated attribute's value is only the platform's keywords (or one digit: `aria-level`). */
export function isKeyword(attribute: string, value: string): boolean {
  if (attribute === 'lang') return LANGUAGE_TAG.test(value);
  const tokens = value.toLowerCase().split(/\s+/).filter(Boolean);
  return tokens.length > 0 && tokens.length <= 4 && tokens.every((t) => ENUM_WORDS.has(t) || /^\d$/.test(t));
}

/** One path segment or query value: kept when a known word (`services`, `details`), else a placeholder. */
function maskPart(part: string): string {
  const decoded = safeDecode(part);
  return /^[\p{L}-]+$/u.test(decoded) && decoded.split('-').every(isKnownWord)
    ? part
    : // Spaces and signs as `_`: an escape such as `%20` would put digits back.
      placeholder(decoded).replace(/[^\w.~-]/g, '_');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * A link's address, host dropped: path segments kept only when they are known words, query names
 * token-masked and values masked (`/services/MC-000123?tab=details` → `/services/XX-000000?tab=details`).
 * Other schemes (`mailto:`, `tel:`, `javascript:`) keep nothing but their scheme.
 */
export function maskUrl(value: string): Masked {
  const trimmed = value.trim();
  if (trimmed === '') return { text: value, masked: false };
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^https?:/i.test(trimmed)) {
    const scheme = trimmed.slice(0, trimmed.indexOf(':') + 1).toLowerCase();
    return { text: scheme, masked: true };
  }
  let url: URL;
  try {
    url = new URL(trimmed, 'https://portal.invalid/');
  } catch {
    return { text: placeholder(trimmed), masked: true };
  }
  const path = url.pathname
    .split('/')
    .map((segment) => (segment === '' ? '' : maskPart(segment)))
    .join('/');
  const query = Array.from(url.searchParams, ([name, item]) => {
    const shownName = maskTokens(name).text;
    return `${shownName}=${item === '' ? '' : maskPart(item)}`;
  }).join('&');
  const hash = url.hash.length > 1 ? `#${maskPart(url.hash.slice(1))}` : '';
  const relative = trimmed.startsWith('#') ? '' : path;
  const text = `${relative}${query ? `?${query}` : ''}${hash}`;
  return { text, masked: text !== trimmed };
}
