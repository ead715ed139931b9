import { maskPersonalDetails } from './mask.js';

/** Longest comment kept, in characters (a storage cap of Prongsai, not an ITA rule). */
export const MAX_COMMENT_LENGTH = 1000;

/**
 * A respondent's comment as it is stored: spaces tidied, control characters dropped, personal
 * details masked, cut to MAX_COMMENT_LENGTH; null when nothing is left.
 */
export function prepareComment(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const tidy = raw
    .normalize('NFC')
    .replace(/\p{Cc}|\u200b/gu, (c) => (c === '\n' ? c : c === '\t' ? ' ' : ''))
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  if (tidy === '') return null;
  // masked before the cut (a number cut in half would escape the mask) and after it
  const masked = maskPersonalDetails(maskPersonalDetails(tidy).slice(0, MAX_COMMENT_LENGTH)).trim();
  return masked === '' ? null : masked;
}
