import { describe, expect, it } from 'vitest';
import {
  listBundledEditions,
  loadEdition,
  readEditionFile,
} from '../src/features/editions/feature.js';
import { compileEdition, type CompiledEdition } from '../src/core/framework/compile-edition.js';
import { listEditionNodes, listProvisional, urnOf } from '../src/core/framework/walk-edition.js';
import { diffEditions } from '../src/core/framework/diff-editions.js';
import { addSurveyResponse, createSurveyTally } from '../src/core/scoring/survey-tally.js';
import { scoreAgency } from '../src/core/scoring/score-agency.js';
import { computeLeafScores } from '../src/core/scoring/score-leaves.js';
import { simulateWhatIf } from '../src/core/analysis/what-if.js';

const compile = (id: string) => compileEdition(loadEdition(id).edition);

/** One respondent giving the best answer to every item of the instrument, with some overrides. */
function bestAnswers(
  c: CompiledEdition,
  instrument: string,
  overrides: Record<string, string> = {},
) {
  const answers: Record<string, string> = {};
  for (const item of c.surveyItems.values()) {
    if (item.instrumentCode !== instrument) continue;
    const best = [...item.optionCodes].sort(
      (a, b) => (item.optionScores[b] ?? -1) - (item.optionScores[a] ?? -1),
    )[0];
    answers[item.code] = best as string;
  }
  return { ...answers, ...overrides };
}

function agencyInput(
  c: CompiledEdition,
  iit: Record<string, string>,
  eit: Record<string, string>,
  failed: string[],
) {
  const surveys = { IIT: createSurveyTally(c, 'IIT'), EIT: createSurveyTally(c, 'EIT') };
  expect(addSurveyResponse(c, surveys.IIT, iit)).toEqual([]);
  expect(addSurveyResponse(c, surveys.EIT, eit)).toEqual([]);
  const oit = Object.fromEntries(
    [...c.oitItems.keys()].map((k) => [k, failed.includes(k) ? 'fail' : 'pass'] as const),
  );
  return { surveys, oit };
}

