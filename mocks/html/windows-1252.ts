/**
 * windows-1252, as an older portal would still send its pages: Latin-1 bytes, plus the characters the
 * encoding puts in 0x80–0x9F (’ € œ …); anything else becomes a numeric character reference, as servers
 * writing in a legacy charset do (the page still shows it).
 */
const MOVED: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

export function encodeWindows1252(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    const moved = MOVED[char];
    if (moved !== undefined) bytes.push(moved);
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else for (const byte of `&#${code};`) bytes.push(byte.charCodeAt(0));
  }
  return Uint8Array.from(bytes);
}
