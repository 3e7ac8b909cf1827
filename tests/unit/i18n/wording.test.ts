/**
 * The mechanical part of the French wording rules (docs/wording.md): non-breaking spaces where French
 * typography puts them, typographic apostrophes, no clipped phrases the copy review removed.
 */
import { describe, expect, it } from 'vitest';
import fr from '../../../public/_locales/fr/messages.json';

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';
const NON_BREAKING = new Set([NBSP, NARROW_NBSP]);
const messages = Object.entries(fr as Record<string, { message: string }>).map(
  ([key, entry]) => [key, entry.message] as const,
);

/** Every place in `text` that breaks a rule, as "what: …context…". */
function wordingProblems(text: string): string[] {
  const problems: string[] = [];
  const around = (index: number) => JSON.stringify(text.slice(Math.max(0, index - 12), index + 3));
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    const before = text[index - 1];
    const after = text[index + 1];
    // `:` `;` `?` `!` take a non-breaking space before them (not in "$1" placeholders or URLs).
    if (':;?!'.includes(char) && index > 0 && !NON_BREAKING.has(before ?? '')) {
      if (!(char === ':' && after === '/'))
        problems.push(`no non-breaking space before ${char}: ${around(index)}`);
    }
    if (char === '«' && !NON_BREAKING.has(after ?? ''))
      problems.push(`no non-breaking space after «: ${around(index)}`);
    if (char === '»' && !NON_BREAKING.has(before ?? ''))
      problems.push(`no non-breaking space before »: ${around(index)}`);
    if (char === "'") problems.push(`straight apostrophe (use ’): ${around(index)}`);
  }
  return problems;
}

describe('French wording rules', () => {
  it.each(messages)('%s follows the typography rules', (_key, message) => {
    expect(wordingProblems(message)).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    expect(wordingProblems('Maximum : 1')).toHaveLength(1);
    expect(wordingProblems('Pourquoi ?')).toHaveLength(1);
    expect(wordingProblems('Attention!')).toHaveLength(1);
    expect(wordingProblems('« Dissocier »')).toHaveLength(2);
    expect(wordingProblems("l'onglet")).toHaveLength(1);
    expect(wordingProblems(`Maximum${NBSP}: 1 · Pourquoi${NARROW_NBSP}? «${NBSP}x${NBSP}»`)).toEqual([]);
  });

  it('has no English word in the French interface (a message copied from the English one)', () => {
    // Words between letters only (`é` is a letter); placeholders (`$COUNT$`) are names, not words.
    const english = /(?<!\p{L})(the|and|or|not|is|reload|close|check|dialog|count|row|click|send)(?!\p{L})/iu;
    const found = messages.filter(([, message]) => english.test(message.replace(/\$\w+\$/g, '')));
    expect(found).toEqual([]);
    expect(english.test('Rechargez la page ; si cela persiste, envoyez-la.')).toBe(false);
    expect(english.test('Reload the page.')).toBe(true);
  });

  it('has none of the clipped or mis-agreed phrases the review removed', () => {
    const all = messages.map(([, message]) => message).join('\n');
    expect(all).not.toMatch(/Aucune résiliable/);
    expect(all).not.toMatch(/Non reconnu\b(?!e)/);
    expect(all).not.toMatch(/Numéros qui détiennent/);
    expect(fr.optionsFeatures.message).toBe('Fonctionnalités');
    expect(fr.sdaNumbers.message).toBe(`Numéros associés à cette licence${NBSP}:`);
  });
});
