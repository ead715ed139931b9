/**
 * Five-field cron lines (minute hour day-of-month month day-of-week) as the in-process runner
 * (SQLite) reads them: each field `*`, a number, a list (`1,15`), a range (`1-5`) or a step
 * (`*\/5`, `0-30/10`). pg-boss reads the same lines on PostgreSQL. Pure: no clock, no timers.
 */

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

/** The values each field allows (day of week 7 is read as 0, Sunday). */
export type CronLine = readonly ReadonlySet<number>[];

function parseField(text: string, min: number, max: number, name: string): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`cron: cannot read the ${name} field "${text}"`);
    const from = match[1] === '*' ? min : Number(match[2]);
    // `*`, a range, or a start with a step (`5/10`: 5, 15, …) runs to the field's end
    const to =
      match[1] === '*' || (match[3] === undefined && match[4] !== undefined)
        ? max
        : match[3] !== undefined
          ? Number(match[3])
          : from;
    const step = match[4] !== undefined ? Number(match[4]) : 1;
    if (from < min || to > max || from > to || step < 1)
      throw new Error(`cron: the ${name} field "${text}" is out of range ${min}-${max}`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** Reads a cron line; throws a message naming the field it cannot read. */
export function parseCron(line: string): CronLine {
  const parts = line.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`cron: five fields expected in "${line}"`);
  return parts.map((part, i) => {
    const field = FIELDS[i] as (typeof FIELDS)[number];
    const values = parseField(part, field.min, field.max, field.name);
    if (i === 4 && values.has(7)) values.add(0);
    return values;
  });
}

/** The minute, hour, day, month and weekday of an instant in a time zone (e.g. Asia/Bangkok). */
export function wallClock(at: Date, timeZone: string): number[] {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    minute: 'numeric',
    hour: 'numeric',
    day: 'numeric',
    month: 'numeric',
    weekday: 'short',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return [
    Number(get('minute')),
    Number(get('hour')),
    Number(get('day')),
    Number(get('month')),
    weekday,
  ];
}

/**
 * Whether the line fires in the minute of `at` (in `timeZone`). As in cron, when both day fields
 * are restricted, either may match.
 */
export function cronFires(line: CronLine, at: Date, timeZone: string): boolean {
  const [minute, hour, day, month, weekday] = wallClock(at, timeZone) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const [m, h, dom, mon, dow] = line as [
    ReadonlySet<number>,
    ReadonlySet<number>,
    ReadonlySet<number>,
    ReadonlySet<number>,
    ReadonlySet<number>,
  ];
  if (!m.has(minute) || !h.has(hour) || !mon.has(month)) return false;
  const domAll = dom.size === 31;
  const dowAll = dow.size >= 7;
  if (domAll || dowAll) return dom.has(day) && dow.has(weekday);
  return dom.has(day) || dow.has(weekday);
}
