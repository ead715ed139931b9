import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollUpUnits, type RollupUnit } from '../analysis/rollup.js';
import { simulateWhatIf } from '../analysis/what-if.js';
import { EditionSchema } from '../framework/edition.schema.js';
import type { ScoreNode } from '../scoring/evaluate-scores.js';
import { scoreAgency } from '../scoring/score-agency.js';
import { computeLeafScores } from '../scoring/score-leaves.js';
import {
  compileScoringEdition,
  makeScoringEdition,
  oitDecisions,
} from '../scoring/scoring.fixture.js';
import { addSurveyResponse, createSurveyTally } from '../scoring/survey-tally.js';
import {
  DEFAULT_MIN_GROUP_SIZE,
  discloseResult,
  discloseWeaknesses,
  discloseWhatIf,
  disclosedSnapshotColumns,
  disclosureRuleOf,
  tooFew,
  WITHHELD_LABEL,
  type DisclosedNode,
} from './disclosure.js';
import {
  dayAfter,
  earliestStorableDay,
  liveRelease,
  releaseSteps,
  type DayCount,
} from './live-release.js';

const compiled = compileScoringEdition();
const rule = disclosureRuleOf(compiled.edition);
const best = { 'i1.1': '4', 'i1.2': '4', i2: 'N', i3: '3', i4: '2' };

/** Scores the fixture edition: `iit` and `eit` lists of answers, every OIT item passed. */
function score(
  iit: Record<string, string>[],
  eit: Record<string, string>[],
  failed: string[] = [],
) {
  const tallies = {
    IIT: createSurveyTally(compiled, 'IIT'),
    EIT: createSurveyTally(compiled, 'EIT'),
  };
  for (const a of iit) expect(addSurveyResponse(compiled, tallies.IIT, a)).toEqual([]);
  for (const a of eit) expect(addSurveyResponse(compiled, tallies.EIT, a)).toEqual([]);
  const input = { surveys: tallies, oit: oitDecisions(compiled, failed) };
  return { result: scoreAgency(compiled, input), leaves: computeLeafScores(compiled, input) };
}

const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

function find<T extends { code: string; children: T[] }>(node: T, code: string): T {
  if (node.code === code) return node;
  for (const child of node.children) {
    const found = findOrNull(child, code);
    if (found) return found;
  }
  throw new Error(`no node ${code}`);
}
function findOrNull<T extends { code: string; children: T[] }>(node: T, code: string): T | null {
  if (node.code === code) return node;
  for (const child of node.children) {
    const found = findOrNull(child, code);
    if (found) return found;
  }
  return null;
}

function everyNode(node: DisclosedNode, out: DisclosedNode[] = []): DisclosedNode[] {
  out.push(node);
  for (const child of node.children) everyNode(child, out);
  return out;
}

describe('the disclosure rule', () => {
  it('is the edition’s min_group_size, 5 when the edition sets none', () => {
    expect(DEFAULT_MIN_GROUP_SIZE).toBe(5);
    expect(rule).toEqual({ minimum: 5 });
    const strict = EditionSchema.parse({ ...makeScoringEdition(), min_group_size: 10 });
    expect(disclosureRuleOf(strict)).toEqual({ minimum: 10 });
    expect([0, 1, 4, 5, 6].map((n) => tooFew(n, rule))).toEqual([true, true, true, false, false]);
    expect(() => EditionSchema.parse({ ...makeScoringEdition(), min_group_size: 1 })).toThrow();
  });
});

