import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findBadText, parseForm } from './input-guard.js';

/** The form as URLSearchParams reads it, repeated fields as lists (what parseForm must equal). */
function readBySearchParams(body: string): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const seen = form[key];
    form[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return form;
}

describe('parseForm', () => {
  it('reads every form as URLSearchParams does', () => {
    const piece = fc.constantFrom(
      'a',
      'b',
      'a_IIT1.1',
      '=',
      '&',
      '+',
      '%',
      '%2',
      '%20',
      '%E0%B8%81',
      '%C3%28',
      '%ZZ',
      'ก',
      ' ',
      '%00',
      '4',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const body = pieces.join('');
        expect(parseForm(body)).toEqual(readBySearchParams(body));
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes escapes and + and keeps a second = in the value', () => {
    expect(parseForm('nonce=abc_DEF-1&a_X.1=4&step=&go')).toEqual({
      nonce: 'abc_DEF-1',
      'a_X.1': '4',
      step: '',
      go: '',
    });
    expect(parseForm('comment=%E0%B8%94%E0%B8%B5+%E0%B8%A1%E0%B8%B2%E0%B8%81&x=a=b')).toEqual({
      comment: 'ดี มาก',
      x: 'a=b',
    });
    expect(parseForm('bad=%C3%28')).toEqual({ bad: '\uFFFD(' });
  });
});

describe('findBadText', () => {
  it('names the field holding bad text in a list, a key or a nested object, or nothing', () => {
    expect(findBadText({ a: 'ok', b: { c: ['x', 'y\uFFFD'] } }, 'body')).toBe('body.b.c.1');
    expect(findBadText({ ['k\u0000']: 'v' }, 'query')).toBe('query.k\u0000');
    expect(findBadText('text\u0000')).toBe('(value)');
    expect(findBadText({ a: ['x', 'y'], b: { c: 'z' }, n: 3, none: null })).toBeNull();
    expect(findBadText(undefined)).toBeNull();
  });
});
