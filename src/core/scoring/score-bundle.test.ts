import { describe, expect, it } from 'vitest';
import { compileScoringEdition } from './scoring.fixture.js';
import { BundleScorer, type BundleProblem } from './score-bundle.js';

const compiled = compileScoringEdition();

const agencies = [
  { type: 'agency', id: 'A1', name: 'หนึ่ง' },
  { type: 'agency', id: 'A2' },
];

/** Records fed through addPlainResponse first, as the NDJSON reader does, else through add. */
function feedFast(scorer: BundleScorer, records: unknown[]): BundleProblem[] {
  const problems: BundleProblem[] = [];
  records.forEach((raw, i) => {
    if (!scorer.addPlainResponse(raw)) problems.push(...scorer.add(raw, `line ${i + 1}`));
  });
  return problems;
}

function feedSlow(scorer: BundleScorer, records: unknown[]): BundleProblem[] {
  return records.flatMap((raw, i) => scorer.add(raw, `line ${i + 1}`));
}

const response = (agency: string, instrument: string, answers: unknown) => ({
  type: 'response',
  agency,
  instrument,
  answers,
});

describe('BundleScorer', () => {
  it('counts valid responses through addPlainResponse as add does', () => {
    const records = [
      ...agencies,
      response('A1', 'IIT', { 'i1.1': '4', i2: 'N', i3: 3 }),
      response('A2', 'EIT', { e1: '2' }),
      response('A1', 'EIT', { e1: null }),
      response('A1', 'IIT', { i3: '', i4: 'DK' }),
      { type: 'oit', agency: 'A1', decisions: { O1: 'pass', O2: 'fail' } },
      response('A2', 'IIT', {}),
    ];
    const fast = new BundleScorer(compiled);
    const slow = new BundleScorer(compiled);
    expect(feedFast(fast, records)).toEqual([]);
    expect(feedSlow(slow, records)).toEqual([]);
    const results = [...fast.results()];
    expect(results).toEqual([...slow.results()]);
    expect(results.map((r) => r.respondents)).toEqual([
      { IIT: 2, EIT: 1 },
      { IIT: 1, EIT: 1 },
    ]);
  });

  it('counts nothing of a refused response and describes it as add does', () => {
    const refused = [
      response('A1', 'IIT', { i3: '4', i4: '9' }),
      response('A1', 'IIT', { i3: '4', e1: '4' }),
      response('A1', 'EIT', { e1: '4', i3: true }),
      response('A1', 'OIT', { O1: 'pass' }),
      response('A9', 'IIT', { i3: '4' }),
      response('', 'IIT', { i3: '4' }),
      response('A1', '', { i3: '4' }),
      response('A1', 'IIT', ['4']),
      response('A1', 'IIT', null),
      { type: 'response', agency: 'A1', instrument: 'IIT' },
      JSON.parse(
        '{"type":"response","agency":"A1","instrument":"IIT","answers":{"__proto__":"4"}}',
      ),
      null,
      'text',
    ];
    const records = [...agencies, ...refused];
    const fast = new BundleScorer(compiled);
    const slow = new BundleScorer(compiled);
    const problems = feedFast(fast, records);
    expect(problems).toEqual(feedSlow(slow, records));
    // every refused record is named, the "__proto__" answer too (the schema's copy drops it)
    expect(new Set(problems.map((p) => p.record)).size).toBe(refused.length);
    expect(problems).toContainEqual(
      expect.objectContaining({ record: 'line 13', field: 'answers.__proto__' }),
    );
    for (const agency of fast.results()) expect(agency.respondents).toEqual({ IIT: 0, EIT: 0 });
  });
});
