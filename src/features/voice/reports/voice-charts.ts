import type { WordCount } from '../core/words.js';
import { renderSvg } from '../../../platform/reports/charts.js';

/** An SVG horizontal bar chart of the most used words of the comments, with each count. */
export function wordCountChartSvg(words: readonly WordCount[], width = 640): string {
  const height = Math.max(120, 30 + words.length * 26);
  return renderSvg(
    {
      animation: false,
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: words.map((w) => w.word),
        axisLabel: { interval: 0, fontFamily: 'Sarabun, sans-serif' },
      },
      series: [
        {
          type: 'bar',
          data: words.map((w) => w.count),
          itemStyle: { color: '#1f6f8b' },
          label: { show: true, position: 'right', fontFamily: 'Sarabun, sans-serif' },
        },
      ],
    },
    { width, height },
  );
}
