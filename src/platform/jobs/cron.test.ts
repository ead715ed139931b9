import { describe, expect, it } from 'vitest';
import { cronFires, parseCron } from './cron.js';

const BANGKOK = 'Asia/Bangkok';

describe('cron lines', () => {
  it('fires a daily line at its local time in Bangkok (UTC+7), and only then', () => {
    const line = parseCron('30 2 * * *');
    expect(cronFires(line, new Date('2026-12-05T19:30:00Z'), BANGKOK)).toBe(true);
    expect(cronFires(line, new Date('2026-12-05T19:30:59Z'), BANGKOK)).toBe(true);
    expect(cronFires(line, new Date('2026-12-05T19:31:00Z'), BANGKOK)).toBe(false);
    expect(cronFires(line, new Date('2026-12-06T02:30:00Z'), BANGKOK)).toBe(false);
    expect(cronFires(line, new Date('2026-12-06T02:30:00Z'), 'UTC')).toBe(true);
  });

  it('reads steps, ranges, lists and weekdays (7 is Sunday too)', () => {
    const every5 = parseCron('*/5 * * * *');
    expect(cronFires(every5, new Date('2026-12-06T10:15:00Z'), 'UTC')).toBe(true);
    expect(cronFires(every5, new Date('2026-12-06T10:16:00Z'), 'UTC')).toBe(false);
    // 2026-12-06 is a Sunday
    const sunday = parseCron('0 9 * * 7');
    expect(cronFires(sunday, new Date('2026-12-06T09:00:00Z'), 'UTC')).toBe(true);
    expect(cronFires(sunday, new Date('2026-12-07T09:00:00Z'), 'UTC')).toBe(false);
    const weekdays = parseCron('0 8,17 * * 1-5');
    expect(cronFires(weekdays, new Date('2026-12-07T17:00:00Z'), 'UTC')).toBe(true);
    expect(cronFires(weekdays, new Date('2026-12-06T17:00:00Z'), 'UTC')).toBe(false);
  });

  it('refuses a line it cannot read, naming the field', () => {
    expect(() => parseCron('0 7 * *')).toThrow(/five fields/);
    expect(() => parseCron('61 7 * * *')).toThrow(/minute/);
    expect(() => parseCron('0 24 * * *')).toThrow(/hour/);
    expect(() => parseCron('0 7 * JAN *')).toThrow(/month/);
  });
});