describe('discloseResult', () => {
  it('withholds an instrument of 3 respondents with everything under and computed from it', () => {
    const { result } = score(times(3, best), times(6, { e1: '3' }));
    expect(result.total).not.toBeNull();
    const shown = discloseResult(result, rule);
    const iit = find(shown.tree, 'IIT');
    expect(iit.withheld).toBe(true);
    for (const node of everyNode(iit)) {
      expect(node).toMatchObject({ withheld: true, score: null, shown: null, lost: null });
      expect(node.basis).toEqual({ kind: 'withheld', minimum: 5 });
    }
    expect(JSON.stringify(iit)).not.toContain('distribution');
    expect(shown.instruments.find((i) => i.code === 'IIT')).toMatchObject({
      withheld: true,
      score: null,
      shown: null,
      component: null,
      points: 30,
    });
    // the total and the level are computed from IIT: withheld too, never 0
    expect(shown).toMatchObject({ total: null, level: null });
    expect(shown.tree).toMatchObject({ withheld: true, score: null, lost: null });
    expect(shown.withheld).toEqual({
      reason: 'not_enough_respondents',
      text: WITHHELD_LABEL,
      minimum: 5,
      instruments: ['IIT'],
    });
    expect(WITHHELD_LABEL).toBe('ข้อมูลไม่พอ / not enough respondents');
    // EIT rests on 6 people and OIT on decisions: both stay shown
    expect(shown.instruments.find((i) => i.code === 'EIT')).toMatchObject({
      withheld: false,
      shown: 66.67,
      component: 20,
    });
    expect(shown.instruments.find((i) => i.code === 'OIT')).toMatchObject({
      withheld: false,
      shown: 100,
    });
    expect(find(shown.tree, 'O1')).toMatchObject({ withheld: false, shown: 100 });
  });

  it('withholds a question answered by too few, and its indicator, instrument and total, not its siblings', () => {
    // 6 people answer IIT, only 2 of them question i3
    const iit = [
      ...times(4, { 'i1.1': '4', 'i1.2': '3', i2: 'N', i4: '1' }),
      ...times(2, { 'i1.1': '4', 'i1.2': '3', i2: 'N', i3: '1', i4: '1' }),
    ];
    const { result } = score(iit, times(5, { e1: '4' }));
    const shown = discloseResult(result, rule);
    const withheld = everyNode(shown.tree)
      .filter((n) => n.withheld)
      .map((n) => n.code);
    // the parent shown next to its other children would give i3 back
    expect(withheld.sort()).toEqual(['2', 'IIT', 'i3', 'total']);
    expect(find(shown.tree, 'i4')).toMatchObject({ withheld: false, shown: 100 });
    expect(find(shown.tree, '1')).toMatchObject({ withheld: false });
    expect(find(shown.tree, 'i1.2')).toMatchObject({ withheld: false, shown: 66.67 });
    expect(shown.total).toBeNull();
    expect(shown.withheld?.instruments).toEqual(['IIT']);
  });

  it('changes nothing when every answered line rests on enough people', () => {
    // i1.2 is answered by nobody: no score, nothing to withhold
    const { result } = score(
      times(5, { 'i1.1': '4', i2: 'N', i3: '4', i4: '1' }),
      times(5, { e1: '4' }),
    );
    const shown = discloseResult(result, rule);
    expect(shown.withheld).toBeNull();
    expect(shown.total).toBe(result.total);
    expect(shown.level).toEqual(result.level);
    expect(everyNode(shown.tree).some((n) => n.withheld)).toBe(false);
    expect(find(shown.tree, 'i1.2')).toMatchObject({ withheld: false, score: null });
  });

  it('shows an instrument whose answers are all held back from live scores as withheld, not as empty', () => {
    // 3 IIT answers came but none may be scored yet: the tree has no IIT answers at all
    const { result } = score([], times(5, { e1: '4' }));
    expect(discloseResult(result, rule).withheld).toBeNull();
    const held = discloseResult(result, rule, { heldBack: new Set(['IIT']) });
    expect(everyNode(find(held.tree, 'IIT')).every((n) => n.withheld)).toBe(true);
    expect(held).toMatchObject({ total: null, level: null });
    expect(held.withheld?.instruments).toEqual(['IIT']);
    expect(find(held.tree, 'EIT').withheld).toBe(false);
  });

  it('puts only disclosed figures in the columns of a stored snapshot', () => {
    const small = score(times(4, best), times(5, { e1: '4' })).result;
    expect(disclosedSnapshotColumns(small, rule)).toEqual({ total: null, levelCode: null });
    const big = score(times(5, best), times(5, { e1: '4' })).result;
    expect(disclosedSnapshotColumns(big, rule)).toEqual({
      total: big.total,
      levelCode: big.level?.code,
    });
  });
});

