import type { Edition, Text } from '../framework/edition.schema.js';

/** Option code → its label, for every answered survey line (question or item) by code. */
export type AnswerLabels = Record<string, Record<string, Text>>;

/**
 * The label of each answer option of every survey line of an edition, from its scales ("Y" →
 * "มี"), so a tally reads "มี 6 คน ไม่มี 29 คน" rather than "Y×6, N×29".
 */
export function answerLabels(edition: Edition): AnswerLabels {
  const scales = new Map(edition.scales.map((s) => [s.code, s]));
  const out: AnswerLabels = {};
  for (const instrument of edition.instruments)
    for (const indicator of instrument.indicators)
      for (const question of indicator.questions ?? []) {
        const scale = scales.get(question.scale);
        if (!scale) continue;
        const labels = Object.fromEntries(scale.options.map((o) => [String(o.code), o.label]));
        out[question.code] = labels;
        for (const item of question.items ?? []) out[item.code] = labels;
      }
  return out;
}

/**
 * An answer tally in words: "มี 6 คน ไม่มี 29 คน" / "yes 6, no 29"; options nobody chose are left
 * out, options that do not count toward the score say so.
 */
export function tallyInWords(
  distribution: readonly { option: string; count: number; score: number | null }[],
  labels: Record<string, Text> | undefined,
): Text {
  const used = distribution.filter((d) => d.count > 0);
  const label = (option: string) => labels?.[option] ?? { th: option, en: option };
  return {
    th: used
      .map((d) => `${label(d.option).th} ${d.count} คน${d.score === null ? ' (ไม่นับคะแนน)' : ''}`)
      .join(' '),
    en: used
      .map((d) => `${label(d.option).en} ${d.count}${d.score === null ? ' (not scored)' : ''}`)
      .join(', '),
  };
}
