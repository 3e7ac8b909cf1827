/**
 * Formatting messages.json entries ourselves: the language option switches at run time, which
 * `browser.i18n.getMessage` (fixed to the browser's language) cannot do.
 */

export type Language = 'fr' | 'en';
export type LanguageOption = 'auto' | Language;

/** One entry of a `messages.json` file (Chrome's format). */
export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export type Substitution = string | number;

function substitute(text: string, substitutions: readonly Substitution[]): string {
  return text.replace(/\$(\d)/g, (_, digit: string) => String(substitutions[Number(digit) - 1] ?? ''));
}

/**
 * `$NAME$` becomes its placeholder's content (`$1`…), `$1`… the substitutions, `$$` a dollar sign,
 * like `browser.i18n.getMessage`. Substituted text is never re-read, so page text cannot inject a
 * placeholder.
 */
export function formatMessage(entry: MessageEntry, substitutions: readonly Substitution[] = []): string {
  return entry.message.replace(
    /\$([A-Za-z0-9_@]+)\$|\$(\d)|\$\$/g,
    (match, name?: string, digit?: string) => {
      if (name) {
        const placeholder = entry.placeholders?.[name.toLowerCase()];
        return placeholder ? substitute(placeholder.content, substitutions) : match;
      }
      if (digit) return String(substitutions[Number(digit) - 1] ?? '');
      return '$';
    },
  );
}

/**
 * The message with its named placeholders replaced by their content (`$COUNT$` → `$1`), `$n` and `$$`
 * kept: what `substituteFlat` expects. The background sends the content script messages in this form.
 */
export function flattenPlaceholders(entry: MessageEntry): string {
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$|\$\d|\$\$/g, (match, name?: string) =>
    name ? (entry.placeholders?.[name.toLowerCase()]?.content ?? match) : match,
  );
}

/** A flattened message's `$1`… become the substitutions and `$$` a dollar sign, in one pass. */
export function substituteFlat(text: string, substitutions: readonly Substitution[]): string {
  return text.replace(/\$(\d)|\$\$/g, (_, digit?: string) =>
    digit ? String(substitutions[Number(digit) - 1] ?? '') : '$',
  );
}

/** French puts 0 and 1 in the singular ("0 résiliable", "1 résiliable"); English only 1. */
export function pluralSuffix(language: Language, count: number): '_one' | '_other' {
  const singular = language === 'fr' ? Math.abs(count) < 2 : count === 1;
  return singular ? '_one' : '_other';
}

/** French unless the language (a BCP 47 tag such as `en-GB`) is English. */
export function resolveLanguage(option: LanguageOption, uiLanguage: string | undefined): Language {
  if (option !== 'auto') return option;
  return /^en\b/i.test(uiLanguage ?? '') ? 'en' : 'fr';
}
