import { describe, expect, it } from 'vitest';
import { makeEdition } from './edition.fixture.js';
import { checkEdition } from './check-edition.js';
import { levels, onlyProblem, q, scale } from './check-edition.fixture.js';

describe('checkEdition: scales and scores', () => {
  it('reports a question naming an undefined scale', () => {
    const p = onlyProblem((e) => (q(e, 0, 0, 0).scale = 'L5'));
    expect(p).toMatchObject({
      code: 'unknown_scale',
      path: 'instruments[0].indicators[0].questions[0].scale',
    });
    expect(p.message.en).toContain('L4, YN');
  });

  it('reports an answer option without a score', () => {
    const p = onlyProblem((e) => delete scale(e, 0).options[1]!.score);
    expect(p).toMatchObject({ code: 'option_without_score', path: 'scales[0].options[1]' });
  });

  it('reports an option with both a score and excluded', () => {
    const p = onlyProblem((e) => (scale(e, 0).options[4]!.score = 0));
    expect(p).toMatchObject({ code: 'option_score_and_excluded', path: 'scales[0].options[4]' });
  });

  it('reports a scale with fewer than two scored options', () => {
    const p = onlyProblem((e) =>
      e.scales!.push({
        code: 'X1',
        name: { th: 'ทดสอบ', en: 'Test' },
        options: [
          { code: 'a', label: { th: 'ก', en: 'a' }, score: 100 },
          { code: 'b', label: { th: 'ข', en: 'b' }, excluded: true },
        ],
      }),
    );
    expect(p).toMatchObject({ code: 'scale_too_few_scored', path: 'scales[2].options' });
  });

  it('reports an option score outside 0 to 100', () => {
    const p = onlyProblem((e) => (scale(e, 0).options[3]!.score = 150));
    expect(p).toMatchObject({ code: 'score_out_of_range', path: 'scales[0].options[3].score' });
  });

  it('reports a score map missing a scored option', () => {
    const p = onlyProblem((e) => delete q(e, 1, 0, 0).scores!['4']);
    expect(p).toMatchObject({
      code: 'scores_missing_option',
      path: 'instruments[1].indicators[0].questions[0].scores',
    });
    expect(p.message.en).toContain('4');
  });

  it('reports a score map naming an unknown option, on a sub-item', () => {
    const p = onlyProblem((e) => (q(e, 0, 1, 0).items![1]!.scores!.M = 50));
    expect(p).toMatchObject({
      code: 'scores_unknown_option',
      path: 'instruments[0].indicators[1].questions[0].items[1].scores.M',
    });
  });

  it('reports a score map scoring an excluded option', () => {
    const p = onlyProblem((e) => (q(e, 1, 0, 0).scores!.dk = 0));
    expect(p).toMatchObject({
      code: 'scores_excluded_option',
      path: 'instruments[1].indicators[0].questions[0].scores.dk',
    });
  });

  it('reports a score map value outside 0 to 100', () => {
    const p = onlyProblem((e) => (q(e, 1, 0, 0).scores!['4'] = 120));
    expect(p).toMatchObject({
      code: 'score_out_of_range',
      path: 'instruments[1].indicators[0].questions[0].scores["4"]',
    });
  });
});

describe('checkEdition: rating', () => {
  it('reports a default scheme that does not exist', () => {
    const p = onlyProblem((e) => (e.rating.default = 'none'));
    expect(p).toMatchObject({ code: 'unknown_rating_scheme', path: 'rating.default' });
  });

  it('reports a min_total above total_points', () => {
    const p = onlyProblem((e) => (levels(e, 0)[0]!.min_total = 120));
    expect(p).toMatchObject({
      code: 'threshold_out_of_range',
      path: 'rating.schemes[0].levels[0].min_total',
    });
  });

  it('reports a min_each_instrument above 100', () => {
    const p = onlyProblem((e) => (levels(e, 0)[0]!.min_each_instrument = 101));
    expect(p).toMatchObject({
      code: 'threshold_out_of_range',
      path: 'rating.schemes[0].levels[0].min_each_instrument',
    });
  });

  it('reports a gap when the last level is not a catch-all', () => {
    const p = onlyProblem((e) => levels(e, 0).pop());
    expect(p).toMatchObject({ code: 'rating_gap', path: 'rating.schemes[0].levels[3]' });
    expect(p.message.en).toContain('totals below 70 get no level');
    expect(p.message.th).toContain('70');
  });

  it('reports a gap left by a per-instrument condition on the last level', () => {
    const p = onlyProblem((e) => (levels(e, 1)[3]!.min_each_instrument = 50));
    expect(p).toMatchObject({ code: 'rating_gap', path: 'rating.schemes[1].levels[3]' });
  });

  it('reports a level that an earlier, weaker level always wins over', () => {
    const p = onlyProblem((e) => {
      const list = levels(e, 0);
      [list[1], list[2]] = [list[2]!, list[1]!];
    });
    expect(p).toMatchObject({ code: 'rating_overlap', path: 'rating.schemes[0].levels[2]' });
    expect(p.message.en).toContain('"good"');
    expect(p.message.en).toContain('"pass"');
  });

  it('reports min_total increasing down the list', () => {
    const p = onlyProblem((e) => (levels(e, 0)[1]!.min_total = 96));
    expect(p).toMatchObject({
      code: 'rating_order',
      path: 'rating.schemes[0].levels[1].min_total',
    });
  });
});

describe('checkEdition: minimum-sample rules', () => {
  it('reports an unknown instrument', () => {
    const p = onlyProblem((e) => (e.min_sample![0]!.instruments = ['XIT']));
    expect(p).toMatchObject({
      code: 'min_sample_unknown_instrument',
      path: 'min_sample[0].instruments[0]',
    });
  });

  it('reports a checklist instrument', () => {
    const p = onlyProblem((e) => (e.min_sample![0]!.instruments = ['IIT', 'OIT']));
    expect(p).toMatchObject({
      code: 'min_sample_not_survey',
      path: 'min_sample[0].instruments[1]',
    });
  });

  it('reports an instrument named in two rules', () => {
    const p = onlyProblem((e) => (e.min_sample![1]!.instruments = ['EIT', 'IIT']));
    expect(p).toMatchObject({
      code: 'min_sample_duplicate_instrument',
      path: 'min_sample[1].instruments[1]',
    });
  });

  it('reports min above max', () => {
    const p = onlyProblem((e) => (e.min_sample![0]!.min = 500));
    expect(p).toMatchObject({ code: 'min_sample_min_above_max', path: 'min_sample[0].min' });
  });
});

describe('checkEdition: calendar', () => {
  it('reports a date that does not exist', () => {
    const p = onlyProblem((e) => (e.calendar![0]!.end = '2026-02-30'));
    expect(p).toMatchObject({ code: 'invalid_date', path: 'calendar[0].end' });
  });

  it('accepts 29 February in a leap year only', () => {
    const leap = structuredClone(makeEdition());
    leap.calendar![0]!.end = '2028-02-29';
    leap.calendar![1]!.start = '2028-03-01';
    leap.calendar![1]!.end = '2028-06-30';
    expect(checkEdition(leap).problems).toEqual([]);
    const p = onlyProblem((e) => (e.calendar![0]!.start = '2025-02-29'));
    expect(p).toMatchObject({ code: 'invalid_date', path: 'calendar[0].start' });
  });

  it('reports a milestone that ends before it starts', () => {
    const p = onlyProblem((e) => (e.calendar![1]!.end = '2026-02-01'));
    expect(p).toMatchObject({ code: 'calendar_end_before_start', path: 'calendar[1].end' });
  });
});
