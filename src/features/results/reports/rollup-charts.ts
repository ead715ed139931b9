import * as echarts from 'echarts';
import { inlineStylesToAttributes, type ChartSize } from '../../../platform/reports/charts.js';

/** One bar of the level distribution: a level's label and how many units reached it. */
export interface LevelBar {
  code: string;
  label: string;
  count: number;
}

/** The echarts option of a vertical bar chart of unit counts per level (the scheme's order). */
export function levelDistributionOption(bars: readonly LevelBar[]): echarts.EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: bars.map((b) => b.label),
      axisLabel: { interval: 0, fontFamily: 'Sarabun, sans-serif' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: bars.map((b) => b.count),
        itemStyle: { color: '#1f6f8b' },
        label: { show: true, position: 'top', fontFamily: 'Sarabun, sans-serif' },
      },
    ],
  };
}

/** An SVG bar chart of how many units reached each level (the chart is always disposed). */
export function levelDistributionSvg(bars: readonly LevelBar[], size: ChartSize = {}): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width ?? Math.max(360, 80 + bars.length * 90),
    height: size.height ?? 280,
  });
  try {
    chart.setOption(levelDistributionOption(bars));
    return inlineStylesToAttributes(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
