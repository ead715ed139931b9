import { describe, expect, it } from 'vitest';
import { ROUND_STATES } from '../../rounds/core/round-state.js';
import { nextStepOf } from './next-step.js';

describe("the agency administrator's next step", () => {
  it('says what is left while collecting, with the OIT counts, and links the OIT list', () => {
    const step = nextStepOf('r1', 'collecting', { approved: 3, ready: 2, draft: 1 });
    expect(step.text.th).toContain('หัวหน้าอนุมัติแล้วรอส่ง 3 ข้อ');
    expect(step.text.th).toContain('รอหัวหน้าอนุมัติ 2 ข้อ');
    expect(step.href).toBe('/rounds/r1/oit');
  });

  it('sends clarification to the clarify page and publication to the measures', () => {
    expect(nextStepOf('r1', 'clarification', {}).href).toBe('/rounds/r1/oit/clarify');
    expect(nextStepOf('r1', 'published', {}).href).toBe('/rounds/r1/measures');
  });

  it('has a Thai step for every state', () => {
    for (const state of ROUND_STATES) expect(nextStepOf('r', state, {}).text.th).toMatch(/[ก-๙]/);
  });
});
