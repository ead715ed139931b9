import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileScoringEdition } from './scoring.fixture.js';
import { addSurveyResponse, createSurveyTally } from './survey-tally.js';
import { scoreAgency } from './score-agency.js';
import type { ScoreNode, ScoreResult } from './evaluate-scores.js';

const compiled = compileScoringEdition();
const iitItems = [...compiled.surveyItems.values()].filter((i) => i.instrumentCode === 'IIT');
const oitCodes = [...compiled.oitItems.keys()];

const answer = (code: string) =>
  fc.constantFrom(...(compiled.surveyItems.get(code)?.optionCodes ?? []), null);
const iitResponse = fc.record(Object.fromEntries(iitItems.map((i) => [i.code, answer(i.code)])));
const eitResponse = fc.record({ e1: fc.constantFrom('1', '2', '3', '4', 'DK', null) });
const decisions = fc.record(Object.fromEntries(oitCodes.map((c) => [c, fc.boolean()])));
const agency = fc.record({
  iit: fc.array(iitResponse, { minLength: 1, maxLength: 12 }),
  eit: fc.array(eitResponse, { minLength: 1, maxLength: 6 }),
  oit: decisions,
});
type Agency = {
  iit: Record<string, unknown>[];
  eit: Record<string, unknown>[];
  oit: Record<string, boolean>;
};

function score(input: Agency): ScoreResult {
  const iit = createSurveyTally(compiled, 'IIT');
  const eit = createSurveyTally(compiled, 'EIT');
  for (const r of input.iit) expect(addSurveyResponse(compiled, iit, r)).toEqual([]);
  for (const r of input.eit) expect(addSurveyResponse(compiled, eit, r)).toEqual([]);
  return scoreAgency(compiled, { surveys: { IIT: iit, EIT: eit }, oit: input.oit });
}

function flatten(node: ScoreNode, out: Map<string, number | null> = new Map()) {
  out.set(node.code, node.score);
  node.children.forEach((c) => flatten(c, out));
  return out;
}

/** The A3 table written out independently of the edition data. */
function expectedLevel(instruments: number[], total: number): string {
  if (instruments.every((s) => s >= 95) && total >= 95) return 'excellent';
  if (instruments.every((s) => s >= 85) && total >= 85) return 'good';
  if (total >= 85) return 'pass';
  if (total >= 70) return 'improve';
  return 'urgent';
}

describe('scoring properties', () => {
  it('keeps every score within 0–100', () => {
    fc.assert(
      fc.property(agency, (input) => {
        for (const [, value] of flatten(score(input).tree)) {
          if (value !== null) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(100 + 1e-9);
          }
        }
      }),
    );
  });

  it('does not depend on the order of respondents', () => {
    fc.assert(
      fc.property(agency, fc.infiniteStream(fc.nat()), (input, randoms) => {
        const shuffled: Record<string, unknown>[] = [...input.iit];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (randoms.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [
            shuffled[j] as Record<string, unknown>,
            shuffled[i] as Record<string, unknown>,
          ];
        }
        expect(score({ ...input, iit: shuffled })).toEqual(score(input));
      }),
    );
  });

  it('never lowers any score when one answer improves', () => {
    fc.assert(
      fc.property(agency, fc.nat(), fc.nat(), fc.nat(), (input, who, which, to) => {
        const respondent = input.iit[who % input.iit.length] as Record<string, unknown>;
        const item = iitItems[which % iitItems.length];
        if (!item) return;
        const current = respondent[item.code];
        const currentScore = current === null ? null : item.optionScores[String(current)];
        if (currentScore === null || currentScore === undefined) return;
        const better = item.optionCodes.filter((o) => (item.optionScores[o] ?? -1) > currentScore);
        if (better.length === 0) return;
        const improved = { ...respondent, [item.code]: better[to % better.length] };
        const before = flatten(score(input).tree);
        const after = flatten(
          score({ ...input, iit: input.iit.map((r) => (r === respondent ? improved : r)) }).tree,
        );
        for (const [code, value] of before) {
          if (value !== null) expect(after.get(code) ?? -1).toBeGreaterThanOrEqual(value - 1e-9);
        }
      }),
    );
  });

  it('gives the level the A3 thresholds give for the rounded scores', () => {
    fc.assert(
      fc.property(agency, (input) => {
        const result = score(input);
        fc.pre(result.complete);
        const shown = result.instruments.map((i) => i.shown as number);
        expect(result.level?.code).toBe(expectedLevel(shown, result.total as number));
      }),
    );
  });

  it('makes the total the sum of the weighted components, each rounded', () => {
    fc.assert(
      fc.property(agency, (input) => {
        const result = score(input);
        fc.pre(result.complete);
        const sum = result.instruments.reduce((s, i) => s + (i.component as number), 0);
        expect(result.total).toBeCloseTo(sum, 9);
        for (const i of result.instruments) {
          expect(
            Math.abs((i.component as number) - ((i.score as number) * i.points) / 100),
          ).toBeLessThanOrEqual(0.005 + 1e-9);
        }
      }),
    );
  });
});
