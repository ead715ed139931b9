import { describe, expect, it } from 'vitest';
import { evaluateScores } from '../../core/scoring/evaluate-scores.js';
import type { LeafScores } from '../../core/scoring/score-leaves.js';
import { compileScoringEdition } from '../../core/scoring/scoring.fixture.js';
import { barChartOption, indicatorBars, indicatorChartSvg, renderSvg } from './charts.js';

const compiled = compileScoringEdition();

function resultWith(score: (code: string, index: number) => number) {
  const leaves: LeafScores = new Map();
  [...compiled.surveyItems.keys(), ...compiled.oitItems.keys()].forEach((code, index) =>
    leaves.set(code, {
      score: score(code, index),
      basis: { kind: 'decision', decision: 'partial' },
    }),
  );
  return evaluateScores(compiled, leaves);
}

describe('indicator chart', () => {
  it('draws every indicator with its Thai name and its score on the bar', () => {
    const result = resultWith(() => 87.5);
    const bars = indicatorBars(result);
    expect(bars.length).toBeGreaterThanOrEqual(3);
    const svg = indicatorChartSvg(result);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const bar of bars) {
      expect(svg).toContain(bar.label);
      expect(bar.value).toBe(87.5);
    }
    expect(svg).toContain('>87.50<');
  });

  it('shows a dash for a bar without a score and keeps no inline style', () => {
    const svg = renderSvg(
      barChartOption([
        { code: 'a', label: 'ก ตัวชี้วัดทดลอง', value: 42.25 },
        { code: 'b', label: 'ข ไม่มีข้อมูล', value: null },
      ]),
      { width: 400, height: 200 },
    );
    expect(svg).toContain('ก ตัวชี้วัดทดลอง');
    expect(svg).toContain('>42.25<');
    expect(svg).toContain('>–<');
    expect(svg).not.toContain('style=');
    expect(svg).not.toContain('<style');
    // nor the hydration marks of ECharts' server rendering (not valid HTML)
    expect(svg).toContain('<path');
    expect(svg).not.toContain('ecmeta_');
  });
});
