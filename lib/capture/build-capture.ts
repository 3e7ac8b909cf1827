/**
 * Writes an anonymised capture from a raw snapshot (`raw-snapshot.ts`): the page's structure with a
 * short list of attributes, every text and attribute value masked (`anonymise.ts`), each element's
 * computed visibility as `data-mla-display` / `data-mla-visibility` with the one style rule that
 * honours them, and a comment block saying where it comes from and what the extension read.
 * Never written: scripts, styles (but `display:none` / `visibility:hidden`), images' and frames'
 * sources, form values, `data-*` of the site, comments, cookies, storage.
 */
import {
  elementNames,
  isKeyword,
  isTechnical,
  type Masked,
  maskText,
  maskTokens,
  maskUrl,
  placeholder,
} from './anonymise';
import {
  DISPLAY_NONE,
  type RawElement,
  type RawNode,
  SHADOW_ROOT,
  VISIBILITY_HIDDEN,
  VISIBILITY_VISIBLE,
} from './raw-snapshot';
import type { CapturedReading } from './reading';
import { INLINE, splitNumbers } from './split-numbers';

export const CAPTURE_MARK = 'mla-capture';
export const CAPTURE_FORMAT = 1;

/** What the comment block holds (the capture's own account of itself). */
export interface CaptureInfo {
  format: number;
  extension: string;
  browser: string;
  /** The page's path and query, identifiers masked. */
  path: string;
  maskedTexts: number;
  reading: CapturedReading;
}

export interface CaptureMeta {
  extensionVersion: string;
  /** `Chrome 156`, `Firefox 153`. */
  browser: string;
  /** `location.pathname + location.search` of the page (masked here). */
  path: string;
  reading: CapturedReading;
}

export interface Capture {
  html: string;
  maskedTexts: number;
  fileName: string;
  info: CaptureInfo;
}

/** The style rule that makes the recorded visibility hold without the site's CSS. */
export const CAPTURE_CSS =
  '[data-mla-display=none]{display:none!important}' +
  '[data-mla-visibility=hidden]{visibility:hidden!important}' +
  '[data-mla-visibility=visible]{visibility:visible!important}';

type Rule = 'text' | 'tokens' | 'url' | 'enum' | 'boolean' | 'number' | 'style';

/** Attributes kept, and how; every other attribute (values, sources, `on…`, `data-…`) is dropped. */
const ATTRIBUTES: Record<string, Rule> = {
  class: 'tokens',
  id: 'tokens',
  for: 'tokens',
  name: 'tokens',
  headers: 'tokens',
  form: 'tokens',
  role: 'enum',
  type: 'enum',
  scope: 'enum',
  method: 'enum',
  lang: 'enum',
  dir: 'enum',
  inputmode: 'enum',
  autocomplete: 'enum',
  disabled: 'boolean',
  hidden: 'boolean',
  open: 'boolean',
  checked: 'boolean',
  selected: 'boolean',
  readonly: 'boolean',
  required: 'boolean',
  multiple: 'boolean',
  colspan: 'number',
  rowspan: 'number',
  tabindex: 'number',
  title: 'text',
  alt: 'text',
  placeholder: 'text',
  label: 'text',
  // Where tooltips keep their text (legend.ts reads them: a legend must keep its meaning).
  'data-original-title': 'text',
  'data-bs-original-title': 'text',
  'data-content': 'text',
  'data-bs-content': 'text',
  'data-tooltip': 'text',
  'data-title': 'text',
  'data-toggle': 'enum',
  'data-bs-toggle': 'enum',
  href: 'url',
  action: 'url',
  style: 'style',
};

const ARIA_TEXT = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
]);
const ARIA_IDS = new Set([
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-owns',
  'aria-activedescendant',
  'aria-details',
  'aria-errormessage',
  'aria-flowto',
]);

