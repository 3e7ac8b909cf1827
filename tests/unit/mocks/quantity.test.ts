// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../../mocks/rules/quantity';

describe('parseQuantity (Quantité à résilier)', () => {
  it.each([
    ['1', 1],
    ['2', 2],
    [' 1 ', 1],
    ['01', 1],
  ])('accepts %j as %i', (raw, value) => {
    expect(parseQuantity(raw, 2)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Veuillez saisir'],
    ['   ', 'Veuillez saisir'],
    ['0', 'au moins égale à 1'],
    ['-1', 'au moins égale à 1'],
    ['1.5', 'nombre entier'],
    ['1,5', 'nombre entier'],
    ['abc', 'nombre entier'],
    ['+1', 'nombre entier'],
    ['1e0', 'nombre entier'],
    ['3', 'ne peut pas dépasser 2'],
  ])('refuses %j with a French message', (raw, message) => {
    const result = parseQuantity(raw, 2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('refuses a missing field', () => {
    expect(parseQuantity(null, 1).ok).toBe(false);
  });
});
