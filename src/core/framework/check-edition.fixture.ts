import { expect } from 'vitest';
import type { EditionInput } from './edition.schema.js';
import { makeEdition } from './edition.fixture.js';
import { checkEdition, type EditionProblem } from './check-edition.js';

export type Input = EditionInput;

/** Applies one mutation to a fresh copy of the fixture and returns the only problem found. */
export function onlyProblem(mutate: (e: Input) => void): EditionProblem {
  const input = structuredClone(makeEdition());
  mutate(input);
  const { problems } = checkEdition(input);
  expect(problems).toHaveLength(1);
  const problem = problems[0]!;
  expect(problem.message.th.trim()).not.toBe('');
  expect(problem.message.en.trim()).not.toBe('');
  return problem;
}

/** The fixture's IIT instrument. */
export const iit = (e: Input) => e.instruments[0]!;
/** The fixture's EIT instrument. */
export const eit = (e: Input) => e.instruments[1]!;
/** The fixture's OIT instrument. */
export const oit = (e: Input) => e.instruments[2]!;
/** A question by instrument, indicator and question index. */
export const q = (e: Input, ins: number, ind: number, k: number) =>
  e.instruments[ins]!.indicators[ind]!.questions![k]!;
/** An OIT sub-indicator by indicator and sub-indicator index. */
export const sub = (e: Input, ind: number, k: number) => oit(e).indicators[ind]!.subindicators![k]!;
/** A scale by index. */
export const scale = (e: Input, i: number) => e.scales![i]!;
/** The levels of a rating scheme by index. */
export const levels = (e: Input, i: number) => e.rating.schemes[i]!.levels;
