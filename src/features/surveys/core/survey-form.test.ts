import { describe, expect, it } from 'vitest';
import { EditionSchema } from '../../../core/framework/edition.schema.js';
import { makeScoringEdition } from '../../../core/scoring/scoring.fixture.js';
import {
  buildSurveySteps,
  collectAnswers,
  fieldName,
  findStepProblems,
  isComplete,
  listStepItems,
} from './survey-form.js';
import {
  formatCode,
  hashAccessCode,
  makeCode,
  normaliseCode,
  CODE_ALPHABET,
} from './access-code.js';

const edition = EditionSchema.parse(makeScoringEdition());
const steps = buildSurveySteps(edition.instruments[0]!, edition.scales);

describe('survey form', () => {
  it('has one step per indicator and one radio group per item', () => {
    expect(steps.map((s) => s.indicatorCode)).toEqual(['1', '2']);
    expect(listStepItems(steps)).toEqual(['i1.1', 'i1.2', 'i2', 'i3', 'i4']);
    expect(steps[0]!.questions[1]!.options.map((o) => o.code)).toEqual(['Y', 'N']);
  });

  it('names every missing or invalid answer of a step', () => {
    const problems = findStepProblems(steps[0]!, {
      [fieldName('i1.1')]: '4',
      [fieldName('i2')]: 'maybe',
    });
    expect(Object.keys(problems)).toEqual(['i1.2', 'i2']);
    expect(problems['i1.2']?.th).toContain('กรุณาเลือกคำตอบ');
    expect(
      findStepProblems(steps[0]!, {
        [fieldName('i1.1')]: '4',
        [fieldName('i1.2')]: '1',
        [fieldName('i2')]: 'N',
      }),
    ).toEqual({});
  });

  it('says a form is complete exactly when no step has a problem', () => {
    const full = {
      [fieldName('i1.1')]: '4',
      [fieldName('i1.2')]: '1',
      [fieldName('i2')]: 'N',
      [fieldName('i3')]: '2',
      [fieldName('i4')]: '3',
    };
    expect(steps.every((step) => Object.keys(findStepProblems(step, full)).length === 0)).toBe(
      true,
    );
    expect(isComplete(steps, full)).toBe(true);
    for (const [field, value] of [
      [fieldName('i4'), ''],
      [fieldName('i4'), '9'],
      [fieldName('i2'), 'Y '],
    ] as const) {
      const form: Record<string, unknown> = { ...full, [field]: value };
      expect(isComplete(steps, form)).toBe(false);
      expect(steps.some((step) => Object.keys(findStepProblems(step, form)).length > 0)).toBe(true);
    }
    expect(isComplete(steps, { ...full, [fieldName('i3')]: ['2', '2'] })).toBe(false);
    const { [fieldName('i1.1')]: _dropped, ...missing } = full;
    expect(isComplete(steps, missing)).toBe(false);
  });

  it('collects only valid answers', () => {
    expect(
      collectAnswers(steps, { [fieldName('i3')]: '2', [fieldName('i4')]: '9', other: 'x' }),
    ).toEqual({ i3: '2' });
  });

  it('refuses to build a form for a checklist', () => {
    expect(() => buildSurveySteps(edition.instruments[2]!, edition.scales)).toThrow(RangeError);
  });
});

describe('access codes', () => {
  it('draws codes from the unambiguous alphabet only', () => {
    let n = 0;
    const code = makeCode((k) => Uint8Array.from({ length: k }, () => (n += 37) % 256), 10);
    expect(code).toHaveLength(10);
    expect([...code].every((ch) => CODE_ALPHABET.includes(ch))).toBe(true);
  });

  it('reads a code back whatever its case, spaces and dashes', () => {
    expect(normaliseCode(' acdef-ghjkm ')).toBe('ACDEFGHJKM');
    expect(formatCode('ACDEFGHJKM')).toBe('ACDEF-GHJKM');
    expect(hashAccessCode('s'.repeat(32), 'acdef-ghjkm')).toBe(
      hashAccessCode('s'.repeat(32), 'ACDEFGHJKM'),
    );
    expect(hashAccessCode('s'.repeat(32), 'ACDEFGHJKM')).not.toBe(
      hashAccessCode('t'.repeat(32), 'ACDEFGHJKM'),
    );
  });
});