describe('weak points and what-if under disclosure', () => {
  it('ranks only shown parts and withholds what fixing each would bring', () => {
    const { result, leaves } = score(times(3, best), times(5, { e1: '2' }), ['O1']);
    const shown = discloseResult(result, rule);
    const report = discloseWeaknesses(compiled, leaves, shown, { limit: 5 });
    const codes = [...report.indicators, ...report.questions, ...report.oitItems].map(
      (w) => w.code,
    );
    expect(codes).toContain('6');
    expect(codes).toContain('O1');
    for (const hidden of ['1', '2', 'i1', 'i2', 'i3', 'i4']) expect(codes).not.toContain(hidden);
    expect(report).toMatchObject({ withheld: true, total: null, level: null });
    for (const w of [...report.indicators, ...report.oitItems])
      expect(w).toMatchObject({ totalIfFixed: null, levelIfFixed: null, fixChangesLevel: null });
    // with enough people nothing is withheld and the totals are told
    const big = score(times(5, best), times(5, { e1: '2' }), ['O1']);
    const open = discloseWeaknesses(compiled, big.leaves, discloseResult(big.result, rule));
    expect(open.withheld).toBe(false);
    expect(open.indicators[0]?.totalIfFixed).toBeGreaterThan(big.result.total ?? 0);
  });

  it('shows a simulation only where it rests on shown figures or typed scores', () => {
    const { result, leaves } = score(times(3, best), times(5, { e1: '2' }), ['O1']);
    // passing O1 moves the total, which still rests on the withheld IIT
    const pass = [{ code: 'O1', pass: true }];
    const passed = discloseWhatIf(simulateWhatIf(compiled, leaves, pass), pass, rule);
    expect(passed.after).toMatchObject({ total: null, level: null });
    expect(passed.after.instruments.find((i) => i.code === 'IIT')?.withheld).toBe(true);
    expect(passed).toMatchObject({ totalDelta: null, levelChanged: null });
    // typing both IIT indicators replaces everything computed from the 3 people
    const typed = [
      { code: '1', score: 80 },
      { code: '2', score: 90 },
    ];
    const assumed = discloseWhatIf(simulateWhatIf(compiled, leaves, typed), typed, rule);
    expect(assumed.after.instruments.find((i) => i.code === 'IIT')).toMatchObject({
      withheld: false,
      shown: 85,
    });
    expect(assumed.after.total).not.toBeNull();
    // …but the change against the withheld actual total stays withheld
    expect(assumed).toMatchObject({ totalDelta: null, levelChanged: null });
    expect(result.total).not.toBeNull();
  });
});

