/**
 * Search over Thai text: Thai is written without spaces between words, so both the query and
 * the text are cut into words with Intl.Segmenter and matched word by word.
 */

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** The words of a text, lower-cased (spaces and punctuation dropped). */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const part of segmenter.segment(text.normalize('NFC').toLowerCase()))
    if (part.isWordLike) words.push(part.segment);
  return words;
}

/** A searchable document: a title and, where there is one, its text. */
export interface SearchDocument {
  title: string;
  text: string;
}

/** How well a document matches: 0 when some query word is missing, else a higher-is-better score. */
export function scoreMatch(queryWords: readonly string[], doc: SearchDocument): number {
  if (queryWords.length === 0) return 0;
  const titleWords = new Set(wordsOf(doc.title));
  const textWords = new Set(wordsOf(doc.text));
  let score = 0;
  for (const word of queryWords) {
    if (titleWords.has(word)) score += 3;
    else if (textWords.has(word)) score += 1;
    else return 0;
  }
  return score;
}

/** A short piece of the text around the first query word found, for a result list. */
export function excerptOf(text: string, queryWords: readonly string[], width = 80): string {
  const lower = text.toLowerCase();
  const at = Math.min(
    ...queryWords.map((w) => lower.indexOf(w)).filter((i) => i >= 0),
    Number.POSITIVE_INFINITY,
  );
  if (!Number.isFinite(at)) return text.slice(0, width * 2).trim();
  const start = Math.max(0, at - width);
  const piece = text.slice(start, at + width).trim();
  return `${start > 0 ? '…' : ''}${piece}${at + width < text.length ? '…' : ''}`;
}
