import { describe, expect, it } from 'vitest';
import type { EditionInput } from './edition.schema.js';
import { makeEdition } from './edition.fixture.js';
import { checkEdition, type EditionProblem } from './check-edition.js';

type Input = EditionInput;

/** Applies one mutation to a fresh copy of the fixture and returns the only problem found. */
function onlyProblem(mutate: (e: Input) => void): EditionProblem {
  const input = structuredClone(makeEdition());
  mutate(input);
  const { problems } = checkEdition(input);
  expect(problems).toHaveLength(1);
  const problem = problems[0]!;
  expect(problem.message.th.trim()).not.toBe('');
  expect(problem.message.en.trim()).not.toBe('');
  return problem;
}

const iit = (e: Input) => e.instruments[0]!;
const eit = (e: Input) => e.instruments[1]!;
const oit = (e: Input) => e.instruments[2]!;
const q = (e: Input, ins: number, ind: number, k: number) =>
  e.instruments[ins]!.indicators[ind]!.questions![k]!;
const sub = (e: Input, ind: number, k: number) => oit(e).indicators[ind]!.subindicators![k]!;
const scale = (e: Input, i: number) => e.scales![i]!;
const levels = (e: Input, i: number) => e.rating.schemes[i]!.levels;

describe('checkEdition on the valid fixture', () => {
  it('finds no problem at all, provisional parts included', () => {
    const { edition, problems } = checkEdition(makeEdition());
    expect(problems).toEqual([]);
    expect(edition?.year).toBe(2569);
  });

  it('accepts sibling weights that add up to 100 only up to rounding noise', () => {
    const input = structuredClone(makeEdition());
    const question = q(input, 0, 1, 0);
    const weights = [70.1, 29.8, 0.1];
    expect(weights.reduce((a, b) => a + b, 0)).not.toBe(100);
    question.items = weights.map((weight, k) => ({
      code: `I2.1-${k}`,
      text: { th: `ข้อย่อย ${k}`, en: `Sub-item ${k}` },
      weight,
    }));
    expect(checkEdition(input).problems).toEqual([]);
  });
});

describe('checkEdition: schema problems', () => {
  it('returns no edition when the file does not match the format', () => {
    const { edition, problems } = checkEdition(42);
    expect(edition).toBeNull();
    expect(problems[0]).toMatchObject({ code: 'wrong_type', path: '', severity: 'error' });
  });

  it('reports a missing field', () => {
    const p = onlyProblem((e) => delete (e as Partial<Input>).title);
    expect(p).toMatchObject({ code: 'missing_field', path: 'title' });
    expect(p.message.th).toContain('ขาด');
  });

  it('reports a wrong type', () => {
    const p = onlyProblem((e) => ((e as Record<string, unknown>).year = '2569'));
    expect(p).toMatchObject({ code: 'wrong_type', path: 'year' });
    expect(p.message.en).toContain('found text');
  });

  it('reports a list that is too short', () => {
    const p = onlyProblem((e) => (iit(e).indicators = []));
    expect(p).toMatchObject({ code: 'too_small', path: 'instruments[0].indicators' });
    expect(p.message.en).toContain('at least 1');
  });

  it('reports a number that is too big', () => {
    const p = onlyProblem((e) => (e.rounding = { mode: 'half_up', decimals: 7 }));
    expect(p).toMatchObject({ code: 'too_big', path: 'rounding.decimals' });
  });

  it('reports a value outside an enumeration', () => {
    const p = onlyProblem((e) => ((iit(e) as Record<string, unknown>).kind = 'poll'));
    expect(p).toMatchObject({ code: 'invalid_value', path: 'instruments[0].kind' });
    expect(p.message.en).toContain('"survey"');
  });

  it('reports a code that breaks the code pattern, in Thai', () => {
    const p = onlyProblem((e) => (iit(e).indicators[0]!.code = 'I 1'));
    expect(p).toMatchObject({ code: 'invalid_format', path: 'instruments[0].indicators[0].code' });
    expect(p.message.th).toContain('ตัวอักษรอังกฤษ');
  });

  it('reports a score that is neither a number nor a fraction', () => {
    const p = onlyProblem((e) => (scale(e, 0).options[1]!.score = '1/x'));
    expect(p).toMatchObject({ code: 'invalid_format', path: 'scales[0].options[1].score' });
    expect(p.message.th).toContain('100/3');
  });
});

describe('checkEdition: duplicate codes', () => {
  it('reports a node code used twice, across node types', () => {
    const p = onlyProblem((e) => (q(e, 0, 0, 1).code = 'I1'));
    expect(p).toMatchObject({
      code: 'duplicate_code',
      path: 'instruments[0].indicators[0].questions[1].code',
    });
    expect(p.message.en).toContain('instruments[0].indicators[0].code');
  });

  it('reports an OIT item code equal to a question code', () => {
    const p = onlyProblem((e) => (sub(e, 1, 1).items[0]!.code = 'E1.1'));
    expect(p).toMatchObject({
      code: 'duplicate_code',
      path: 'instruments[2].indicators[1].subindicators[1].items[0].code',
    });
  });

  it('reports a repeated element code within an OIT item', () => {
    const p = onlyProblem((e) => (sub(e, 0, 0).items[0]!.elements![1]!.code = '1'));
    expect(p).toMatchObject({
      code: 'duplicate_element_code',
      path: 'instruments[2].indicators[0].subindicators[0].items[0].elements[1].code',
    });
  });

  it('reports a repeated scale code', () => {
    const p = onlyProblem((e) => e.scales!.push(structuredClone(scale(e, 1))));
    expect(p).toMatchObject({ code: 'duplicate_scale_code', path: 'scales[2].code' });
  });

  it('reports a repeated option code within a scale', () => {
    const p = onlyProblem((e) => (scale(e, 0).options[4]!.code = '4'));
    expect(p).toMatchObject({ code: 'duplicate_option_code', path: 'scales[0].options[4].code' });
  });

  it('reports a repeated rating-level code', () => {
    const p = onlyProblem((e) => (levels(e, 0)[2]!.code = 'good'));
    expect(p).toMatchObject({
      code: 'duplicate_level_code',
      path: 'rating.schemes[0].levels[2].code',
    });
  });

  it('reports a repeated scheme code', () => {
    const p = onlyProblem((e) => (e.rating.schemes[1]!.code = 'five-level'));
    expect(p).toMatchObject({ code: 'duplicate_scheme_code', path: 'rating.schemes[1].code' });
  });

  it('reports a repeated milestone code', () => {
    const p = onlyProblem((e) => (e.calendar![1]!.code = 'oit-publish'));
    expect(p).toMatchObject({ code: 'duplicate_milestone_code', path: 'calendar[1].code' });
  });
});

