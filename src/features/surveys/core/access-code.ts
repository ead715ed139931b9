import { createHmac } from 'node:crypto';

/** Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY3469';
/** Length of a single-use access code: 24^10 ≈ 6 × 10^13 possibilities. */
export const ACCESS_CODE_LENGTH = 10;
/** Length of a public link code (/s/CODE). */
export const LINK_CODE_LENGTH = 6;

/** Makes a code from random bytes (injected: core has no randomness of its own). */
export function makeCode(randomBytes: (n: number) => Uint8Array, length: number): string {
  // rejection sampling keeps every character equally likely
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = '';
  while (code.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && code.length < length) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return code;
}

/** How a code is typed back: case, spaces and dashes do not matter. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** Groups a code for reading aloud and typing: ABCDE-FGHJK. */
export function formatCode(code: string): string {
  return code.length > 6 ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

/** The only form in which a single-use code is stored. */
export function hashAccessCode(secret: string, code: string): string {
  return createHmac('sha256', secret).update(normaliseCode(code)).digest('hex');
}