describe('bundled editions', () => {
  it('ships ita-2567, ita-2568, ita-2569 and ita-2570', () => {
    expect(listBundledEditions()).toEqual(
      expect.arrayContaining(['ita-2567', 'ita-2568', 'ita-2569', 'ita-2570']),
    );
  });

  it.each([
    ['ita-2567', 43],
    ['ita-2568', 26],
    ['ita-2569', 26],
    ['ita-2570', 26],
  ])('%s passes the checker and has 30 IIT, 15 EIT questions and %d OIT items', (id, oitItems) => {
    const file = readEditionFile(id);
    expect(file.problems).toEqual([]);
    const nodes = listEditionNodes(file.edition!);
    const questions = (instrument: string) =>
      nodes.filter((n) => n.type === 'question' && n.instrumentCode === instrument).length;
    expect(questions('IIT')).toBe(30);
    expect(questions('EIT')).toBe(15);
    expect(nodes.filter((n) => n.type === 'oit_item')).toHaveLength(oitItems);
    expect(file.edition!.instruments.map((i) => [i.code, i.weight])).toEqual([
      ['IIT', 30],
      ['EIT', 30],
      ['OIT', 40],
    ]);
    const urns = nodes.map((n) => urnOf(file.edition!, n));
    expect(new Set(urns).size).toBe(urns.length);
  });

  it('ita-2570 is ita-2569 carried over: only the calendar moves, one year on, all provisional', () => {
    const before = loadEdition('ita-2569').edition;
    const after = loadEdition('ita-2570').edition;
    expect([after.id, after.year, after.version, after.status]).toEqual([
      'ita-2570',
      2570,
      1,
      'provisional',
    ]);
    expect(after.title.th).toContain('พ.ศ. 2570');
    expect(after.source).toContain('ita-2569');
    const changes = diffEditions(before, after);
    expect(changes.map((c) => [c.kind, c.nodeType])).toEqual(
      before.calendar.map(() => ['changed', 'milestone']),
    );
    const nextYear = (day: string) => `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
    expect(after.calendar.map((m) => [m.code, m.start, m.end])).toEqual(
      before.calendar.map((m) => [m.code, nextYear(m.start), nextYear(m.end)]),
    );
    // nothing is known of 2570: every node, scheme, sample rule and milestone is provisional
    const nodes = listEditionNodes(after);
    expect(nodes.filter((n) => n.status !== 'provisional')).toEqual([]);
    const provisional = listProvisional(after);
    expect(provisional.filter((p) => p.kind === 'rating_scheme')).toHaveLength(
      after.rating.schemes.length,
    );
    expect(provisional.filter((p) => p.kind === 'milestone')).toHaveLength(after.calendar.length);
    // what 2569 had confirmed keeps its source, said to be 2569's
    const confirmed = listEditionNodes(before).filter((n) => n.status === 'confirmed');
    expect(confirmed.length).toBeGreaterThan(0);
    for (const node of confirmed) {
      const carried = nodes.find((n) => n.type === node.type && n.code === node.code);
      expect(carried?.source).toBe(`for 2569: ${node.source}`);
    }
  });

  it('2567 golden case: O1 and O39 fail → OIT 94.00, total 97.60, ผ่านดี', () => {
    const c = compile('ita-2567');
    const result = scoreAgency(
      c,
      agencyInput(c, bestAnswers(c, 'IIT'), bestAnswers(c, 'EIT'), ['O1', 'O39']),
    );
    expect(result.instruments.map((i) => [i.shown, i.component])).toEqual([
      [100, 30],
      [100, 30],
      [94, 37.6],
    ]);
    expect(result.total).toBe(97.6);
    expect(result.level?.name.th).toBe('ผ่านดี');
  });

  it('2568 golden case: i7 at the worst, O12 and O25 fail → total 92.00, ผ่าน', () => {
    const c = compile('ita-2568');
    const result = scoreAgency(
      c,
      agencyInput(c, bestAnswers(c, 'IIT', { i7: '1' }), bestAnswers(c, 'EIT'), ['O12', 'O25']),
    );
    expect(result.instruments.map((i) => [i.shown, i.component])).toEqual([
      [96.67, 29],
      [100, 30],
      [82.5, 33],
    ]);
    expect(result.total).toBe(92);
    expect(result.level?.name.th).toBe('ผ่าน');
  });

  it('2569 golden case: e1.1 answered "น้อย", O25 and O26 fail → total 94.33, ผ่านดี', () => {
    const c = compile('ita-2569');
    const result = scoreAgency(
      c,
      agencyInput(c, bestAnswers(c, 'IIT'), bestAnswers(c, 'EIT', { 'e1.1': '2' }), ['O25', 'O26']),
    );
    expect(result.instruments.map((i) => [i.shown, i.component])).toEqual([
      [100, 30],
      [97.78, 29.33],
      [87.5, 35],
    ]);
    expect(result.total).toBe(94.33);
    expect(result.level?.name.th).toBe('ผ่านดี');
  });

  it('2569 what-if: "O12 and O20 pass" and "indicator 7 rises to 90"', () => {
    const c = compile('ita-2569');
    const leaves = computeLeafScores(
      c,
      agencyInput(c, bestAnswers(c, 'IIT'), bestAnswers(c, 'EIT', { e6: '2' }), ['O12', 'O20']),
    );
    const oit = simulateWhatIf(c, leaves, [
      { code: 'O12', pass: true },
      { code: 'O20', pass: true },
    ]);
    // 9.3 (2 items) at 50 and 10.1 (3 items) at 66.67: OIT = ((450/5) + (166.67/2)) / 2 = 86.67
    expect(oit.before.instruments[2]?.shown).toBe(86.67);
    expect(oit.after.instruments[2]?.shown).toBe(100);
    const eit = simulateWhatIf(c, leaves, [{ code: '7', score: 90 }]);
    expect(eit.after.tree.children[1]?.children.find((n) => n.code === '7')?.score).toBe(90);
    expect(eit.after.instruments[1]?.shown).toBe(96.67);
  });
});
