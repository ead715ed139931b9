import { normaliseCell } from '../../surveys/core/response-import-columns.js';
import { MASK_TOKEN } from '../../surveys/core/mask.js';
import { isStopWord } from '../../surveys/core/stop-words.js';
import { BOUND_PREFIXES, COMPOUND_WORDS, VOICE_STOP_WORDS } from './thai-lexicon.js';

/** A word and how many comments use it. */
export interface WordCount {
  word: string;
  count: number;
}

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const HAS_LETTER = /\p{L}/u;
const COMPOUNDS = new Set(COMPOUND_WORDS);
const PREFIXES = new Set(BOUND_PREFIXES);
const STOP = new Set(VOICE_STOP_WORDS);
/** The most pieces a compound word of the list is cut into. */
const MAX_PIECES = 6;

interface Piece {
  word: string;
  start: number;
  end: number;
}

/**
 * Joins back the pieces the word breaker cut a whole word into: the longest run of touching
 * pieces that spells a listed compound word, else a bound prefix ("ผู้") with the next piece.
 */
function wholeWords(pieces: readonly Piece[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    const first = pieces[i] as Piece;
    let last = i;
    let word = first.word;
    let run = first.word;
    for (let j = i + 1; j < pieces.length && j < i + MAX_PIECES; j++) {
      const piece = pieces[j] as Piece;
      if (piece.start !== (pieces[j - 1] as Piece).end) break;
      run += piece.word;
      if (COMPOUNDS.has(run)) {
        last = j;
        word = run;
      }
    }
    const next = pieces[i + 1];
    if (last === i && PREFIXES.has(first.word) && next && next.start === first.end) {
      last = i + 1;
      word = first.word + next.word;
    }
    out.push(word);
    i = last + 1;
  }
  return out;
}

/**
 * The meaningful words of a comment: Thai words cut by Intl.Segmenter and joined back into whole
 * words (thai-lexicon.ts), without stop words, mask tokens, one-letter pieces or numbers.
 */
export function segmentWords(comment: string): string[] {
  const text = normaliseCell(comment.replace(MASK_TOKEN, ' '));
  const pieces: Piece[] = [];
  for (const seg of segmenter.segment(text)) {
    if (!seg.isWordLike) continue;
    pieces.push({ word: seg.segment, start: seg.index, end: seg.index + seg.segment.length });
  }
  return wholeWords(pieces).filter(
    (word) =>
      [...word].length >= 2 && HAS_LETTER.test(word) && !isStopWord(word) && !STOP.has(word),
  );
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
