import { describe, expect, it } from 'vitest';
import { maskText, maskTokens, maskUrl, placeholder } from '../../../lib/capture/anonymise';

describe('maskText', () => {
  it.each([
    ['Licence full', 'Licence full'],
    ['Licence full ⓘ', 'Licence full ⓘ'],
    ['1 / 2', '1 / 2'],
    ['  12  ', '  12  '],
    ['Quantité active : 1', 'Quantité active : 1'],
    ['Licence full 1 / 2', 'Licence full 1 / 2'],
    // A surname that is also a portal word goes with the name beside it; the readers' words stay.
    ['Pierre Page', 'Xxxxxx Xxxx'],
    ['Jean Le Page', 'Xxxx Xx Xxxx'],
    ['Client Jean Dupont', 'Xxxxxx Xxxx Xxxxxx'],
    ['Licence Premium', 'Licence Xxxxxxx'],
    ['Résiliation licence full', 'Résiliation licence full'],
    ['Page 1 / 2', 'Page 1 / 2'],
    ['Licences actives / licences souscrites', 'Licences actives / licences souscrites'],
    ['Résiliation licence full', 'Résiliation licence full'],
    ['x / 2', 'x / 0'],
    ['Jean  Dupont', 'Xxxx  Xxxxxx'],
    ['01 84 78 78 80', '00 00 00 00 00'],
    ['Numéro 01 84 78 78 80', 'Numéro 00 00 00 00 00'],
    ['12 rue de la Paix', '00 xxx de la Xxxx'],
    ['MC-000123', 'XX-000000'],
    ['12,50 €', '00,00 €'],
    ['12/03/2024', '00/00/0000'],
    ['Licence Premium', 'Licence Xxxxxxx'],
    // Groups of one number beside a known word: a phone number's end, not a count.
    ['SDA 1847 8788', 'SDA 0000 0000'],
    ['Numéro 12 34', 'Numéro 00 00'],
    ['Licence full 1 / 2', 'Licence full 1 / 2'],
    // A surname that is also a portal word goes with the name beside it; the readers' words stay.
    ['Pierre Page', 'Xxxxxx Xxxx'],
    ['Jean Le Page', 'Xxxx Xx Xxxx'],
    ['Client Jean Dupont', 'Xxxxxx Xxxx Xxxxxx'],
    ['Licence Premium', 'Licence Xxxxxxx'],
    ['Résiliation licence full', 'Résiliation licence full'],
    ['Page 1 / 2', 'Page 1 / 2'],
  ])('%j → %j', (text, masked) => {
    expect(maskText(text).text).toBe(masked);
    expect(maskText(text).masked).toBe(text !== masked);
  });

  it('keeps the length of any text', () => {
    expect(placeholder('Zoé Nguyễn, 06.12.34.56.78').length).toBe(
      'Zoé Nguyễn, 06.12.34.56.78'.normalize('NFC').length,
    );
  });
});

describe('maskTokens and maskUrl', () => {
  it('keeps technical class names, masks the rest', () => {
    expect(maskTokens('col-sm-6 js-copyable-content').text).toBe('col-sm-0 js-copyable-content');
    expect(maskTokens('Dupont row-MC000123').text).toBe('Xxxxxx xxx-XX000000');
  });

  it('drops the host, keeps known path words, masks identifiers and values', () => {
    expect(maskUrl('https://demo.extranet.myopenip.fr/services/MC-000123?tab=details#details').text).toBe(
      '/services/XX-000000?tab=details#details',
    );
    expect(maskUrl('mailto:jean@exemple.fr').text).toBe('mailto:');
    expect(maskUrl('/services?client=Jean%20Dupont').text).toBe('/services?client=Xxxx_Xxxxxx');
  });
});
