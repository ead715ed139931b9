import type { Message } from '../../../core/errors.js';
import type { CommentQuestion, Indicator } from '../../../core/framework/edition.schema.js';
import {
  DEFAULT_MIN_GROUP_SIZE,
  tooFew,
  type DisclosureRule,
} from '../../../core/disclosure/disclosure.js';
import { maskPersonalDetails, MASK_TOKEN } from '../../surveys/core/mask.js';
import { assignThemes, OTHER_THEME, OTHER_THEME_NAME } from './themes.js';
import { countWords, type WordCount } from './words.js';

/** A theme with the indicator it touches and how many comments speak to it. */
export interface ThemeCount {
  code: string;
  name: Message;
  /** The indicator's code and name; null for "other". */
  indicator: { code: string; name: Message } | null;
  count: number;
}

/** What the comments of one group (an instrument of a round) say, or that it is withheld. */
export type VoiceSummary =
  | {
      withheld: true;
      /** Too few respondents to the instrument, or too few of them wrote a comment. */
      reason: 'respondents' | 'comments';
      minimum: number;
    }
  | {
      withheld: false;
      respondents: number;
      comments: number;
      words: WordCount[];
      themes: ThemeCount[];
      quotes: string[];
    };

/** How much of a summary to show. */
export interface VoiceLimits {
  words: number;
  quotes: number;
  /** Longest quote in characters; longer comments are cut with an ellipsis. */
  quoteLength: number;
}

export const DEFAULT_VOICE_LIMITS: VoiceLimits = { words: 15, quotes: 5, quoteLength: 200 };

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max
    ? flat
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** Letters left once the mask tokens are taken out (a quote of only masks says nothing). */
function meaningfulLength(text: string): number {
  return (text.replace(MASK_TOKEN, '').match(/\p{L}/gu) ?? []).length;
}

/**
 * A few short quotes: masked again, cut to length, the same text only once, preferring
 * comments that touch a theme; in a stable order (most themes first, then shorter first).
 */
export function selectQuotes(
  comments: readonly { text: string; themes: string[] }[],
  limits: Pick<VoiceLimits, 'quotes' | 'quoteLength'>,
): string[] {
  const seen = new Set<string>();
  const candidates = comments
    .map((c) => ({
      quote: shorten(maskPersonalDetails(c.text), limits.quoteLength),
      weight: c.themes.filter((t) => t !== OTHER_THEME).length,
    }))
    .filter((c) => meaningfulLength(c.quote) >= 10)
    .sort(
      (a, b) =>
        b.weight - a.weight || a.quote.length - b.quote.length || a.quote.localeCompare(b.quote),
    );
  const quotes: string[] = [];
  for (const { quote } of candidates) {
    const key = quote.toLowerCase().replace(/[\s\p{P}]+/gu, '');
    if (seen.has(key)) continue;
    seen.add(key);
    quotes.push(quote);
    if (quotes.length >= limits.quotes) break;
  }
  return quotes;
}

/**
 * Summarises the comments of one group: withheld entirely (no count, word or quote) when the
 * group has fewer respondents than the minimum group size, or fewer comments than it (a handful
 * of comments is as easy to attribute as a handful of answers); otherwise the number of
 * comments, the top words, the themes with their indicators, and a few masked quotes.
 */
export function summariseVoice(input: {
  respondents: number;
  comments: readonly string[];
  question: CommentQuestion;
  indicators: readonly Pick<Indicator, 'code' | 'name'>[];
  limits?: VoiceLimits;
  /** The round edition's disclosure rule (core/disclosure); the default minimum when not given. */
  rule?: DisclosureRule;
}): VoiceSummary {
  const { respondents, question } = input;
  const rule = input.rule ?? { minimum: DEFAULT_MIN_GROUP_SIZE };
  const { minimum } = rule;
  if (tooFew(respondents, rule)) return { withheld: true, reason: 'respondents', minimum };
  const masked = input.comments.map((c) => maskPersonalDetails(c)).filter((c) => c.trim() !== '');
  if (tooFew(masked.length, rule)) return { withheld: true, reason: 'comments', minimum };
  const limits = input.limits ?? DEFAULT_VOICE_LIMITS;
  const tagged = masked.map((text) => ({ text, themes: assignThemes(text, question.themes) }));
  const names = new Map(input.indicators.map((i) => [i.code, i.name]));
  const themes: ThemeCount[] = [
    ...question.themes.map((t) => ({
      code: t.code,
      name: t.name,
      indicator: {
        code: t.indicator,
        name: names.get(t.indicator) ?? { th: t.indicator, en: t.indicator },
      },
    })),
    { code: OTHER_THEME, name: OTHER_THEME_NAME, indicator: null },
  ].map((t) => ({ ...t, count: tagged.filter((c) => c.themes.includes(t.code)).length }));
  return {
    withheld: false,
    respondents,
    comments: masked.length,
    words: countWords(masked, limits.words),
    themes,
    quotes: selectQuotes(tagged, limits),
  };
}

/** Why a group's comments are not shown, in Thai and English. */
export function withheldMessage(summary: Extract<VoiceSummary, { withheld: true }>): Message {
  const n = summary.minimum;
  return summary.reason === 'respondents'
    ? {
        th: `ไม่แสดง: มีผู้ตอบน้อยกว่า ${n} คน เพื่อไม่ให้ระบุตัวผู้ตอบได้`,
        en: `Withheld: fewer than ${n} responses, so no one can be identified`,
      }
    : {
        th: `ไม่แสดง: มีผู้เขียนข้อเสนอแนะน้อยกว่า ${n} คน เพื่อไม่ให้ระบุตัวผู้เขียนได้`,
        en: `Withheld: fewer than ${n} people wrote a comment, so no one can be identified`,
      };
}
