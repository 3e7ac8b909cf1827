import { formatMessage, type Language, type MessageEntry, pluralSuffix, type Substitution } from './format';

/** Keys of a catalog that come in `_one` / `_other` forms, without the suffix. */
export type PluralBase<K extends string> = K extends `${infer Base}_one` ? Base : never;

export interface Translator<K extends string> {
  readonly language: Language;
  t(key: K, ...substitutions: Substitution[]): string;
  /** The `_one` or `_other` form for `count`; `count` is also the first substitution. */
  n(base: PluralBase<K>, count: number, ...substitutions: Substitution[]): string;
}

export type Catalogs<K extends string> = Record<Language, Record<K, MessageEntry>>;

export function createTranslator<K extends string>(catalogs: Catalogs<K>, language: Language): Translator<K> {
  const catalog = catalogs[language];
  const entry = (key: string): MessageEntry =>
    (catalog as Record<string, MessageEntry>)[key] ??
    (catalogs.fr as Record<string, MessageEntry>)[key] ?? { message: key };
  return {
    language,
    t: (key, ...substitutions) => formatMessage(entry(key), substitutions),
    n: (base, count, ...substitutions) =>
      formatMessage(entry(`${base}${pluralSuffix(language, count)}`), [count, ...substitutions]),
  };
}