describe('checkEdition: weights', () => {
  it('reports instrument weights that miss total_points, with the sum found', () => {
    const p = onlyProblem((e) => (oit(e).weight = 50));
    expect(p).toMatchObject({ code: 'instrument_weights_total', path: 'instruments' });
    expect(p.message.en).toContain('110');
    expect(p.message.th).toContain('110');
  });

  it('reports a negative instrument weight', () => {
    const p = onlyProblem((e) => {
      iit(e).weight = -10;
      eit(e).weight = 70;
    });
    expect(p).toMatchObject({ code: 'weight_not_positive', path: 'instruments[0].weight' });
  });

  it('reports a zero indicator weight', () => {
    const p = onlyProblem((e) => {
      eit(e).indicators[0]!.weight = 0;
      eit(e).indicators[1]!.weight = 100;
    });
    expect(p).toMatchObject({
      code: 'weight_not_positive',
      path: 'instruments[1].indicators[0].weight',
    });
  });

  it('reports siblings of which only some have a weight, at the parent', () => {
    const p = onlyProblem((e) => delete eit(e).indicators[1]!.weight);
    expect(p).toMatchObject({ code: 'weights_partial', path: 'instruments[1]' });
    expect(p.message.en).toContain('E2');
  });

  it('reports sibling weights that do not add up to 100, with the sum', () => {
    const p = onlyProblem((e) => (eit(e).indicators[1]!.weight = 30));
    expect(p).toMatchObject({ code: 'weights_not_100', path: 'instruments[1]' });
    expect(p.message.en).toContain('90');
  });

  it('checks sub-item weights at the question', () => {
    const p = onlyProblem((e) => (q(e, 0, 1, 0).items![0]!.weight = 50));
    expect(p).toMatchObject({
      code: 'weights_not_100',
      path: 'instruments[0].indicators[1].questions[0]',
    });
  });

  it('checks sub-indicator weights at the indicator', () => {
    const p = onlyProblem((e) => delete sub(e, 1, 0).weight);
    expect(p).toMatchObject({ code: 'weights_partial', path: 'instruments[2].indicators[1]' });
  });
});

describe('checkEdition: shape of instruments', () => {
  it('reports a survey indicator holding sub-indicators', () => {
    const p = onlyProblem((e) => {
      iit(e).indicators[0]!.subindicators = structuredClone(oit(e).indicators[0]!.subindicators);
      iit(e).indicators[0]!.subindicators![0]!.code = 'X1';
      iit(e).indicators[0]!.subindicators![0]!.items = [];
    });
    expect(p).toMatchObject({
      code: 'indicator_wrong_kind',
      path: 'instruments[0].indicators[0].subindicators',
    });
  });

  it('reports a checklist indicator holding questions', () => {
    const p = onlyProblem((e) => {
      oit(e).indicators[0]!.questions = [{ code: 'Z1', text: { th: 'ก', en: 'a' }, scale: 'YN' }];
    });
    expect(p).toMatchObject({
      code: 'indicator_wrong_kind',
      path: 'instruments[2].indicators[0].questions',
    });
  });

  it('reports a survey indicator without questions', () => {
    const p = onlyProblem((e) => (iit(e).indicators[0]!.questions = []));
    expect(p).toMatchObject({ code: 'indicator_empty', path: 'instruments[0].indicators[0]' });
  });

  it('reports a checklist indicator without sub-indicators', () => {
    const p = onlyProblem((e) => delete oit(e).indicators[0]!.subindicators);
    expect(p).toMatchObject({ code: 'indicator_empty', path: 'instruments[2].indicators[0]' });
  });

  it('reports a sub-indicator without items', () => {
    const p = onlyProblem((e) => (sub(e, 0, 0).items = []));
    expect(p).toMatchObject({
      code: 'subindicator_empty',
      path: 'instruments[2].indicators[0].subindicators[0]',
    });
  });

  it('reports a question with an empty list of sub-items', () => {
    const p = onlyProblem((e) => (q(e, 0, 1, 0).items = []));
    expect(p).toMatchObject({
      code: 'question_items_empty',
      path: 'instruments[0].indicators[1].questions[0].items',
    });
  });

  it('warns about an OIT item without elements', () => {
    const p = onlyProblem((e) => (sub(e, 1, 0).items[0]!.elements = []));
    expect(p).toMatchObject({
      severity: 'warning',
      code: 'oit_item_no_elements',
      path: 'instruments[2].indicators[1].subindicators[0].items[0].elements',
    });
  });
});

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
