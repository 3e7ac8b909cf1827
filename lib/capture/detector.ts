/**
 * What looks personal in a capture: the check `npm run fixture:add` runs before storing one, and the
 * privacy tests' oracle. Two layers: patterns (e-mails, French phone numbers, references such as
 * `MC-000123`, dates, prices, postal codes, long digit runs, street addresses) and, in texts, any
 * word that is neither the portal's own nor a placeholder (`Xxxxx`) — a name, a city, a company.
 */
import { isKeyword, isKnownWord, isTechnical } from './anonymise';
import { captureInfoOf, numbersRead, ruleOf } from './build-capture';
import { INLINE, splitNumbers } from './split-numbers';

export interface Finding {
  /** Where: `text`, `attribute class`, `comment`… */
  where: string;
  kind: string;
  value: string;
}

const PATTERNS: [kind: string, pattern: RegExp][] = [
  // `@` also URL-encoded (`%40`) or spelt out (`jean.dupont [at] exemple.fr`).
  [
    'e-mail',
    /[\p{L}\p{N}._%+-]+(?:@|%40|\s?[[(]\s?(?:at|arobase)\s?[\])]\s?)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu,
  ],
  ['téléphone', /(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/g],
  ['référence', /\b[A-Z]{1,5}[-_ ]?\d{3,}\b/g],
  ['date', /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/g],
  ['prix', /\d+(?:[.,]\d+)?\s?(?:€|EUR\b)/g],
  ['nombre long', /\d(?:[\s.]?\d){4,}/g],
  // Groups of one number side by side (`12 34`): the capture never keeps them (a count has its `/`).
  ['nombres accolés', /\b\d{1,4}\s+\d{1,4}\b/g],
  [
    'adresse',
    /\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|bd|boulevard|place|chemin|allée|impasse|route|quai|cours)\b/giu,
  ],
];

/** Made of placeholder characters only (`Xxxx`, `00 00`, `xxxx@xxxx.xx`): masked, not data. */
function isPlaceholder(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text.replace(/[Xx0]/g, ''));
}

/** Pattern findings in any string (attribute values and URLs included). */
export function findPatterns(text: string, where: string): Finding[] {
  const found: Finding[] = [];
  for (const [kind, pattern] of PATTERNS) {
    // Fullwidth digits, `＠`, `Ⓙ` read as what they stand for; invisible signs (`0⁠1⁠8⁠4`, a
    // zero-width space, a soft hyphen) as nothing.
    for (const match of text
      .normalize('NFKC')
      .replace(/\p{Cf}/gu, '')
      .matchAll(pattern)) {
      if (!isPlaceholder(match[0])) found.push({ where, kind, value: match[0] });
    }
  }
  return found;
}

/** Words of a text that are neither known nor placeholders (`Dupont`, `Lyon`). */
export function findUnknownWords(text: string, where: string): Finding[] {
  const found: Finding[] = [];
  for (const match of text.normalize('NFKC').matchAll(/\p{L}[\p{L}\p{M}]+/gu)) {
    const word = match[0];
    if (!/^[Xx]+$/.test(word) && !isKnownWord(word)) found.push({ where, kind: 'mot inconnu', value: word });
  }
  return found;
}

/**
 * Numbers of three or four digits (`SDA 4521`) in a text: a capture keeps one only as a count's
 * side (`120 / 150`) or when its reading holds it (see `keptNumbers` in anonymise.ts).
 */
export function findLoneNumbers(text: string, where: string, read: ReadonlySet<string>): Finding[] {
  const plain = text.normalize('NFKC');
  const pairs = new Set(Array.from(plain.matchAll(/(\d+)\s*\/\s*(\d+)/g), (m) => [m[1], m[2]]).flat());
  return Array.from(plain.match(/\d+/g) ?? [])
    .filter((n) => n.length >= 3 && n.length <= 4 && /[1-9]/.test(n) && !pairs.has(n) && !read.has(n))
    .map((value) => ({ where, kind: 'nombre à 3 ou 4 chiffres', value }));
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * Names in a link (`/clients/dupont?marie=1`): path, values and fragment keep only portal words and
 * placeholders, query names only technical ones (as `maskUrl` writes them); the scheme aside.
 */
function findUrlWords(value: string, where: string): Finding[] {
  const [address = '', hash = ''] = value.replace(/^[a-z][a-z0-9+.-]*:/i, '').split('#', 2);
  const [path = '', query = ''] = address.split('?', 2);
  const found = [...findUnknownWords(decoded(path), where), ...findUnknownWords(decoded(hash), where)];
  for (const pair of query.split('&').filter(Boolean)) {
    const [name = '', item = ''] = pair.split('=', 2);
    if (!isTechnical(name) && !isPlaceholder(name))
      found.push({ where, kind: 'nom dans un lien', value: decoded(name) });
    found.push(...findUnknownWords(decoded(item), where));
  }
  return found;
}

/** Attributes whose value is text for a person to read (a tooltip, a label): checked word by word. */
const TEXT_ATTRIBUTES =
  /^(title|alt|placeholder|label|aria-(label|description|placeholder|roledescription|valuetext)|data-(original-title|bs-original-title|content|bs-content|tooltip|title))$/;

/** Numbers written across inline elements (`<span>01</span> <span>84</span> …`), read as one. */
function findSplitNumbers(root: Node): Finding[] {
  const found: Finding[] = [];
  let run: string[] = [];
  const close = () => {
    for (const value of splitNumbers(run).values) found.push({ where: 'texte', kind: 'nombre coupé', value });
    run = [];
  };
  const walk = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) run.push(child.nodeValue ?? '');
      else if (child.nodeType !== 1) continue;
      else if (INLINE.test((child as Element).localName)) walk(child);
      else {
        close();
        walk(child);
        close();
      }
    }
  };
  walk(root);
  close();
  return found;
}

