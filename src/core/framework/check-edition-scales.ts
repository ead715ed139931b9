import type { Edition, Scale } from './edition.schema.js';
import { formatNumber, formatPath, makeError, type EditionProblem } from './edition-problem.js';
import { listEditionNodeEntries } from './walk-edition.js';

function isOutOfRange(score: number): boolean {
  return !(score >= 0 && score <= 100);
}

function describeOutOfRange(path: string, score: number): EditionProblem {
  return makeError(
    'score_out_of_range',
    path,
    `คะแนน ${formatNumber(score)} อยู่นอกช่วง 0 ถึง 100: ให้แก้คะแนนให้อยู่ระหว่าง 0 ถึง 100`,
    `The score ${formatNumber(score)} is outside 0 to 100: change it to a score between 0 and 100.`,
  );
}

function listOptionProblems(scale: Scale, base: string): EditionProblem[] {
  const out: EditionProblem[] = [];
  scale.options.forEach((opt, k) => {
    const path = `${base}.options[${k}]`;
    if (opt.score === undefined && opt.excluded !== true) {
      out.push(
        makeError(
          'option_without_score',
          path,
          `ตัวเลือกคำตอบ "${opt.code}" ของมาตรวัด "${scale.code}" ไม่มีคะแนน: ให้ใส่คะแนน (score) หรือระบุ excluded: true ถ้าเป็นคำตอบที่ไม่นำมาคิดคะแนน เช่น "ไม่ทราบ"`,
          `Answer option "${opt.code}" of scale "${scale.code}" has no score: give it a score, or set excluded: true if it is never scored (e.g. "don't know").`,
        ),
      );
    } else if (opt.score !== undefined && opt.excluded === true) {
      out.push(
        makeError(
          'option_score_and_excluded',
          path,
          `ตัวเลือกคำตอบ "${opt.code}" ของมาตรวัด "${scale.code}" มีทั้งคะแนนและ excluded: true: ให้เลือกอย่างใดอย่างหนึ่ง คือลบคะแนนออก หรือลบ excluded ออก`,
          `Answer option "${opt.code}" of scale "${scale.code}" has both a score and excluded: true: keep only one of them.`,
        ),
      );
    } else if (opt.score !== undefined && isOutOfRange(opt.score)) {
      out.push(describeOutOfRange(`${path}.score`, opt.score));
    }
  });
  return out;
}

function checkScale(scale: Scale, base: string): EditionProblem[] {
  const out = listOptionProblems(scale, base);
  const scored = scale.options.filter((o) => o.score !== undefined && o.excluded !== true);
  if (scored.length < 2) {
    out.push(
      makeError(
        'scale_too_few_scored',
        `${base}.options`,
        `มาตรวัด "${scale.code}" มีตัวเลือกที่มีคะแนนเพียง ${scored.length} ตัวเลือก: ต้องมีอย่างน้อย 2 ตัวเลือกที่มีคะแนน จึงจะแยกคำตอบได้`,
        `Scale "${scale.code}" has only ${scored.length} scored option(s): it needs at least two scored options to tell answers apart.`,
      ),
    );
  }
  return out;
}

/** Checks one entry of an explicit score map: a known, scored option with a score in range. */
function checkScoreEntry(
  key: string,
  score: number,
  scale: Scale,
  owner: { code: string; path: string },
): EditionProblem | null {
  const path = formatPath([key], `${owner.path}.scores`);
  const opt = scale.options.find((o) => o.code === key);
  if (opt === undefined) {
    const codes = scale.options.map((o) => o.code).join(', ');
    return makeError(
      'scores_unknown_option',
      path,
      `คะแนนของ "${owner.code}" ระบุตัวเลือก "${key}" ซึ่งไม่มีในมาตรวัด "${scale.code}": ให้แก้เป็นรหัสตัวเลือกที่มีอยู่ (${codes}) หรือลบออก`,
      `The scores of "${owner.code}" name option "${key}", which scale "${scale.code}" does not have: use one of its option codes (${codes}) or remove it.`,
    );
  }
  if (opt.excluded === true) {
    return makeError(
      'scores_excluded_option',
      path,
      `คะแนนของ "${owner.code}" ให้คะแนนตัวเลือก "${key}" ซึ่งมาตรวัดกำหนดว่าไม่นำมาคิดคะแนน (excluded): ให้ลบคะแนนของตัวเลือกนี้ออก`,
      `The scores of "${owner.code}" give a score to option "${key}", which the scale marks as excluded (never scored): remove it.`,
    );
  }
  return isOutOfRange(score) ? describeOutOfRange(path, score) : null;
}

/** Checks an explicit score map against the options of its scale. */
function listScoreMapProblems(
  scores: Record<string, number>,
  scale: Scale,
  owner: { code: string; path: string },
): EditionProblem[] {
  const out = Object.entries(scores).flatMap(([key, score]) => {
    const problem = checkScoreEntry(key, score, scale, owner);
    return problem === null ? [] : [problem];
  });
  const missing = scale.options.filter((o) => o.excluded !== true && !(o.code in scores));
  if (missing.length > 0) {
    const list = missing.map((o) => o.code).join(', ');
    out.push(
      makeError(
        'scores_missing_option',
        `${owner.path}.scores`,
        `คะแนนของ "${owner.code}" ไม่ได้ให้คะแนนตัวเลือก ${list} ของมาตรวัด "${scale.code}": ให้ใส่คะแนนของทุกตัวเลือกที่นำมาคิดคะแนน`,
        `The scores of "${owner.code}" give no score for option(s) ${list} of scale "${scale.code}": give a score for every scored option.`,
      ),
    );
  }
  return out;
}

/** Reports scale options without usable scores, unknown scales and incomplete score maps. */
export function listScaleProblems(edition: Edition): EditionProblem[] {
  const out = edition.scales.flatMap((scale, i) => checkScale(scale, `scales[${i}]`));
  // Items follow their question in document order, so they use the scale last seen.
  let scale: Scale | undefined;
  for (const { value, node } of listEditionNodeEntries(edition)) {
    if (value.type === 'question') {
      scale = edition.scales.find((s) => s.code === value.value.scale);
      if (scale === undefined) {
        out.push(
          makeError(
            'unknown_scale',
            `${node.path}.scale`,
            `ข้อคำถาม "${node.code}" ใช้มาตรวัด "${value.value.scale}" ซึ่งไม่มีในส่วน scales: ให้แก้เป็นรหัสมาตรวัดที่มีอยู่ (${edition.scales.map((s) => s.code).join(', ') || '-'}) หรือเพิ่มมาตรวัดนี้`,
            `Question "${node.code}" uses scale "${value.value.scale}", which is not defined under "scales": use a defined scale (${edition.scales.map((s) => s.code).join(', ') || '-'}) or add it.`,
          ),
        );
      }
    }
    if ((value.type === 'question' || value.type === 'item') && value.value.scores !== undefined) {
      if (scale !== undefined) out.push(...listScoreMapProblems(value.value.scores, scale, node));
    }
  }
  return out;
}
