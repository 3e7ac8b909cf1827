import { describe, expect, it } from 'vitest';
import { CATALOG_LANGUAGE_KEY, PAGE_MESSAGE_KEYS } from '../../../lib/i18n/page-messages';
import en from '../../../public/_locales/en/messages.json';
import fr from '../../../public/_locales/fr/messages.json';

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const catalogs: Record<string, Catalog> = { fr, en };

function placeholdersOf(entry: Catalog[string]): string[] {
  const used = Array.from(entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g), (match) =>
    (match[1] ?? '').toLowerCase(),
  );
  return [...new Set(used)].sort();
}

describe('messages.json', () => {
  it('has the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it.each(Object.keys(fr))(
    '%s: same placeholders in both languages, each declared with $n content',
    (key) => {
      const entries = Object.values(catalogs).map((catalog) => catalog[key] as Catalog[string]);
      const [french, english] = entries as [Catalog[string], Catalog[string]];
      expect(placeholdersOf(english)).toEqual(placeholdersOf(french));
      expect(Object.keys(english.placeholders ?? {}).sort()).toEqual(
        Object.keys(french.placeholders ?? {}).sort(),
      );
      for (const entry of entries) {
        expect(entry.message.trim()).not.toBe('');
        for (const name of placeholdersOf(entry))
          expect(entry.placeholders?.[name]?.content).toMatch(/^\$\d$/);
      }
    },
  );

  it('uses Chrome-valid message names', () => {
    for (const key of Object.keys(fr)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('has every message the content script shows, in both languages', () => {
    for (const key of PAGE_MESSAGE_KEYS) {
      expect((fr as Catalog)[key], key).toBeDefined();
      expect((en as Catalog)[key], key).toBeDefined();
    }
  });

  it('names its own language, so the content script knows which catalog the browser reads', () => {
    for (const [language, catalog] of Object.entries(catalogs))
      expect(catalog[CATALOG_LANGUAGE_KEY]?.message).toBe(language);
  });

  it('declares French as the default locale text: the extension name is French', () => {
    expect(fr.extName.message).toBe('Assistant licences MetaCentrex');
  });
});