describe('roll-up under disclosure', () => {
  const unit = (code: string, total: number | null, withheld = false): RollupUnit => ({
    agencyId: code,
    code,
    name: code,
    type: 'unit',
    total,
    levelCode: total === null ? null : total >= 85 ? 'A' : 'B',
    indicators: [{ code: '1', name: { th: '1', en: '1' }, score: total }],
    withheld,
  });
  it('leaves a withheld unit out of every count, rank and mean, and says how many', () => {
    const levels = [
      { code: 'A', name: { th: 'A', en: 'A' } },
      { code: 'B', name: { th: 'B', en: 'B' } },
    ];
    const units = [unit('U1', 90), unit('U2', 70), unit('U3', null, true), unit('U4', null)];
    const r = rollUpUnits(units, levels);
    expect(r.withheld.map((u) => u.code)).toEqual(['U3']);
    expect(r.withheld[0]).toMatchObject({ total: null, levelCode: null, indicators: [] });
    expect(r.ranking.map((u) => u.code)).toEqual(['U1', 'U2']);
    expect(r.pending.map((u) => u.code)).toEqual(['U4']);
    expect(r.levels.reduce((s, l) => s + l.count, 0)).toBe(2);
    expect(r.indicators).toEqual([{ code: '1', name: { th: '1', en: '1' }, mean: 80, units: 2 }]);
    // a unit that would carry figures is still left out when marked withheld
    const leaky = rollUpUnits(
      [...units.slice(0, 2), { ...unit('U3', 40), withheld: true }],
      levels,
    );
    expect(leaky.indicators[0]?.mean).toBe(80);
    expect(leaky.levels.reduce((s, l) => s + l.count, 0)).toBe(2);
  });
});

describe('liveRelease', () => {
  const c = (day: string, count: number): DayCount => ({ day, count });
  it('scores only whole days before today, in steps of 5, once 5 more have come', () => {
    const today = '2026-05-10';
    // 6 by the 2nd: a step; not scored while fewer than 5 came after it
    expect(liveRelease([c('2026-05-01', 4), c('2026-05-02', 2)], today, rule)).toEqual({
      through: null,
      scored: 0,
      waiting: 6,
    });
    // 5 more today: today's are counted, not scored, but they free the step of the 2nd
    const counts = [c('2026-05-01', 4), c('2026-05-02', 2), c(today, 5)];
    expect(liveRelease(counts, today, rule)).toEqual({
      through: '2026-05-02',
      scored: 6,
      waiting: 5,
    });
    // one more yesterday is no step (fewer than 5 since the last one): nothing moves
    const more = [...counts, c('2026-05-09', 1)];
    expect(liveRelease(more, today, rule).through).toBe('2026-05-02');
    expect(releaseSteps(more, today, rule)).toEqual([{ day: '2026-05-02', upTo: 6 }]);
    // on the 11th the 10th is a whole day: 1 + 5 since the last step make a step (12), and
    // only 4 came after it: not scored yet
    const next = [...more, c('2026-05-11', 4)];
    expect(releaseSteps(next, '2026-05-11', rule).at(-1)).toEqual({ day: '2026-05-10', upTo: 12 });
    expect(liveRelease(next, '2026-05-11', rule)).toEqual({
      through: '2026-05-02',
      scored: 6,
      waiting: 10,
    });
    // one more answer frees it: the scores move by 6 people at once
    expect(liveRelease([...next, c('2026-05-11', 1)], '2026-05-11', rule)).toEqual({
      through: '2026-05-10',
      scored: 12,
      waiting: 5,
    });
  });

  it('stores an answer dated on a scored day on the day after the last one', () => {
    const release = { through: '2026-05-02', scored: 6, waiting: 5 };
    expect(earliestStorableDay('2026-04-30', release)).toBe('2026-05-03');
    expect(earliestStorableDay('2026-05-02', release)).toBe('2026-05-03');
    expect(earliestStorableDay('2026-05-05', release)).toBe('2026-05-05');
    expect(earliestStorableDay('2026-04-30', { through: null, scored: 0, waiting: 3 })).toBe(
      '2026-04-30',
    );
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
  });
});

/** Days from 2026-05-01 on. */
const dayOf = (n: number) => dayAfterN('2026-05-01', n);
function dayAfterN(day: string, n: number): string {
  let d = day;
  for (let i = 0; i < n; i += 1) d = dayAfter(d);
  return d;
}

