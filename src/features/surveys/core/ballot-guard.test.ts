import { describe, expect, it } from 'vitest';
import {
  answerSetFingerprint,
  arrivalWindowOf,
  browserCookieName,
  browserCookieValue,
  findBursts,
  readBrowserMark,
  sweepBefore,
} from './ballot-guard.js';

describe('arrival windows and bursts', () => {
  it('puts a moment in its five-minute window, and sweeps windows ended a window ago', () => {
    expect(arrivalWindowOf(new Date('2026-06-10T03:07:59.999Z'))).toBe('2026-06-10T03:05:00.000Z');
    expect(arrivalWindowOf(new Date('2026-06-10T03:10:00.000Z'))).toBe('2026-06-10T03:10:00.000Z');
    expect(sweepBefore(new Date('2026-06-10T03:07:00.000Z'))).toBe('2026-06-10T03:00:00.000Z');
  });

  it('shows windows of at least 10 answers, back-to-back ones merged, in Bangkok time', () => {
    const bursts = findBursts([
      { windowStart: '2026-06-10T03:10:00.000Z', answers: 12 },
      { windowStart: '2026-06-10T03:05:00.000Z', answers: 30 },
      { windowStart: '2026-06-10T03:20:00.000Z', answers: 9 },
      { windowStart: '2026-06-10T17:55:00.000Z', answers: 10 },
    ]);
    expect(bursts).toEqual([
      {
        from: '2026-06-10T03:05:00.000Z',
        to: '2026-06-10T03:15:00.000Z',
        minutes: 10,
        answers: 42,
        day: '2026-06-10',
        fromTime: '10:05',
        toTime: '10:15',
      },
      {
        from: '2026-06-10T17:55:00.000Z',
        to: '2026-06-10T18:00:00.000Z',
        minutes: 5,
        answers: 10,
        day: '2026-06-11',
        fromTime: '00:55',
        toTime: '01:00',
      },
    ]);
  });
});

describe('the browser cookie of an open link', () => {
  const secret = 's'.repeat(32);

  it('is the same for every browser with the same mark on the same link', () => {
    expect(browserCookieValue(secret, 'link-1', 'answered')).toBe(
      browserCookieValue(secret, 'link-1', 'answered'),
    );
    expect(browserCookieValue(secret, 'link-1', 'answered')).toMatch(/^answered\.[\w-]{22}$/);
    expect(browserCookieName('ABC123')).toBe('prongsai_s_ABC123');
  });

  it('reads back only its own link, mark and secret', () => {
    const answered = browserCookieValue(secret, 'link-1', 'answered');
    expect(readBrowserMark(secret, 'link-1', answered)).toBe('answered');
    expect(readBrowserMark(secret, 'link-2', answered)).toBeNull();
    expect(readBrowserMark('t'.repeat(32), 'link-1', answered)).toBeNull();
    expect(readBrowserMark(secret, 'link-1', answered.replace('answered', 'started'))).toBeNull();
    expect(readBrowserMark(secret, 'link-1', 'started')).toBeNull();
    expect(readBrowserMark(secret, 'link-1', undefined)).toBeNull();
  });
});

describe('answer-set fingerprints', () => {
  it('depend on the key, the day and the answers', () => {
    const a = answerSetFingerprint('k1', '2026-06-10', '{"a":"4"}');
    expect(a).toMatch(/^[0-9a-f]{20}$/);
    expect(answerSetFingerprint('k2', '2026-06-10', '{"a":"4"}')).not.toBe(a);
    expect(answerSetFingerprint('k1', '2026-06-11', '{"a":"4"}')).not.toBe(a);
    expect(answerSetFingerprint('k1', '2026-06-10', '{"a":"3"}')).not.toBe(a);
  });
});
