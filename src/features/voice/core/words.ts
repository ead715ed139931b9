import { normaliseCell } from '../../surveys/core/response-import-columns.js';
import { MASK_TOKEN } from '../../surveys/core/mask.js';
import { isStopWord } from '../../surveys/core/stop-words.js';

/** A word and how many comments use it. */
export interface WordCount {
  word: string;
  count: number;
}

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const HAS_LETTER = /\p{L}/u;

/**
 * The meaningful words of a comment: Thai words cut by Intl.Segmenter, lower-cased, without
 * stop words, mask tokens, one-letter pieces or numbers.
 */
export function segmentWords(comment: string): string[] {
  const text = normaliseCell(comment.replace(MASK_TOKEN, ' '));
  const words: string[] = [];
  for (const seg of segmenter.segment(text)) {
    if (!seg.isWordLike) continue;
    const word = seg.segment;
    if ([...word].length < 2 || !HAS_LETTER.test(word) || isStopWord(word)) continue;
    words.push(word);
  }
  return words;
}

/**
 * Counts in how many comments each word appears (a word repeated inside one comment counts
 * once), most frequent first, ties in Thai alphabetical order; at most `limit` words.
 */
export function countWords(comments: readonly string[], limit: number): WordCount[] {
  const counts = new Map<string, number>();
  for (const comment of comments) {
    for (const word of new Set(segmentWords(comment)))
      counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'th'))
    .slice(0, limit);
}
