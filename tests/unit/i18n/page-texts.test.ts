import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALL_MESSAGES } from '../../../lib/i18n/all-messages';
import { formatMessage, type Language } from '../../../lib/i18n/format';
import { PAGE_MESSAGE_KEYS } from '../../../lib/i18n/page-messages';
import { prefetchPageMessages } from '../../../lib/i18n/page-messages-prefetch';
import { PAGE_MESSAGES_REQUEST } from '../../../lib/i18n/page-messages-request';
import { answerPageMessagesRequests, flatPageMessages } from '../../../lib/i18n/page-messages-service';
import { createPageTexts, type PageTextSources, withPrefetched } from '../../../lib/i18n/page-texts';

/** `i18n.getMessage` of a browser that reads its messages in `language`. */
function browserReading(language: Language) {
  return vi.fn((key: string, substitutions: string[] = []) => {
    const entry = (ALL_MESSAGES[language] as Record<string, Parameters<typeof formatMessage>[0]>)[key];
    return entry ? formatMessage(entry, substitutions) : '';
  });
}

function sources(native: Language | null) {
  const fetchMessages = vi.fn(async (language: Language) => flatPageMessages(language));
  const getMessage = native
    ? browserReading(native)
    : vi.fn((): string => {
        throw new Error('i18n.getMessage is not mocked');
      });
  return { getMessage, fetchMessages } satisfies PageTextSources;
}

describe('the content script’s messages', () => {
  it('are the browser’s own when the option’s language is the browser’s: nothing asked, nothing awaited', async () => {
    const source = sources('fr');
    const texts = createPageTexts('fr-FR', source);
    await texts.load('auto');
    await texts.load('fr');
    expect(source.fetchMessages).not.toHaveBeenCalled();
    expect(texts.get('auto').language).toBe('fr');
    expect(texts.get('fr').n('badgeTerminable', 2)).toBe('2 résiliables');
    expect(texts.get('fr').t('summaryText', 1, 7)).toBe(
      'Résiliables maintenant : 1 · Associées à un numéro : 7',
    );
    expect(source.getMessage).toHaveBeenCalledWith('summaryText', ['1', '7']);
  });

  it('come from the background, once, for the language the browser does not read', async () => {
    const source = sources('en');
    const texts = createPageTexts('en-US', source);
    await texts.load('fr');
    await texts.load('fr');
    expect(source.fetchMessages).toHaveBeenCalledTimes(1);
    expect(source.fetchMessages).toHaveBeenCalledWith('fr');
    const french = texts.get('fr');
    expect(french.language).toBe('fr');
    expect(french.n('badgeTerminable', 0)).toBe('0 résiliable');
    expect(french.t('badgeUnknown', french.t('reasonAmbiguous'))).toBe(
      'Non reconnue : plusieurs nombres sur la ligne',
    );
    expect(texts.get('auto').n('badgeTerminable', 0)).toBe('0 terminable');
    // English plurals for the browser's English: 0 is plural there, singular in French.
    expect(texts.get('auto').n('badgeSdaLinked', 0)).toBe(
      formatMessage(ALL_MESSAGES.en.badgeSdaLinked_other, ['0']),
    );
    expect(french.n('badgeSdaLinked', 0)).toBe(formatMessage(ALL_MESSAGES.fr.badgeSdaLinked_one, ['0']));
  });

  it('say every page message as the extension pages do, in both languages', async () => {
    for (const native of ['fr', 'en'] as const) {
      const texts = createPageTexts('fr', sources(native));
      for (const language of ['fr', 'en'] as const) {
        await texts.load(language);
        const text = texts.get(language);
        for (const key of PAGE_MESSAGE_KEYS)
          expect(text.t(key, 4, 'x')).toBe(formatMessage(ALL_MESSAGES[language][key], [4, 'x']));
      }
    }
  });

  it('follow the browser’s negotiation, not a guess: a German Firefox reading English still gets French', async () => {
    const source = sources('en');
    const texts = createPageTexts('de-DE', source);
    await texts.load('auto');
    expect(source.fetchMessages).toHaveBeenCalledWith('fr');
    expect(texts.get('auto').t('badgeNone')).toBe('Aucune licence souscrite');
  });

  it('fall back to the browser’s language while the background cannot answer, and ask again later', async () => {
    const source = sources('en');
    source.fetchMessages.mockRejectedValueOnce(new Error('Receiving end does not exist'));
    const texts = createPageTexts('en', source);
    await texts.load('fr');
    expect(texts.get('fr').t('badgeNone')).toBe('No licence subscribed');
    await texts.load('fr');
    expect(source.fetchMessages).toHaveBeenCalledTimes(2);
    expect(texts.get('fr').t('badgeNone')).toBe('Aucune licence souscrite');
  });

  it('refuse an answer that is not messages, and fill a message missing from one from the browser', async () => {
    const source = sources('en');
    source.fetchMessages.mockResolvedValueOnce('not messages' as never);
    const texts = createPageTexts('en', source);
    await texts.load('fr');
    expect(texts.get('fr').language).toBe('en');
    const { badgeNone: _dropped, ...partial } = flatPageMessages('fr');
    source.fetchMessages.mockResolvedValueOnce(partial as ReturnType<typeof flatPageMessages>);
    await texts.load('fr');
    expect(texts.get('fr').language).toBe('fr');
    expect(texts.get('fr').t('badgeUnknown', 'x')).toBe('Non reconnue : x');
    expect(texts.get('fr').t('badgeNone')).toBe('No licence subscribed');
  });

  it('come from the background for every language where the browser has none (tests, odd embedders)', async () => {
    const source = sources(null);
    const texts = createPageTexts('en-GB', source);
    await texts.load('auto');
    expect(source.fetchMessages).toHaveBeenCalledWith('en');
    expect(texts.get('auto').n('badgeTerminable', 1)).toBe('1 terminable');
  });
});

