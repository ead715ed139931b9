import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  escapeText,
  foldLine,
  parseIcsEvents,
  renderIcs,
  unescapeText,
  unfoldLines,
  utcStamp,
} from './ics.js';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('escapeText', () => {
  it('escapes the special characters of TEXT values', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('reads back what it wrote', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const normalised = s.replace(/\r\n|\r/g, '\n');
        expect(unescapeText(escapeText(s))).toBe(normalised);
        expect(escapeText(s)).not.toMatch(/[\r\n]/);
      }),
    );
  });
});

describe('foldLine', () => {
  it('keeps short lines as they are', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
  });

  it('folds long Thai lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'ประชาสัมพันธ์ลิงก์แบบวัด'.repeat(6)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, part] of parts.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
    }
    expect(unfoldLines(folded)).toEqual([line]);
  });

  it('never splits a UTF-8 sequence and unfolds to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const line = `X:${raw.replace(/[\r\n]/g, '')}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n')) {
          expect(octets(part)).toBeLessThanOrEqual(75);
          // a broken sequence would decode to U+FFFD
          const bytes = Buffer.from(part, 'utf8');
          expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(part);
        }
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });
});

describe('renderIcs', () => {
  const ics = renderIcs({
    name: 'ปฏิทิน ITA',
    stamp: new Date('2026-11-26T03:04:05.678Z'),
    events: [
      {
        uid: 'task-1@prongsai',
        start: '2026-02-28',
        end: '2026-02-28',
        summary: 'บันทึกจำนวนผู้มีส่วนได้ส่วนเสีย, ให้ครบ; ก่อนปิด',
        description: 'บรรทัดแรก\nบรรทัดที่สอง',
      },
      {
        uid: 'milestone-ita-2569-oit_entry@prongsai',
        start: '2026-03-01',
        end: '2026-04-30',
        summary: 'หน่วยงานเผยแพร่ข้อมูลและบันทึกแบบตรวจ OIT',
      },
    ],
  });

  it('uses CRLF everywhere and wraps events in a calendar', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('parses back to all-day events with exclusive end dates', () => {
    const events = parseIcsEvents(ics);
    expect(events).toHaveLength(2);
    const [task, milestone] = events;
    expect(task?.get('UID')?.value).toBe('task-1@prongsai');
    expect(task?.get('DTSTAMP')?.value).toBe('20261126T030405Z');
    expect(task?.get('DTSTART')).toEqual({ params: 'VALUE=DATE', value: '20260228' });
    expect(task?.get('DTEND')).toEqual({ params: 'VALUE=DATE', value: '20260301' });
    expect(unescapeText(task?.get('SUMMARY')?.value ?? '')).toBe(
      'บันทึกจำนวนผู้มีส่วนได้ส่วนเสีย, ให้ครบ; ก่อนปิด',
    );
    expect(unescapeText(task?.get('DESCRIPTION')?.value ?? '')).toBe('บรรทัดแรก\nบรรทัดที่สอง');
    expect(milestone?.get('DTEND')?.value).toBe('20260501');
  });

  it('writes UTC stamps', () => {
    expect(utcStamp(new Date('2026-01-02T03:04:05.000Z'))).toBe('20260102T030405Z');
  });
});

describe('renderIcs with any text', () => {
  it('gives back every summary and description through folding and escaping', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 120 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 }), (pairs) => {
        const ics = renderIcs({
          name: 'ทดสอบ',
          stamp: new Date('2026-01-01T00:00:00Z'),
          events: pairs.map(([summary, description], i) => ({
            uid: `e${i}@prongsai`,
            start: '2026-01-01',
            end: '2026-01-01',
            summary,
            description: description || 'x',
          })),
        });
        const events = parseIcsEvents(ics);
        expect(events).toHaveLength(pairs.length);
        events.forEach((event, i) => {
          const [summary = '', description = ''] = pairs[i] ?? [];
          expect(unescapeText(event.get('SUMMARY')?.value ?? '')).toBe(
            summary.replace(/\r\n|\r/g, '\n'),
          );
          expect(unescapeText(event.get('DESCRIPTION')?.value ?? '')).toBe(
            (description || 'x').replace(/\r\n|\r/g, '\n'),
          );
        });
      }),
    );
  });
});
