/**
 * Where the content script's messages come from, without shipping any (its size is budgeted): the
 * browser's own `i18n.getMessage` when the option's language is the one the browser reads its
 * messages in (the usual case, nothing to wait for); otherwise the background's copy of that
 * language, asked for once (see `page-messages-service.ts`).
 */
import { browser } from 'wxt/browser';
import { type Language, type LanguageOption, pluralSuffix, resolveLanguage, substituteFlat } from './format';
import { CATALOG_LANGUAGE_KEY, type PageText } from './page-messages';
import type { PrefetchedMessages } from './page-messages-prefetch';
import { PAGE_MESSAGES_REQUEST, type PageMessagesRequest } from './page-messages-request';

/** A message by key, with its substitutions (as `i18n.getMessage` takes them). */
type Lookup = (key: string, substitutions: string[]) => string;

/** The page messages of one language, with their placeholders flattened to `$1`… */
export type FlatMessages = Record<string, string>;

export function textFrom(language: Language, lookup: Lookup): PageText {
  const t = (key: string, ...substitutions: (string | number)[]) => lookup(key, substitutions.map(String));
  return {
    language,
    t,
    n: (base, count, ...substitutions) =>
      t(`${base}${pluralSuffix(language, count)}`, count, ...substitutions),
  };
}

/**
 * A `PageText` over messages the background sent; a message missing from them comes from `fallback`
 * (the browser's own language) rather than showing nothing.
 */
export function textFromMessages(language: Language, messages: FlatMessages, fallback?: Lookup): PageText {
  return textFrom(language, (key, substitutions) => {
    const text = messages[key];
    return typeof text === 'string'
      ? substituteFlat(text, substitutions)
      : (fallback?.(key, substitutions) ?? '');
  });
}

/** Whether an answer is a messages object (a broken or foreign background answers anything). */
function isFlatMessages(answer: unknown): answer is FlatMessages {
  return typeof answer === 'object' && answer !== null && !Array.isArray(answer);
}

export interface PageTexts {
  /** Resolves once the messages for `option` are at hand (at once when the browser has them). */
  load(option: LanguageOption): Promise<void>;
  /** The messages for `option`; the browser's language when they could not be loaded. */
  get(option: LanguageOption): PageText;
}

export interface PageTextSources {
  /** `browser.i18n.getMessage`; throws or answers '' where there is none (tests). */
  getMessage(key: string, substitutions?: string[]): string;
  /** The background's messages for a language. */
  fetchMessages(language: Language): Promise<FlatMessages>;
}

export const browserSources: PageTextSources = {
  getMessage: (key, substitutions) => browser.i18n.getMessage(key as never, substitutions),
  fetchMessages: (language) =>
    browser.runtime.sendMessage({ type: PAGE_MESSAGES_REQUEST, language } satisfies PageMessagesRequest),
};

/**
 * `sources` whose first ask for `prefetched.language` takes the answer the detector asked for while
 * the assistant was being injected (`page-messages-prefetch.ts`); any other ask goes to `sources`.
 */
export function withPrefetched(sources: PageTextSources, prefetched: PrefetchedMessages): PageTextSources {
  let pending: Promise<unknown> | null = prefetched.answer;
  return {
    getMessage: sources.getMessage,
    fetchMessages: (language) => {
      const answer = language === prefetched.language ? pending : null;
      pending = null;
      return (answer ?? sources.fetchMessages(language)) as Promise<FlatMessages>;
    },
  };
}

export function createPageTexts(uiLanguage: string, sources: PageTextSources = browserSources): PageTexts {
  const lookup: Lookup = (key, substitutions) => {
    try {
      return sources.getMessage(key, substitutions);
    } catch {
      return '';
    }
  };
  // The catalog `getMessage` reads: its one message naming its language ('' without one: tests).
  const native = lookup(CATALOG_LANGUAGE_KEY, []);
  const fallback = textFrom(native === 'en' ? 'en' : 'fr', lookup);
  const ready = new Map([[native, fallback]]);
  return {
    load(option) {
      const language = resolveLanguage(option, uiLanguage);
      return ready.has(language)
        ? Promise.resolve()
        : sources.fetchMessages(language).then(
            (messages: unknown) => {
              // Nothing when no background answered (Firefox resolves with `undefined` then), or when
              // the answer is not messages: the browser's language meanwhile, asked again next time.
              if (isFlatMessages(messages)) ready.set(language, textFromMessages(language, messages, lookup));
            },
            // The background unreachable: the browser's language meanwhile, asked again next time.
            () => {},
          );
    },
    get: (option) => ready.get(resolveLanguage(option, uiLanguage)) ?? fallback,
  };
}
