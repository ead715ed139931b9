import { describe, expect, it } from 'vitest';
import { checkEdition } from './check-edition.js';
import { iit, oit, onlyProblem, type Input } from './check-edition.fixture.js';
import { makeEdition } from './edition.fixture.js';
import { listProvisional } from './walk-edition.js';

const theme = (code: string, indicator: string) => ({
  code,
  name: { th: `ประเด็น ${code}`, en: `Theme ${code}` },
  indicator,
  keywords: ['ของขวัญ'],
});

function withComment(e: Input, themes: ReturnType<typeof theme>[]) {
  iit(e).comment = { text: { th: 'ข้อเสนอแนะ', en: 'Suggestions' }, themes };
}

describe('checkEdition: the optional free-text question', () => {
  it('accepts a comment question whose themes name indicators of its instrument', () => {
    const input = structuredClone(makeEdition());
    withComment(input, [theme('gifts', 'I1'), theme('steps', 'I2')]);
    const { edition, problems } = checkEdition(input);
    expect(problems).toEqual([]);
    expect(edition?.instruments[0]?.comment?.themes.map((t) => t.code)).toEqual(['gifts', 'steps']);
  });

  it('reports a theme naming an indicator of another instrument', () => {
    const problem = onlyProblem((e) => withComment(e, [theme('gifts', 'E1')]));
    expect(problem.code).toBe('comment_theme_unknown_indicator');
    expect(problem.path).toBe('instruments[0].comment.themes[0].indicator');
  });

  it('reports a repeated theme code', () => {
    const problem = onlyProblem((e) =>
      withComment(e, [theme('gifts', 'I1'), theme('gifts', 'I2')]),
    );
    expect(problem.code).toBe('duplicate_code');
    expect(problem.path).toBe('instruments[0].comment.themes[1].code');
  });

  it('refuses a comment question on a checklist instrument', () => {
    const problem = onlyProblem((e) => {
      oit(e).comment = { text: { th: 'ข้อเสนอแนะ', en: 'Suggestions' } };
    });
    expect(problem.code).toBe('comment_not_survey');
  });

  it('refuses a theme without keywords (the schema is strict)', () => {
    const input = structuredClone(makeEdition());
    withComment(input, [{ ...theme('gifts', 'I1'), keywords: [] }]);
    expect(checkEdition(input).edition).toBeNull();
  });

  it('lists a provisional comment question among the provisional parts', () => {
    const input = structuredClone(makeEdition());
    withComment(input, [theme('gifts', 'I1')]);
    iit(input).comment!.status = 'provisional';
    iit(input).comment!.source = 'our own word lists';
    const { edition } = checkEdition(input);
    const entries = listProvisional(edition!).filter((e) => e.kind === 'comment');
    expect(entries).toEqual([
      {
        path: 'instruments[0].comment',
        code: 'IIT',
        kind: 'comment',
        source: 'our own word lists',
      },
    ]);
  });
});
