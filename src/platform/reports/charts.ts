import * as echarts from 'echarts';
import type { Text } from '../../core/framework/edition.schema.js';
import type { ScoreNode } from '../../core/scoring/evaluate-scores.js';
import { WITHHELD_LABEL } from '../../core/disclosure/disclosure.js';

/** One bar of a chart: a labelled, already rounded score (withheld: no bar, a note). */
export interface ChartBar {
  code: string;
  label: string;
  value: number | null;
  withheld?: boolean;
}

export interface ChartSize {
  width?: number;
  height?: number;
}

/** What a chart reads from a result's tree (a ScoreResult or a tree with withheld parts). */
export interface ChartNode {
  type: ScoreNode['type'];
  code: string;
  name: Text;
  shown: number | null;
  /** Withheld (core/disclosure): drawn as no bar with "ข้อมูลไม่พอ / not enough respondents". */
  withheld?: boolean;
  children: ChartNode[];
}

function collectIndicators(node: ChartNode, out: ChartNode[]): void {
  if (node.type === 'indicator') {
    out.push(node);
    return;
  }
  for (const child of node.children) collectIndicators(child, out);
}

/** The indicators of a result in the edition's order, each with its shown score. */
export function indicatorBars(result: { tree: ChartNode }, lang: keyof Text = 'th'): ChartBar[] {
  const found: ChartNode[] = [];
  collectIndicators(result.tree, found);
  return found.map((n) => ({
    code: n.code,
    label: `${n.code} ${n.name[lang]}`,
    value: n.withheld ? null : n.shown,
    withheld: n.withheld === true,
  }));
}

/** The echarts option of a horizontal bar chart of scores 0–100 with the value on each bar. */
export function barChartOption(bars: readonly ChartBar[]): echarts.EChartsCoreOption {
  return {
    animation: false,
    // every text in the report font: a PDF then embeds Sarabun alone (pdffonts)
    textStyle: { fontFamily: 'Sarabun, sans-serif' },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { fontFamily: 'Sarabun, sans-serif' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((b) => b.label),
      axisLabel: { interval: 0, fontFamily: 'Sarabun, sans-serif' },
    },
    series: [
      {
        type: 'bar',
        // a missing or withheld score is no bar at all (never a bar of 0), with a note
        data: bars.map((b) =>
          b.value === null ? { value: 0, itemStyle: { color: 'transparent' } } : { value: b.value },
        ),
        itemStyle: { color: '#1f6f8b' },
        label: {
          show: true,
          position: 'right',
          fontFamily: 'Sarabun, sans-serif',
          // no outline: Chromium prints outlined text as Type 3 glyphs, not as the font
          textBorderWidth: 0,
          textBorderColor: 'transparent',
          formatter: (p: { dataIndex: number }) => {
            const bar = bars[p.dataIndex];
            if (bar?.withheld) return WITHHELD_LABEL;
            const value = bar?.value;
            return value === null || value === undefined ? '–' : value.toFixed(2);
          },
        },
      },
    ],
  };
}

/**
 * Turns inline `style="a:b;c:d"` into SVG presentation attributes and drops the `<style>` block
 * ECharts adds for hover effects (a static chart has none), so the chart looks the same under a
 * Content-Security-Policy without 'unsafe-inline' styles and the browser reports no violation.
 * Also drops the `ecmeta_*` attributes ECharts' server rendering leaves on shapes for its
 * client-side hydration (a static chart has none, and they are not valid HTML).
 */
export function inlineStylesToAttributes(svg: string): string {
  const withoutBlocks = svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '');
  return withoutBlocks.replace(/ style="([^"]*)"/g, (_all, style: string) =>
    style
      .split(';')
      .map((d) => d.trim())
      .filter((d) => /^[a-z-]+\s*:/.test(d))
      .map((d) => {
        const at = d.indexOf(':');
        const value = d.slice(at + 1).trim();
        return ` ${d.slice(0, at).trim()}="${value.replace(/px$/, '')}"`;
      })
      .join(''),
  );
}

/** Renders an echarts option to an SVG string on the server (the chart is always disposed). */
export function renderSvg(option: echarts.EChartsCoreOption, size: ChartSize = {}): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width ?? 720,
    height: size.height ?? 400,
  });
  try {
    chart.setOption(option);
    return inlineStylesToAttributes(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** An SVG bar chart of a result's indicators (ten in ITA editions) with their scores. */
export function indicatorChartSvg(
  result: { tree: ChartNode },
  lang: keyof Text = 'th',
  size: ChartSize = {},
): string {
  const bars = indicatorBars(result, lang);
  const height = size.height ?? Math.max(160, 40 + bars.length * 34);
  return renderSvg(barChartOption(bars), { width: size.width ?? 760, height });
}
