import { describe, expect, it } from 'vitest';
import { makeEdition } from './edition.fixture.js';
import { checkEdition } from './check-edition.js';
import {
  eit,
  iit,
  oit,
  onlyProblem,
  q,
  scale,
  sub,
  levels,
  type Input,
} from './check-edition.fixture.js';

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