export function ruleOf(name: string): Rule | null {
  if (ARIA_TEXT.has(name)) return 'text';
  if (ARIA_IDS.has(name)) return 'tokens';
  if (name.startsWith('aria-')) return 'enum';
  return ATTRIBUTES[name] ?? null;
}

/** Elements kept without their content: form values, code, drawings. */
const EMPTIED = new Set(['textarea', 'svg', 'math', 'canvas', 'object', 'iframe', 'video', 'audio']);
const DROPPED = /^(script|style|link|meta|base|template|noscript|mla-.*)$/;
const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function maskAttribute(
  rule: Rule,
  value: string,
  attribute: string,
  read: ReadonlySet<string>,
): Masked | null {
  switch (rule) {
    case 'text':
      return maskText(value, read);
    case 'tokens':
      return maskTokens(value);
    case 'url':
      return maskUrl(value);
    case 'enum':
      return isKeyword(attribute, value) ? { text: value, masked: false } : { text: '', masked: true };
    case 'boolean':
      return { text: '', masked: false };
    case 'number':
      return /^-?\d{1,3}$/.test(value.trim()) ? { text: value.trim(), masked: false } : null;
    case 'style': {
      // Only what hides: the readers treat inline `display:none` as markup, not as CSS.
      const kept = [
        /(?:^|;)\s*display\s*:\s*none\b/i.test(value) ? 'display:none' : '',
        /(?:^|;)\s*visibility\s*:\s*hidden\b/i.test(value) ? 'visibility:hidden' : '',
      ].filter(Boolean);
      return kept.length > 0 ? { text: kept.join(';'), masked: false } : null;
    }
  }
}

/** `Chrome 156` / `Firefox 153` from a user agent (the major version only). */
export function browserName(userAgent: string): string {
  const match =
    /(Firefox)\/(\d+)/.exec(userAgent) ??
    /(Edg)\/(\d+)/.exec(userAgent) ??
    /(Chrom(?:e|ium))\/(\d+)/.exec(userAgent);
  if (!match) return 'inconnu';
  return `${match[1] === 'Edg' ? 'Edge' : match[1]} ${match[2]}`;
}

/** A JSON text safe inside an HTML comment: `--` can only occur inside its strings, escaped there. */
function commentJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/--/g, '-\\u002d');
}

/** Reads the comment block back (the fixture tool and tests). */
export function captureInfoOf(html: string): CaptureInfo | null {
  const match = new RegExp(`<!--\\s*${CAPTURE_MARK}\\s*([\\s\\S]*?)-->`).exec(html);
  if (!match?.[1]) return null;
  try {
    return JSON.parse(match[1]) as CaptureInfo;
  } catch {
    return null;
  }
}

/** The reading with its labels masked like the page's texts, so it cannot leak what they hide. */
/** Every number of a reading (counts, totals, maxima) as written: the numbers a text may keep. */
export function numbersRead(reading: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'number') found.add(String(value));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(reading);
  return found;
}

function maskReading(reading: CapturedReading, read: ReadonlySet<string>): CapturedReading {
  const label = (text: string) => maskText(text, read).text;
  return {
    ...reading,
    licences: reading.licences.map((licence) => ({ ...licence, label: label(licence.label) })),
    dialogs: reading.dialogs.map((dialog) => ({ ...dialog, licence: label(dialog.licence) })),
  };
}

/** The texts (parent, index) holding part of a number split across inline elements. */
function textsWithSplitNumbers(root: RawElement): Map<RawElement, Set<number>> {
  const marked = new Map<RawElement, Set<number>>();
  let run: [RawElement, number, string][] = [];
  const close = () => {
    for (const piece of splitNumbers(run.map(([, , text]) => text)).pieces) {
      const [parent, index] = run[piece] as [RawElement, number, string];
      marked.set(parent, (marked.get(parent) ?? new Set()).add(index));
    }
    run = [];
  };
  const walk = (element: RawElement) => {
    element[3].forEach((child, index) => {
      if (typeof child === 'string') run.push([element, index, child]);
      else if (INLINE.test(child[0])) walk(child);
      else {
        close();
        walk(child);
        close();
      }
    });
  };
  walk(root);
  close();
  return marked;
}

