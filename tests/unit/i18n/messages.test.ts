import { describe, expect, it } from 'vitest';
import { PAGE_MESSAGES } from '../../../lib/i18n/page-messages';
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

  it('gives the content script every page message in both languages, the same as the files', () => {
    for (const [key, entry] of Object.entries(PAGE_MESSAGES.fr)) expect(entry).toEqual((fr as Catalog)[key]);
    for (const [key, entry] of Object.entries(PAGE_MESSAGES.en)) expect(entry).toEqual((en as Catalog)[key]);
    expect(Object.keys(PAGE_MESSAGES.en)).toEqual(Object.keys(PAGE_MESSAGES.fr));
  });

  it('declares French as the default locale text: the extension name is French', () => {
    expect(fr.extName.message).toBe('Assistant licences MetaCentrex');
  });
});
