import type { Edition } from './edition.schema.js';
import { findDuplicates, makeError, type EditionProblem } from './edition-problem.js';

/**
 * Checks the optional free-text questions: only survey instruments ask one, and every theme
 * names an indicator of its own instrument under a code used once.
 */
export function listCommentProblems(edition: Edition): EditionProblem[] {
  const out: EditionProblem[] = [];
  edition.instruments.forEach((ins, i) => {
    const comment = ins.comment;
    if (!comment) return;
    const base = `instruments[${i}].comment`;
    if (ins.kind !== 'survey') {
      out.push(
        makeError(
          'comment_not_survey',
          base,
          `คำถามปลายเปิดใช้ได้กับแบบสำรวจเท่านั้น แต่ "${ins.code}" เป็นแบบตรวจรายการ: ให้ลบ comment ออก`,
          `Only survey instruments may ask a free-text question, but "${ins.code}" is a checklist: remove its comment.`,
        ),
      );
    }
    const indicators = new Set(ins.indicators.map((ind) => ind.code));
    comment.themes.forEach((theme, j) => {
      if (indicators.has(theme.indicator)) return;
      out.push(
        makeError(
          'comment_theme_unknown_indicator',
          `${base}.themes[${j}].indicator`,
          `ประเด็น "${theme.code}" อ้างถึงตัวชี้วัด "${theme.indicator}" ซึ่งไม่มีใน ${ins.code}: ให้แก้เป็นรหัสตัวชี้วัดของเครื่องมือนี้`,
          `Theme "${theme.code}" names indicator "${theme.indicator}", which ${ins.code} does not have: use an indicator code of this instrument.`,
        ),
      );
    });
    const entries = comment.themes.map((t, j) => ({
      code: t.code,
      path: `${base}.themes[${j}].code`,
    }));
    out.push(
      ...findDuplicates(entries, (code, path, first) =>
        makeError(
          'duplicate_code',
          path,
          `รหัสประเด็น "${code}" ซ้ำกับที่ ${first}: ให้ใช้รหัสที่ไม่ซ้ำ`,
          `Theme code "${code}" repeats ${first}: give each theme its own code.`,
        ),
      ),
    );
  });
  return out;
}