export function buildCapture(root: RawElement, meta: CaptureMeta, now = new Date()): Capture {
  let maskedTexts = 0;
  const count = (masked: Masked) => {
    if (masked.masked) maskedTexts += 1;
    return masked.text;
  };

  const split = textsWithSplitNumbers(root);
  const names = elementNames();
  const read = numbersRead(meta.reading);
  const write = (node: RawNode, out: string[], digits = false): void => {
    if (typeof node === 'string') {
      const masked = maskText(node, read);
      // Part of a number the next texts go on with: none of its digits stays.
      const text = digits ? masked.text.replace(/\p{N}/gu, '0') : masked.text;
      out.push(escapeText(count({ text, masked: masked.masked || text !== masked.text })));
      return;
    }
    const [rawName, attributes, flags, children] = node;
    if (rawName === SHADOW_ROOT) {
      // Declarative shadow DOM: a browser opening the file attaches it again; masked like the rest.
      out.push('<template shadowrootmode="open">');
      children.forEach((child, index) => {
        write(child, out, split.get(node)?.has(index));
      });
      out.push('</template>');
      return;
    }
    if (DROPPED.test(rawName)) return;
    // A custom element's name is the site's own: its digits go like an id's (`<sda-0184787880>`),
    // and a name in it like a class's (`<client-dupont>` → `<xxxxxx-xxxxxx>`).
    const name = !/^[a-z][a-z0-9-]{0,40}$/.test(rawName)
      ? 'span'
      : !rawName.includes('-')
        ? rawName
        : isTechnical(rawName.replace(/\d+/g, '0'))
          ? rawName.replace(/\d/g, '0')
          : placeholder(rawName);
    out.push(`<${name}`);
    for (const [attribute, value] of attributes) {
      const rule = ruleOf(attribute.toLowerCase());
      // Names that point at elements are masked alike and kept distinct (a class names nothing).
      const masked =
        rule === 'tokens' && attribute.toLowerCase() !== 'class'
          ? names(value)
          : rule && maskAttribute(rule, value, attribute.toLowerCase(), read);
      if (!masked) continue;
      const text = count(masked);
      out.push(
        rule === 'boolean'
          ? ` ${attribute.toLowerCase()}`
          : ` ${attribute.toLowerCase()}="${escapeAttribute(text)}"`,
      );
    }
    if (flags & DISPLAY_NONE) out.push(' data-mla-display="none"');
    if (flags & VISIBILITY_HIDDEN) out.push(' data-mla-visibility="hidden"');
    if (flags & VISIBILITY_VISIBLE) out.push(' data-mla-visibility="visible"');
    out.push('>');
    if (name === 'head') out.push(`<meta charset="utf-8"><style>${CAPTURE_CSS}</style>`);
    if (VOID.has(name)) return;
    if (!EMPTIED.has(name))
      children.forEach((child, index) => {
        write(child, out, split.get(node)?.has(index));
      });
    out.push(`</${name}>`);
  };

  const body: string[] = [];
  write(root, body);
  const path = count(maskUrl(meta.path));
  const info: CaptureInfo = {
    format: CAPTURE_FORMAT,
    extension: meta.extensionVersion,
    browser: meta.browser,
    path,
    maskedTexts,
    reading: maskReading(meta.reading, read),
  };
  const html = `<!DOCTYPE html>\n<!-- ${CAPTURE_MARK}\n${commentJson(info)}\n-->\n${body.join('')}\n`;
  const stamp = now.toISOString().slice(0, 16).replace(/[T:]/g, '-');
  return { html, maskedTexts, fileName: `capture-anonymisee-${stamp}.html`, info };
}