/** Everything that looks personal in a parsed capture, and what it must never hold at all. */
export function inspectCapture(document: Document, html: string): Finding[] {
  const found: Finding[] = [];
  const info = captureInfoOf(html);
  const read = numbersRead(info?.reading);
  // The document, then every template's content and shadow root met (a shadow root is written
  // as `<template shadowrootmode>`, whose content a tree walk does not enter).
  const roots: Node[] = [document];
  for (const root of roots) found.push(...inspectTree(root, document, read, roots));
  found.push(...inspectBlock(info, read));
  return found;
}

/** What `inspectCapture` finds in one tree; templates' contents and shadow roots go to `roots`. */
function inspectTree(root: Node, document: Document, read: ReadonlySet<string>, roots: Node[]): Finding[] {
  const found: Finding[] = findSplitNumbers(root);
  const walker = document.createTreeWalker(root, 0x1 | 0x4 | 0x80);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      if (node.parentElement?.localName === 'style') continue;
      found.push(
        ...findPatterns(text, 'texte'),
        ...findUnknownWords(text, 'texte'),
        ...findLoneNumbers(text, 'texte', read),
      );
    } else if (node.nodeType === 8) {
      // The builder writes one comment, its own block (checked below); any other is foreign.
      const text = node.nodeValue ?? '';
      if (!text.trimStart().startsWith('mla-capture'))
        found.push(...findPatterns(text, 'commentaire'), ...findUnknownWords(text, 'commentaire'));
    } else if (node.nodeType === 1) {
      const element = node as Element;
      // A custom element named after a number (`<sda-0184787880>`).
      found.push(...findPatterns(element.localName, 'balise'));
      const tag = element.localName;
      if (tag === 'template') roots.push((element as HTMLTemplateElement).content);
      if (element.shadowRoot) roots.push(element.shadowRoot);
      if (tag.includes('-') && !isTechnical(tag.replace(/\d+/g, '0')) && !isPlaceholder(tag))
        found.push({ where: 'balise', kind: 'nom dans une balise', value: tag });
      if (
        /^(script|iframe|img|object|embed|link)$/.test(element.localName) &&
        element.attributes.length > 0
      ) {
        for (const attribute of Array.from(element.attributes))
          if (/^(src|srcset|data|href)$/.test(attribute.name))
            found.push({ where: element.localName, kind: 'source', value: attribute.value });
      }
      if (element.localName === 'script') found.push({ where: 'script', kind: 'script', value: '<script>' });
      for (const attribute of Array.from(element.attributes)) {
        const where = `attribut ${attribute.name}`;
        if (attribute.name === 'value' || attribute.name.startsWith('on'))
          found.push({ where, kind: 'valeur de formulaire ou script', value: attribute.value });
        found.push(...findPatterns(attribute.value, where));
        // `/clients/dupont?marie=1`: a link keeps only portal words and placeholders (its scheme aside).
        if (ruleOf(attribute.name) === 'url') found.push(...findUrlWords(attribute.value, where));
        if (TEXT_ATTRIBUTES.test(attribute.name))
          found.push(
            ...findUnknownWords(attribute.value, where),
            ...findLoneNumbers(attribute.value, where, read),
          );
        // `role="Jean Dupont"`: an enumerated attribute holds only the platform's keywords.
        if (ruleOf(attribute.name) === 'enum' && !isKeyword(attribute.name, attribute.value))
          found.push({ where, kind: 'valeur non standard', value: attribute.value });
        // `id="dupont-jean"`: a token that names an element is technical or a placeholder (`xxxx-2`).
        if (ruleOf(attribute.name) === 'tokens')
          for (const token of attribute.value.split(/\s+/).filter(Boolean))
            if (!isTechnical(token) && !isPlaceholder(token.replace(/-\d+$/, '')))
              found.push({ where, kind: 'nom dans un identifiant', value: token });
        if (/url\(/i.test(attribute.value))
          found.push({ where, kind: 'url de style', value: attribute.value });
      }
    }
  }
  return found;
}

/** The comment block: the reading's labels and the path (other comments are never written). */
function inspectBlock(info: ReturnType<typeof captureInfoOf>, read: ReadonlySet<string>): Finding[] {
  const found: Finding[] = [];
  if (!info) found.push({ where: 'commentaire', kind: 'bloc mla-capture absent', value: '' });
  else {
    found.push(...findPatterns(info.path, 'chemin'));
    const labels = [
      ...info.reading.licences.map((licence) => licence.label),
      ...(info.reading.dialogs ?? []).map((dialog) => dialog.licence),
    ];
    for (const label of labels)
      found.push(
        ...findPatterns(label, 'lecture'),
        ...findUnknownWords(label, 'lecture'),
        ...findLoneNumbers(label, 'lecture', read),
      );
  }
  return found;
}
