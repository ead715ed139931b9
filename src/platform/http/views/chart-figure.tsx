/**
 * A chart drawn on the server (src/platform/reports: ECharts to SVG, no script, no inline style), shown as
 * one image described for screen readers; the numbers are always in a table next to it.
 */
export function ChartFigure({ svg, label }: { svg: string; label: string }) {
  return (
    <figure
      class="results-chart"
      role="img"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
