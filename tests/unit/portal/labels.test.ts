import { describe, expect, it } from 'vitest';
import {
  isLicenceLabel,
  KNOWN_LICENCE_TYPES,
  knownLicenceType,
  licenceLabelFromDialogTitle,
  sameLicence,
} from '../../../lib/portal/labels';
import { CARD_ROWS } from '../fixtures/card';

describe('sameLicence', () => {
  it.each([
    ['Licence full', 'licence  full ⓘ'],
    ['Licence full', 'LICENCE FULL'],
    ['Licence full avancée', 'Licence\u00A0full avancee'],
    ['Licence full', 'full'],
    ['Licence full', '\u200ELicence\u200F full'],
    ['Licence full', '\u202BLicence full\u202C'],
    ['Licence full', '\u2067Licence\u2069 \u2066full\u2069'],
    ['Licence full', 'Lic\u200Bence full'],
  ])('%j ≡ %j', (a, b) => {
    expect(sameLicence(a, b)).toBe(true);
    expect(sameLicence(b, a)).toBe(true);
  });

  it.each([
    ['Licence full', 'Licence full avancée'],
    ['Licence full meeting', 'Licence full meeting avancée'],
    ['Licence', 'Licence'],
    ['', ''],
  ])('%j ≢ %j', (a, b) => {
    expect(sameLicence(a, b)).toBe(false);
  });
});

describe('licenceLabelFromDialogTitle', () => {
  it.each([
    ['Résiliation licence full', 'Licence full'],
    ['RÉSILIATION LICENCE FULL', 'Licence FULL'],
    ['Résiliation de la licence full meeting avancée ⓘ', 'Licence full meeting avancée'],
    ['  Resiliation\u00A0licence  SVI : ', 'Licence SVI'],
  ])('%j → %j', (title, label) => {
    expect(licenceLabelFromDialogTitle(title)).toBe(label);
  });

  it.each(['Résiliation', 'Résiliation licence', 'Licence full', 'Dissocier un numéro'])(
    '%j → null',
    (title) => {
      expect(licenceLabelFromDialogTitle(title)).toBeNull();
    },
  );

  it('maps the card dialog onto the card row', () => {
    expect(sameLicence(licenceLabelFromDialogTitle('Résiliation licence full') ?? '', 'Licence full ⓘ')).toBe(
      true,
    );
  });
});

describe('known types', () => {
  it('lists the card types in the card order', () => {
    expect([...KNOWN_LICENCE_TYPES]).toEqual(CARD_ROWS.map((row) => row.label));
  });

  it('recognises known and unknown types as labels', () => {
    expect(knownLicenceType('licence svi ⓘ')).toBe('Licence SVI');
    expect(knownLicenceType('Licence vidéo')).toBeNull();
    expect(isLicenceLabel('Licence vidéo')).toBe(true);
    expect(isLicenceLabel('Licence')).toBe(false);
    expect(isLicenceLabel('Licences actives')).toBe(false);
  });
});
