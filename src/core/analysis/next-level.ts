import type { RatingScheme, Text } from '../framework/edition.schema.js';

/** What separates a result from the next better level of its rating scheme. */
export interface NextLevelGap {
  code: string;
  name: Text;
  /** The total that level asks for (null: it asks none). */
  minTotal: number | null;
  /** Points of the total still missing (0 when the total is already enough). */
  totalGap: number;
  /** The score every instrument must reach (null: no such condition). */
  minEachInstrument: number | null;
  /** Instruments below that score, with what each is missing. */
  instruments: { code: string; name: Text; shown: number; gap: number }[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The level just above the current one in the scheme's order (best first) and what the total
 * and each instrument still miss to reach it; null at the top level or without a level.
 */
export function nextLevelGap(
  scheme: RatingScheme,
  result: {
    total: number | null;
    levelCode: string | null;
    instruments: readonly { code: string; name: Text; shown: number | null }[];
  },
): NextLevelGap | null {
  const at = scheme.levels.findIndex((l) => l.code === result.levelCode);
  const next = at > 0 ? scheme.levels[at - 1] : undefined;
  if (!next || result.total === null) return null;
  const minTotal = next.min_total ?? null;
  const minEach = next.min_each_instrument ?? null;
  return {
    code: next.code,
    name: next.name,
    minTotal,
    totalGap: minTotal === null ? 0 : Math.max(0, round2(minTotal - result.total)),
    minEachInstrument: minEach,
    instruments:
      minEach === null
        ? []
        : result.instruments
            .filter((i) => i.shown !== null && i.shown < minEach)
            .map((i) => ({
              code: i.code,
              name: i.name,
              shown: i.shown as number,
              gap: round2(minEach - (i.shown as number)),
            })),
  };
}

/** One level of a rating scheme as its rule reads: the total and the score of every instrument. */
export interface LevelRule {
  code: string;
  name: Text;
  minTotal: number | null;
  minEachInstrument: number | null;
}

/** Why a result has its level: the scheme's rules, what holds it back and the next level's gap. */
export interface LevelExplanation {
  /** The scheme's levels, best first, as its data says (never numbers written in code). */
  rules: LevelRule[];
  /** The result's level (null when withheld or incomplete). */
  level: { code: string; name: Text } | null;
  /**
   * The better level the total alone reaches, when instruments below that level's minimum keep
   * the result lower (e.g. total 95.86 but OIT 92.86 < 95: ผ่านดี, not ผ่านดีเยี่ยม).
   */
  heldBack: {
    level: { code: string; name: Text };
    minEachInstrument: number;
    instruments: { code: string; name: Text; shown: number; gap: number }[];
  } | null;
  /** The next better level and what is missing to reach it (null at the top). */
  next: NextLevelGap | null;
  total: number | null;
}

/** The levels of a scheme as rules. */
export function levelRules(scheme: RatingScheme): LevelRule[] {
  return scheme.levels.map((l) => ({
    code: l.code,
    name: l.name,
    minTotal: l.min_total ?? null,
    minEachInstrument: l.min_each_instrument ?? null,
  }));
}

/**
 * Explains a result's level under its scheme: the rules, the instruments that hold it below
 * the level its total would reach, and the gap to the next level. With no total or level (a
 * withheld or incomplete result) only the rules are given.
 */
export function explainLevel(
  scheme: RatingScheme,
  result: {
    total: number | null;
    levelCode: string | null;
    instruments: readonly { code: string; name: Text; shown: number | null }[];
  },
): LevelExplanation {
  const rules = levelRules(scheme);
  const at = scheme.levels.findIndex((l) => l.code === result.levelCode);
  const current = at >= 0 ? scheme.levels[at] : undefined;
  if (!current || result.total === null)
    return { rules, level: null, heldBack: null, next: null, total: null };
  const total = result.total;
  // the best level whose total condition holds, if it is better than the actual one
  const byTotal = scheme.levels.findIndex((l) => l.min_total === undefined || total >= l.min_total);
  let heldBack: LevelExplanation['heldBack'] = null;
  const better = byTotal >= 0 && byTotal < at ? scheme.levels[byTotal] : undefined;
  if (better?.min_each_instrument !== undefined) {
    const min = better.min_each_instrument;
    const instruments = result.instruments
      .filter((i) => i.shown !== null && i.shown < min)
      .map((i) => ({
        code: i.code,
        name: i.name,
        shown: i.shown as number,
        gap: round2(min - (i.shown as number)),
      }));
    if (instruments.length > 0)
      heldBack = {
        level: { code: better.code, name: better.name },
        minEachInstrument: min,
        instruments,
      };
  }
  return {
    rules,
    level: { code: current.code, name: current.name },
    heldBack,
    next: nextLevelGap(scheme, result),
    total,
  };
}

const fmt = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

/** A rule in words: "ผ่านดี: คะแนนรวมอย่างน้อย 85.00 และทุกเครื่องมืออย่างน้อย 85.00". */
export function ruleText(rule: LevelRule): Text {
  const th: string[] = [];
  const en: string[] = [];
  if (rule.minTotal !== null && rule.minTotal > 0) {
    th.push(`คะแนนรวมอย่างน้อย ${fmt(rule.minTotal)}`);
    en.push(`a total of at least ${fmt(rule.minTotal)}`);
  }
  if (rule.minEachInstrument !== null) {
    th.push(`ทุกเครื่องมืออย่างน้อย ${fmt(rule.minEachInstrument)}`);
    en.push(`every instrument at least ${fmt(rule.minEachInstrument)}`);
  }
  return {
    th: `${rule.name.th}: ${th.length > 0 ? th.join(' และ ') : 'คะแนนต่ำกว่าระดับข้างต้น'}`,
    en: `${rule.name.en}: ${en.length > 0 ? en.join(' and ') : 'a score below the levels above'}`,
  };
}

/**
 * The explanation in sentences, Thai and English: why this level (and which instrument holds
 * it back), and what the next level still asks for. The rules themselves: `ruleText`.
 */
export function levelSentences(explanation: LevelExplanation): Text[] {
  const { level, heldBack, next, total } = explanation;
  if (!level || total === null) return [];
  const out: Text[] = [];
  if (heldBack) {
    const names = heldBack.instruments.map((i) => `${i.code} ${fmt(i.shown)}`).join(', ');
    out.push({
      th: `คะแนนรวม ${fmt(total)} ถึงเกณฑ์คะแนนรวมของระดับ${heldBack.level.name.th}แล้ว แต่ได้ระดับ${level.name.th} เพราะ ${names} ต่ำกว่า ${fmt(heldBack.minEachInstrument)} ที่ทุกเครื่องมือต้องได้`,
      en: `The total of ${fmt(total)} meets the total asked for "${heldBack.level.name.en}", but the level is "${level.name.en}" because ${names} is below the ${fmt(heldBack.minEachInstrument)} every instrument must reach`,
    });
  }
  if (!next) {
    out.push({
      th: `ระดับ${level.name.th}เป็นระดับสูงสุดของเกณฑ์แล้ว`,
      en: `"${level.name.en}" is the highest level of the scheme`,
    });
    return out;
  }
  const th: string[] = [];
  const en: string[] = [];
  if (next.totalGap > 0) {
    th.push(`คะแนนรวมเพิ่มอีก ${fmt(next.totalGap)} คะแนน (ถึง ${fmt(next.minTotal ?? 0)})`);
    en.push(`${fmt(next.totalGap)} more points of the total (to ${fmt(next.minTotal ?? 0)})`);
  }
  for (const i of next.instruments) {
    th.push(
      `${i.code} เพิ่มอีก ${fmt(i.gap)} คะแนน (จาก ${fmt(i.shown)} ถึง ${fmt(next.minEachInstrument ?? 0)})`,
    );
    en.push(
      `${i.code} ${fmt(i.gap)} more points (from ${fmt(i.shown)} to ${fmt(next.minEachInstrument ?? 0)})`,
    );
  }
  out.push(
    th.length > 0
      ? {
          th: `จะได้ระดับ${next.name.th} เมื่อ ${th.join(' และ ')}`,
          en: `"${next.name.en}" needs ${en.join(' and ')}`,
        }
      : {
          th: `ระดับ${next.name.th}ไม่มีเงื่อนไขที่ยังขาด`,
          en: `"${next.name.en}" asks for nothing more`,
        },
  );
  return out;
}
