import type { Edition, RatingLevel, RatingScheme } from './edition.schema.js';
import { formatNumber, makeError, type EditionProblem } from './edition-problem.js';

function listThresholdProblems(
  level: RatingLevel,
  path: string,
  totalPoints: number,
): EditionProblem[] {
  const out: EditionProblem[] = [];
  const check = (field: 'min_total' | 'min_each_instrument', max: number) => {
    const value = level[field];
    if (value === undefined || (value >= 0 && value <= max)) return;
    out.push(
      makeError(
        'threshold_out_of_range',
        `${path}.${field}`,
        `เกณฑ์ ${field} ของระดับ "${level.code}" เป็น ${formatNumber(value)} ซึ่งอยู่นอกช่วง 0 ถึง ${formatNumber(max)}: ให้แก้ให้อยู่ในช่วงนี้`,
        `The ${field} of level "${level.code}" is ${formatNumber(value)}, outside 0 to ${formatNumber(max)}: change it to a value in that range.`,
      ),
    );
  };
  check('min_total', totalPoints);
  check('min_each_instrument', 100);
  return out;
}

function minTotal(level: RatingLevel): number {
  return level.min_total ?? 0;
}

function minEach(level: RatingLevel): number {
  return level.min_each_instrument ?? 0;
}

/** Reports levels that an earlier, weaker level always wins over, and levels listed out of order. */
function listOrderProblems(scheme: RatingScheme, base: string): EditionProblem[] {
  const out: EditionProblem[] = [];
  scheme.levels.forEach((level, j) => {
    const path = `${base}.levels[${j}]`;
    const earlier = scheme.levels.slice(0, j);
    const winner = earlier.find(
      (e) => minTotal(e) <= minTotal(level) && minEach(e) <= minEach(level),
    );
    if (winner !== undefined) {
      out.push(
        makeError(
          'rating_overlap',
          path,
          `ระดับ "${level.code}" ในเกณฑ์ "${scheme.code}" จะไม่มีผู้ใดได้เลย เพราะระดับ "${winner.code}" ที่อยู่ก่อนมีเงื่อนไขเท่ากันหรือต่ำกว่า (ตรวจตามลำดับ ระดับแรกที่ผ่านคือผลลัพธ์): ให้เรียงลำดับระดับใหม่หรือแก้เกณฑ์`,
          `Level "${level.code}" of scheme "${scheme.code}" can never be reached: the earlier level "${winner.code}" has equal or weaker conditions (levels are checked in order, the first match wins). Reorder the levels or change their thresholds.`,
        ),
      );
      return;
    }
    const previous = [...earlier].reverse().find((e) => e.min_total !== undefined);
    if (
      level.min_total !== undefined &&
      previous?.min_total !== undefined &&
      level.min_total > previous.min_total
    ) {
      out.push(
        makeError(
          'rating_order',
          `${path}.min_total`,
          `ระดับ "${level.code}" (min_total ${formatNumber(level.min_total)}) อยู่หลังระดับ "${previous.code}" (min_total ${formatNumber(previous.min_total)}) ทั้งที่เกณฑ์สูงกว่า: ให้เรียงระดับจากเกณฑ์สูงไปต่ำ`,
          `Level "${level.code}" (min_total ${formatNumber(level.min_total)}) comes after level "${previous.code}" (min_total ${formatNumber(previous.min_total)}) although its threshold is higher: list levels from the highest threshold to the lowest.`,
        ),
      );
    }
  });
  return out;
}

function listGapProblems(scheme: RatingScheme, base: string): EditionProblem[] {
  const k = scheme.levels.length - 1;
  const last = scheme.levels[k];
  if (last === undefined || (minTotal(last) <= 0 && minEach(last) <= 0)) return [];
  const byTotal = minTotal(last) > 0;
  const x = formatNumber(byTotal ? minTotal(last) : minEach(last));
  const gapTh = byTotal ? `คะแนนรวมที่ต่ำกว่า ${x}` : `ผลที่มีเครื่องมือใดได้คะแนนต่ำกว่า ${x}`;
  const gapEn = byTotal ? `totals below ${x}` : `results with an instrument below ${x}`;
  return [
    makeError(
      'rating_gap',
      `${base}.levels[${k}]`,
      `เกณฑ์ "${scheme.code}" มีช่องว่าง: ${gapTh} จะไม่ได้ระดับใดเลย: ให้ระดับสุดท้าย ("${last.code}") ไม่มีเงื่อนไข หรือเพิ่มระดับสุดท้ายที่ไม่มีเงื่อนไขเพื่อรองรับผลที่เหลือทั้งหมด`,
      `Scheme "${scheme.code}" has a gap: ${gapEn} get no level. Remove the conditions of the last level ("${last.code}") or add a last level without conditions that catches every remaining result.`,
    ),
  ];
}

