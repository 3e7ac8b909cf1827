/**
 * How the mock reads "Quantité à résilier". Decision (documented in docs/mock-portal.md): spaces
 * around the number are ignored (` 1 ` is 1, as a form field usually is); anything else that is not
 * plain digits is refused, so `1.5`, `1,5`, `+1`, `1e0` and `abc` are all errors.
 */
export type QuantityResult = { ok: true; value: number } | { ok: false; message: string };

export function parseQuantity(raw: string | null | undefined, max: number): QuantityResult {
  const text = (raw ?? '').trim();
  if (text === '') return { ok: false, message: 'Veuillez saisir une quantité à résilier.' };
  if (!/^-?\d+$/.test(text)) {
    return { ok: false, message: 'La quantité à résilier doit être un nombre entier (par exemple 1).' };
  }
  const value = Number(text);
  if (value < 1) return { ok: false, message: 'La quantité à résilier doit être au moins égale à 1.' };
  if (value > max) {
    return {
      ok: false,
      message: `La quantité à résilier ne peut pas dépasser ${max} (licences souscrites non associées à un numéro).`,
    };
  }
  return { ok: true, value };
}
