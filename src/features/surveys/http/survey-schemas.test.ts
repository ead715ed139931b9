import { describe, expect, it } from 'vitest';
import { SurveyForm } from './survey-schemas.js';

describe('SurveyForm', () => {
  it('reads the carried fields leniently and keeps every text field of the form', () => {
    const form = { nonce: 'n'.repeat(24), step: '3', go: 'next', 'a_1.1': '4', kiosk: ['1', '1'] };
    const read = SurveyForm.parse(form);
    expect(read).toEqual({
      nonce: 'n'.repeat(24),
      k: undefined,
      kiosk: undefined,
      comment: undefined,
      step: '3',
      go: 'next',
      values: { nonce: 'n'.repeat(24), step: '3', go: 'next', 'a_1.1': '4' },
    });
    const plain = { nonce: 'x', a_2: '1' };
    expect(SurveyForm.parse(plain).values).toEqual(plain);
  });

  it('reads no body, or a body that is no form, as an empty form', () => {
    for (const body of [undefined, null, 'text', ['a']])
      expect(SurveyForm.parse(body)).toEqual({
        nonce: undefined,
        k: undefined,
        kiosk: undefined,
        comment: undefined,
        step: undefined,
        go: undefined,
        values: {},
      });
  });
});
