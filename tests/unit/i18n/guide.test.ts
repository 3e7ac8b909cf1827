/**
 * The operators' guide (docs/guide-utilisateur.md) lists every message the extension can show in the
 * portal's page, so that an operator who meets one finds what it means and what to do.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_MESSAGE_KEYS } from '../../../lib/i18n/page-messages';
import fr from '../../../public/_locales/fr/messages.json';

/** Non-breaking spaces, line wraps and Markdown marks do not count: the words do. */
function words(text: string): string {
  return text
    .replace(/[`_*]/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

const guide = words(readFileSync(resolve(import.meta.dirname, '../../../docs/guide-utilisateur.md'), 'utf8'));

/** What the guide must quote of a message: the start of its longest part without a placeholder. */
function quoted(message: string): string {
  const parts = words(message)
    .split(/\$[A-Za-z0-9_]+\$/)
    .map((part) => part.trim())
    .filter((part) => part.length >= 4);
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
  return (longest || words(message)).slice(0, 40).trim();
}

describe('the operators’ guide', () => {
  it.each(PAGE_MESSAGE_KEYS)('quotes %s', (key) => {
    const message = (fr as Record<string, { message: string }>)[key]?.message ?? '';
    expect(guide).toContain(quoted(message));
  });

  it('catches a message it does not quote', () => {
    expect(guide).not.toContain(quoted('Un message que le guide ne cite pas : $REASON$'));
    expect(quoted('$COUNT$ textes masqués. Vérifiez l’aperçu')).toBe('textes masqués. Vérifiez l’aperçu');
  });
});