describe('the background’s answer', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives the page messages of the language asked for, and ignores other messages', async () => {
    answerPageMessagesRequests();
    const answer = await fakeBrowser.runtime.sendMessage({ type: PAGE_MESSAGES_REQUEST, language: 'en' });
    expect(Object.keys(answer).sort()).toEqual([...PAGE_MESSAGE_KEYS].sort());
    expect(answer.badgeTerminable_one).toBe('$1 terminable');
    expect(await fakeBrowser.runtime.sendMessage({ type: PAGE_MESSAGES_REQUEST, language: 'de' })).toBe(
      undefined,
    );
    expect(await fakeBrowser.runtime.sendMessage({ type: 'mla:page-status' })).toBe(undefined);
  });
});

describe('the messages the detector asked for ahead (while the assistant was injected)', () => {
  it('are taken for their language instead of asking again; asked once, then as before', async () => {
    const source = sources('en');
    const ahead = Promise.resolve(flatPageMessages('fr'));
    const texts = createPageTexts('fr-FR', withPrefetched(source, { language: 'fr', answer: ahead }));
    await texts.load('auto');
    expect(source.fetchMessages).not.toHaveBeenCalled();
    expect(texts.get('auto').n('badgeTerminable', 2)).toBe('2 résiliables');
  });

  it('are not used for another language, and a refused head start leaves the browser’s language', async () => {
    const source = sources('en');
    const other = createPageTexts(
      'en-US',
      withPrefetched(source, { language: 'fr', answer: Promise.resolve({ badgeNone: 'faux' }) }),
    );
    await other.load('fr');
    expect(source.fetchMessages).not.toHaveBeenCalled();
    expect(other.get('fr').t('badgeNone')).toBe('faux');
    const refused = sources('en');
    const texts = createPageTexts(
      'fr-FR',
      withPrefetched(refused, { language: 'fr', answer: Promise.reject(new Error('no background')) }),
    );
    await texts.load('auto');
    expect(texts.get('auto').language).toBe('en');
    // Asked again next time, from the background itself.
    await texts.load('auto');
    expect(refused.fetchMessages).toHaveBeenCalledWith('fr');
    expect(texts.get('auto').language).toBe('fr');
  });
});

describe('prefetchPageMessages (in the detector)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks for the language "auto" shows when the browser reads its messages in another', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('fr-FR');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('en');
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockImplementation(() => Promise.resolve({ badgeNone: 'Aucune' }) as never);
    const ahead = prefetchPageMessages();
    expect(ahead?.language).toBe('fr');
    expect(send).toHaveBeenCalledWith({ type: PAGE_MESSAGES_REQUEST, language: 'fr' });
    await expect(ahead?.answer).resolves.toEqual({ badgeNone: 'Aucune' });
  });

  it('asks nothing when the browser’s catalog is that language, or when the browser cannot say', () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('fr-FR');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('fr');
    expect(prefetchPageMessages()).toBeUndefined();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(() => {
      throw new Error('no i18n');
    });
    expect(prefetchPageMessages()).toBeUndefined();
    expect(send).not.toHaveBeenCalled();
  });
});