describe('no two outputs differ by fewer than the minimum number of people (property)', () => {
  /**
   * A collection told as events: on day `day`, `count` answers arrive, from the web (that day)
   * or imported with an earlier date (`back` days back). After each event, what the live scores
   * stand on is seen; once collection ends, every answer is (the published result).
   */
  const events = fc.array(
    fc.record({
      gap: fc.integer({ min: 0, max: 2 }),
      count: fc.integer({ min: 1, max: 7 }),
      back: fc.integer({ min: 0, max: 4 }),
    }),
    { maxLength: 40 },
  );
  const minimum = fc.integer({ min: 2, max: 8 });

  it('holds for every live state, and for each against the published result', () => {
    fc.assert(
      fc.property(events, minimum, (list, min) => {
        const r = { minimum: min };
        const stored = new Map<string, number>();
        const counts = () => [...stored].map(([day, count]) => ({ day, count }));
        // every distinct state seen: the number of answers of each day it includes
        const seen: { through: string; answersUpTo: number }[] = [];
        let today = 0;
        for (const event of list) {
          today += event.gap;
          const now = dayOf(today);
          const release = liveRelease(counts(), now, r);
          const day = earliestStorableDay(dayOf(Math.max(0, today - event.back)), release);
          stored.set(day, (stored.get(day) ?? 0) + event.count);
          const after = liveRelease(counts(), now, r);
          if (after.through === null) continue;
          const upTo = counts()
            .filter((c) => c.day <= (after.through as string))
            .reduce((s, c) => s + c.count, 0);
          // what the state claims to score is what the days up to it hold
          expect(upTo).toBe(after.scored);
          seen.push({ through: after.through, answersUpTo: upTo });
        }
        const final = counts().reduce((s, c) => s + c.count, 0);
        // a state seen earlier is still made of the same answers (nothing was added before it)
        for (const state of seen) {
          const now = counts()
            .filter((c) => c.day <= state.through)
            .reduce((s, c) => s + c.count, 0);
          expect(now).toBe(state.answersUpTo);
          expect(state.answersUpTo).toBeGreaterThanOrEqual(min);
          expect(final - state.answersUpTo).toBeGreaterThanOrEqual(min);
        }
        const distinct = [...new Set(seen.map((s) => s.answersUpTo))].sort((a, b) => a - b);
        for (let i = 1; i < distinct.length; i += 1)
          expect((distinct[i] as number) - (distinct[i - 1] as number)).toBeGreaterThanOrEqual(min);
      }),
      { numRuns: 400 },
    );
  });

  it('shows no figure resting on a line answered by 1 to minimum − 1 people', () => {
    const lines = ['i1.1', 'i1.2', 'i2', 'i3', 'i4', 'e1'] as const;
    const answers = fc.array(
      fc.record(
        Object.fromEntries(lines.map((l) => [l, fc.boolean()])) as Record<
          (typeof lines)[number],
          fc.Arbitrary<boolean>
        >,
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(answers, minimum, (people, min) => {
        const iit = people.map((p) =>
          Object.fromEntries(
            (['i1.1', 'i1.2', 'i2', 'i3', 'i4'] as const)
              .filter((l) => p[l])
              .map((l) => [l, l === 'i2' ? 'Y' : '3']),
          ),
        );
        const eit = people.filter((p) => p.e1).map(() => ({ e1: '2' }));
        const { result } = score(iit, eit);
        const shown = discloseResult(result, { minimum: min });
        const answered = (node: ScoreNode): number[] =>
          node.children.length === 0
            ? node.basis.kind === 'answers'
              ? [node.basis.answered]
              : []
            : node.children.flatMap(answered);
        const check = (raw: ScoreNode, out: DisclosedNode) => {
          const small = answered(raw).some((n) => n > 0 && n < min);
          // shown ⇔ nothing below rests on a small group; withheld shows no number
          expect(out.withheld).toBe(small);
          if (small) expect([out.score, out.shown, out.lost]).toEqual([null, null, null]);
          else expect(out.score).toBe(raw.score);
          raw.children.forEach((child, i) => check(child, out.children[i] as DisclosedNode));
        };
        check(result.tree, shown.tree);
        expect(shown.total === null || shown.withheld === null).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