/** Reports an unknown default scheme, thresholds out of range, gaps, overlaps and misordered levels. */
export function listRatingProblems(edition: Edition): EditionProblem[] {
  const { rating } = edition;
  const out: EditionProblem[] = [];
  if (!rating.schemes.some((s) => s.code === rating.default)) {
    const codes = rating.schemes.map((s) => s.code).join(', ');
    out.push(
      makeError(
        'unknown_rating_scheme',
        'rating.default',
        `เกณฑ์การจัดระดับหลัก (default) "${rating.default}" ไม่มีในรายการ schemes: ให้แก้เป็นรหัสที่มีอยู่ (${codes})`,
        `The default rating scheme "${rating.default}" is not among the schemes: use one of ${codes}.`,
      ),
    );
  }
  rating.schemes.forEach((scheme, i) => {
    const base = `rating.schemes[${i}]`;
    scheme.levels.forEach((level, j) =>
      out.push(...listThresholdProblems(level, `${base}.levels[${j}]`, edition.total_points)),
    );
    out.push(...listOrderProblems(scheme, base), ...listGapProblems(scheme, base));
  });
  return out;
}

function checkRuleInstrument(edition: Edition, code: string, path: string): EditionProblem | null {
  const ins = edition.instruments.find((x) => x.code === code);
  if (ins === undefined) {
    return makeError(
      'min_sample_unknown_instrument',
      path,
      `เกณฑ์จำนวนตัวอย่างขั้นต่ำอ้างถึงเครื่องมือ "${code}" ซึ่งไม่มีในฉบับนี้: ให้แก้เป็นรหัสเครื่องมือที่มีอยู่`,
      `The minimum-sample rule names instrument "${code}", which this edition does not have: use an existing instrument code.`,
    );
  }
  if (ins.kind === 'survey') return null;
  return makeError(
    'min_sample_not_survey',
    path,
    `เกณฑ์จำนวนตัวอย่างขั้นต่ำใช้ได้กับเครื่องมือแบบสำรวจเท่านั้น แต่ "${code}" เป็นแบบตรวจรายการ: ให้ลบ "${code}" ออกจากเกณฑ์นี้`,
    `Minimum-sample rules apply only to survey instruments, but "${code}" is a checklist: remove "${code}" from this rule.`,
  );
}

/** Reports sample rules naming unknown, non-survey or repeated instruments, and min above max. */
export function listMinSampleProblems(edition: Edition): EditionProblem[] {
  const out: EditionProblem[] = [];
  const seen = new Map<string, string>();
  edition.min_sample.forEach((rule, i) => {
    rule.instruments.forEach((code, j) => {
      const path = `min_sample[${i}].instruments[${j}]`;
      const problem = checkRuleInstrument(edition, code, path);
      if (problem !== null) out.push(problem);
      const first = seen.get(code);
      if (first === undefined) seen.set(code, path);
      else {
        out.push(
          makeError(
            'min_sample_duplicate_instrument',
            path,
            `เครื่องมือ "${code}" อยู่ในเกณฑ์จำนวนตัวอย่างขั้นต่ำมากกว่าหนึ่งเกณฑ์ (ครั้งแรกที่ ${first}): ให้เหลือไว้เพียงเกณฑ์เดียว`,
            `Instrument "${code}" appears in more than one minimum-sample rule (first at ${first}): keep it in one rule only.`,
          ),
        );
      }
    });
    if (rule.max !== undefined && rule.min > rule.max) {
      out.push(
        makeError(
          'min_sample_min_above_max',
          `min_sample[${i}].min`,
          `จำนวนตัวอย่างขั้นต่ำ (min ${rule.min}) มากกว่าจำนวนสูงสุด (max ${rule.max}): ให้แก้ให้ min ไม่เกิน max`,
          `The minimum sample (min ${rule.min}) is larger than the maximum (max ${rule.max}): make min at most max.`,
        ),
      );
    }
  });
  return out;
}

/** Tells whether a YYYY-MM-DD string names a real Gregorian date. */
function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d <= days;
}

/** Reports dates that do not exist and milestones that end before they start. */
export function listCalendarProblems(edition: Edition): EditionProblem[] {
  const out: EditionProblem[] = [];
  edition.calendar.forEach((m, i) => {
    const base = `calendar[${i}]`;
    let valid = true;
    for (const field of ['start', 'end'] as const) {
      if (isRealDate(m[field])) continue;
      valid = false;
      out.push(
        makeError(
          'invalid_date',
          `${base}.${field}`,
          `วันที่ ${m[field]} ของกำหนดการ "${m.code}" ไม่มีอยู่จริง: ให้แก้เป็นวันที่ที่มีจริง แบบ ปปปป-ดด-วว ในปีคริสต์ศักราช`,
          `The date ${m[field]} of milestone "${m.code}" does not exist: write a real date as YYYY-MM-DD (Gregorian).`,
        ),
      );
    }
    if (valid && m.start > m.end) {
      out.push(
        makeError(
          'calendar_end_before_start',
          `${base}.end`,
          `กำหนดการ "${m.code}" สิ้นสุด (${m.end}) ก่อนวันเริ่ม (${m.start}): ให้แก้วันเริ่มหรือวันสิ้นสุด`,
          `Milestone "${m.code}" ends (${m.end}) before it starts (${m.start}): correct the start or end date.`,
        ),
      );
    }
  });
  return out;
}
