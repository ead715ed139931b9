import type { ScoreNode, ScoreResult } from '../core/scoring/evaluate-scores.js';

function fixed(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

function describeBasis(node: ScoreNode): string {
  const basis = node.basis;
  switch (basis.kind) {
    case 'answers': {
      if (basis.answered === 0) return 'ไม่มีผู้ตอบ / no answers';
      const parts = basis.distribution
        .filter((d) => d.count > 0)
        .map(
          (d) =>
            `${d.option}×${d.count}${d.score === null ? '(ไม่นับ/excluded)' : `(${fixed(d.score)})`}`,
        );
      return `เฉลี่ยจาก ${basis.answered} คำตอบ / mean of ${basis.answered} answers: ${parts.join(' ')}`;
    }
    case 'decision':
      return {
        pass: 'ผ่าน / pass',
        fail: 'ไม่ผ่าน / fail',
        partial: 'ได้คะแนนบางส่วน / partial credit',
        missing: 'ยังไม่มีผลการตรวจ นับเป็นไม่ผ่าน / no decision, counted as not passed',
      }[basis.decision];
    case 'mean': {
      const what = basis.weighted ? 'ค่าเฉลี่ยถ่วงน้ำหนัก / weighted mean' : 'ค่าเฉลี่ย / mean';
      const skipped = basis.unscored.length
        ? `; ไม่มีข้อมูล/no data: ${basis.unscored.join(', ')}`
        : '';
      return `${what} ${basis.used} รายการ/parts${skipped}`;
    }
    case 'override':
      return `ค่าสมมติ / assumed (คำนวณได้/computed ${fixed(basis.computed)})`;
    case 'sum_of_components':
      return 'ผลรวมคะแนนถ่วงน้ำหนักที่ปัดแล้ว / sum of rounded weighted components';
  }
}

function explainNode(node: ScoreNode, depth: number, lines: string[]): void {
  const lost = node.lost > 0.00005 ? `  [เสีย/lost ${node.lost.toFixed(2)} pts]` : '';
  lines.push(
    `${'  '.repeat(depth)}${node.code} ${node.name.th}: ${fixed(node.shown)} = ${describeBasis(node)}${lost}`,
  );
  for (const child of node.children) explainNode(child, depth + 1, lines);
}

/** Writes the explanation tree as indented text: how every number was obtained. */
export function formatExplanation(result: ScoreResult): string {
  const lines: string[] = [];
  const parts = result.instruments
    .map((i) => `${i.code} ${fixed(i.shown)} (${i.points}%) → ${fixed(i.component)}`)
    .join(' + ');
  const level = result.level ? ` → ${result.level.name.th} (${result.level.name.en})` : '';
  lines.push(`คะแนนรวม/Total ${fixed(result.total)} = ${parts}${level}`);
  for (const instrument of result.tree.children) explainNode(instrument, 1, lines);
  return lines.join('\n') + '\n';
}
