/**
 * iCalendar (RFC 5545) text for calendar feeds: all-day events, escaped text, lines folded at
 * 75 octets without cutting a UTF-8 sequence, CRLF line ends. Pure: the caller gives the time.
 */

/** One all-day event; `end` is the last day (inclusive), written as the exclusive next day. */
export interface IcsEvent {
  /** Stable across feeds, so calendar programs update the event instead of adding a copy. */
  uid: string;
  start: string;
  end: string;
  summary: string;
  description?: string;
  url?: string;
  categories?: string;
}

export interface IcsCalendar {
  name: string;
  events: readonly IcsEvent[];
  /** When the feed was made (DTSTAMP of every event). */
  stamp: Date;
}

const CRLF = '\r\n';
const LIMIT = 75;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (§3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Reads an escaped TEXT value back. */
export function unescapeText(text: string): string {
  return text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a content line into lines of at most 75 octets; each continuation starts with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const room = parts.length === 0 ? LIMIT : LIMIT - 1;
    if (octets + size > room) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** Joins folded lines back (a line break followed by a space or tab continues the line). */
export function unfoldLines(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split(CRLF)
    .filter((l) => l !== '');
}

function basicDate(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}

function nextDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** A UTC date-time written 20261126T030000Z. */
export function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${basicDate(event.start)}`,
    `DTEND;VALUE=DATE:${basicDate(nextDay(event.end))}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.categories) lines.push(`CATEGORIES:${escapeText(event.categories)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  return lines;
}

/** The whole calendar as iCalendar text (UTF-8, CRLF, folded). */
export function renderIcs(calendar: IcsCalendar): string {
  const stamp = utcStamp(calendar.stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Prongsai//ITA calendar//TH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...calendar.events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** A property of a parsed event: its parameters (e.g. "VALUE=DATE") and raw value. */
export interface IcsProperty {
  params: string;
  value: string;
}

/** Reads the VEVENTs of iCalendar text back (property name → first occurrence). */
export function parseIcsEvents(text: string): Map<string, IcsProperty>[] {
  const events: Map<string, IcsProperty>[] = [];
  let current: Map<string, IcsProperty> | null = null;
  for (const line of unfoldLines(text)) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT') {
      if (current) events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      const head = line.slice(0, colon);
      const [name = '', ...params] = head.split(';');
      if (!current.has(name))
        current.set(name, { params: params.join(';'), value: line.slice(colon + 1) });
    }
  }
  return events;
}
