import { describe, expect, it } from 'vitest';
import { EditionSchema, type EditionInput } from './edition.schema.js';
import { makeEdition } from './edition.fixture.js';
import { diffEditions, type EditionChange } from './diff-editions.js';

type Input = EditionInput;

/** Diffs the fixture against a mutated copy of itself. */
function diffAfter(mutate: (e: Input) => void): EditionChange[] {
  const b = structuredClone(makeEdition());
  mutate(b);
  const changes = diffEditions(EditionSchema.parse(makeEdition()), EditionSchema.parse(b));
  for (const c of changes) {
    expect(c.message.th.trim()).not.toBe('');
    expect(c.message.en.trim()).not.toBe('');
  }
  return changes;
}

const indicator = (e: Input, ins: number, ind: number) => e.instruments[ins]!.indicators[ind]!;
const oitItem = (e: Input, ind: number, sub: number, k: number) =>
  indicator(e, 2, ind).subindicators![sub]!.items[k]!;

describe('diffEditions: nodes', () => {
  it('finds nothing between equal editions', () => {
    expect(diffAfter(() => {})).toEqual([]);
  });

  it('reports an added question', () => {
    const changes = diffAfter((e) =>
      indicator(e, 0, 0).questions!.push({
        code: 'I1.3',
        text: { th: 'ใหม่', en: 'New' },
        scale: 'L4',
      }),
    );
    expect(changes).toMatchObject([{ kind: 'added', nodeType: 'question', code: 'I1.3' }]);
  });

  it('reports a removed OIT item after every other change', () => {
    const changes = diffAfter((e) => {
      indicator(e, 2, 0).subindicators![0]!.items.pop();
      e.calendar![1]!.end = '2026-07-31';
    });
    expect(changes.map((c) => `${c.kind}:${c.code}`)).toEqual(['changed:survey', 'removed:O2']);
  });

  it('reports a rename of the English name', () => {
    const changes = diffAfter((e) => (indicator(e, 0, 0).name.en = 'Duty'));
    expect(changes).toMatchObject([
      {
        kind: 'renamed',
        nodeType: 'indicator',
        code: 'I1',
        before: 'การปฏิบัติหน้าที่ / Performance of duty',
        after: 'การปฏิบัติหน้าที่ / Duty',
      },
    ]);
  });

  it('reports a reweighting from a weight to an equal share', () => {
    const changes = diffAfter((e) => {
      delete indicator(e, 1, 0).weight;
      delete indicator(e, 1, 1).weight;
    });
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatchObject({
      kind: 'reweighted',
      code: 'E1',
      before: '60',
      after: 'equal share',
    });
    expect(changes[0]!.message.en).toContain('60 → equal share');
    expect(changes[0]!.message.th).toContain('แบ่งเท่ากัน');
  });

  it('reports an instrument weight change as a reweighting', () => {
    const changes = diffAfter((e) => {
      e.instruments[0]!.weight = 25;
      e.instruments[2]!.weight = 45;
    });
    expect(changes).toMatchObject([
      { kind: 'reweighted', nodeType: 'instrument', code: 'IIT', before: '30', after: '25' },
      { kind: 'reweighted', nodeType: 'instrument', code: 'OIT', before: '40', after: '45' },
    ]);
  });

  it('reports a question moved to another indicator', () => {
    const changes = diffAfter((e) => {
      const moved = indicator(e, 0, 0).questions!.pop()!;
      indicator(e, 0, 1).questions!.push(moved);
    });
    expect(changes).toMatchObject([
      { kind: 'moved', nodeType: 'question', code: 'I1.2', before: 'I1', after: 'I2' },
    ]);
  });

  it("reports a question's scale and direction", () => {
    const changes = diffAfter((e) => {
      const question = indicator(e, 0, 0).questions![0]!;
      question.scale = 'YN';
      question.direction = 'negative';
    });
    expect(changes).toMatchObject([
      { kind: 'changed', code: 'I1.1', before: 'L4', after: 'YN' },
      { kind: 'changed', code: 'I1.1', before: 'positive', after: 'negative' },
    ]);
  });

  it("reports an OIT item's added and removed elements", () => {
    const changes = diffAfter((e) => {
      oitItem(e, 0, 0, 0).elements = [
        { code: '1', text: { th: 'ก', en: 'a' } },
        { code: '3', text: { th: 'ค', en: 'c' } },
      ];
    });
    expect(changes).toMatchObject([
      { kind: 'changed', nodeType: 'oit_item', code: 'O1', before: '1, 2', after: '1, 3' },
    ]);
    expect(changes[0]!.message.en).toContain('added 3; removed 2');
  });

  it("reports an OIT item's period and partial credit", () => {
    const changes = diffAfter((e) => {
      oitItem(e, 0, 0, 1).period = 'current';
      oitItem(e, 1, 1, 0).partial_credit = false;
    });
    expect(changes).toMatchObject([
      { kind: 'changed', code: 'O2', before: 'any', after: 'current' },
      { kind: 'changed', code: 'O4', before: 'true', after: 'false' },
    ]);
  });
});

describe('diffEditions: settings', () => {
  it('reports total_points and rounding', () => {
    const changes = diffAfter((e) => {
      e.total_points = 200;
      e.rounding = { mode: 'half_even', decimals: 2 };
    });
    expect(changes).toMatchObject([
      { kind: 'changed', nodeType: 'edition', code: 'total_points', before: '100', after: '200' },
      {
        kind: 'changed',
        nodeType: 'edition',
        code: 'rounding',
        before: 'half_up, 2',
        after: 'half_even, 2',
      },
    ]);
  });

  it("reports a scale's changed option scores", () => {
    const changes = diffAfter((e) => (e.scales![1]!.options[1]!.score = 10));
    expect(changes).toMatchObject([
      { kind: 'changed', nodeType: 'scale', code: 'YN', after: 'Y=100, N=10' },
    ]);
  });

  it("reports a rating level's new threshold", () => {
    const changes = diffAfter((e) => (e.rating.schemes[0]!.levels[3]!.min_total = 75));
    expect(changes).toMatchObject([
      {
        kind: 'changed',
        nodeType: 'rating_level',
        code: 'five-level/improve',
        before: 'total ≥ 70',
        after: 'total ≥ 75',
      },
    ]);
  });

  it('reports added and removed schemes, removals last', () => {
    const changes = diffAfter((e) => {
      e.rating.schemes[1]!.code = 'letters';
    });
    expect(changes.map((c) => `${c.kind}:${c.nodeType}:${c.code}`)).toEqual([
      'added:rating_scheme:letters',
      'removed:rating_scheme:letter',
    ]);
  });

  it('reports min-sample numbers', () => {
    const changes = diffAfter((e) => (e.min_sample![0]!.min = 40));
    expect(changes).toMatchObject([{ kind: 'changed', nodeType: 'min_sample', code: 'IIT' }]);
    expect(changes[0]!.after).toContain('min 40');
  });

  it('reports calendar dates', () => {
    const changes = diffAfter((e) => (e.calendar![0]!.start = '2025-11-15'));
    expect(changes).toMatchObject([
      {
        kind: 'changed',
        nodeType: 'milestone',
        code: 'oit-publish',
        before: '2025-12-01 – 2026-02-28',
        after: '2025-11-15 – 2026-02-28',
      },
    ]);
  });
});
