import type { SatisfactionSummary } from '../core/satisfaction.js';
import {
  barChartOption,
  renderSvg,
  type ChartBar,
  type ChartSize,
} from '../../../platform/reports/charts.js';

/** One bar per question and one for all answers: satisfaction in percent (0–100). */
export function satisfactionBars(summary: SatisfactionSummary, overallLabel: string): ChartBar[] {
  const bars = summary.questions.map((q, i) => ({
    code: `q${i + 1}`,
    label: q.text,
    value: q.percent,
  }));
  return [...bars, { code: 'overall', label: overallLabel, value: summary.overall.percent }];
}

/** An SVG bar chart of an activity's satisfaction, drawn like the results chart. */
export function satisfactionChartSvg(
  summary: SatisfactionSummary,
  overallLabel: string,
  size: ChartSize = {},
): string {
  const bars = satisfactionBars(summary, overallLabel);
  const height = size.height ?? Math.max(140, 40 + bars.length * 34);
  return renderSvg(barChartOption(bars), { width: size.width ?? 720, height });
}
