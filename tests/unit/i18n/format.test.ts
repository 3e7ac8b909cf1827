import { describe, expect, it } from 'vitest';
import { ALL_MESSAGES } from '../../../lib/i18n/all-messages';
import {
  flattenPlaceholders,
  formatMessage,
  pluralSuffix,
  resolveLanguage,
  substituteFlat,
} from '../../../lib/i18n/format';
import { createTranslator } from '../../../lib/i18n/translator';

describe('formatMessage', () => {
  it('replaces named placeholders through their $n content, like browser.i18n', () => {
    const entry = {
      message: 'Résiliables maintenant : $TERMINABLE$ · Associées : $LINKED$',
      placeholders: { terminable: { content: '$1' }, linked: { content: '$2' } },
    };
    expect(formatMessage(entry, [1, 7])).toBe('Résiliables maintenant : 1 · Associées : 7');
  });

  it('never re-reads substituted text (page text cannot inject a placeholder)', () => {
    const entry = { message: 'Non reconnu : $REASON$', placeholders: { reason: { content: '$1' } } };
    expect(formatMessage(entry, ['$REASON$ $1 $$'])).toBe('Non reconnu : $REASON$ $1 $$');
  });

  it('supports $$ and direct $n', () => {
    expect(formatMessage({ message: '$$ $1' }, ['x'])).toBe('$ x');
  });
});

describe('flattened messages (what the background sends the content script)', () => {
  it('resolve named placeholders to their $n content and keep $n and $$ for later', () => {
    const entry = {
      message: '$$ $TERMINABLE$ · $LINKED$ $1 $UNKNOWN$',
      placeholders: { terminable: { content: '$1' }, linked: { content: '$2' } },
    };
    expect(flattenPlaceholders(entry)).toBe('$$ $1 · $2 $1 $UNKNOWN$');
  });

  it('substitute $n and $$ in one pass, never re-reading substituted text', () => {
    expect(substituteFlat('Non reconnu : $1', ['$1 $$ $REASON$'])).toBe('Non reconnu : $1 $$ $REASON$');
    expect(substituteFlat('$$ $1 $2', ['x'])).toBe('$ x ');
  });

  it('give what formatMessage gives, for every message of both languages', () => {
    for (const catalog of Object.values(ALL_MESSAGES)) {
      for (const entry of Object.values(catalog)) {
        const substitutions = [3, 'deux', '$1'];
        expect(substituteFlat(flattenPlaceholders(entry), substitutions)).toBe(
          formatMessage(entry, substitutions),
        );
      }
    }
  });
});

describe('plural and language', () => {
  it('puts 0 and 1 in the French singular, only 1 in the English one', () => {
    expect([0, 1, 2].map((n) => pluralSuffix('fr', n))).toEqual(['_one', '_one', '_other']);
    expect([0, 1, 2].map((n) => pluralSuffix('en', n))).toEqual(['_other', '_one', '_other']);
  });

  it('resolves auto to English only for English browsers, French otherwise', () => {
    expect(resolveLanguage('auto', 'en-US')).toBe('en');
    expect(resolveLanguage('auto', 'fr-BE')).toBe('fr');
    expect(resolveLanguage('auto', 'de')).toBe('fr');
    expect(resolveLanguage('auto', undefined)).toBe('fr');
    expect(resolveLanguage('en', 'fr')).toBe('en');
    expect(resolveLanguage('fr', 'en')).toBe('fr');
  });

  it('translates the card texts in French', () => {
    const text = createTranslator(ALL_MESSAGES, 'fr');
    expect(text.n('badgeTerminable', 1)).toBe('1 résiliable');
    expect(text.n('badgeTerminable', 2)).toBe('2 résiliables');
    expect(text.n('badgeSdaLinked', 1)).toBe('Non résiliable (SDA)');
    expect(text.t('badgeNone')).toBe('Aucune licence souscrite');
    expect(text.t('guardMax', 1)).toBe('Maximum résiliable : 1');
  });
});
