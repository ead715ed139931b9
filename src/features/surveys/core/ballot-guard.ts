import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The rules against ballot stuffing on open survey links (issue 12, part 4), pure: the
 * per-browser cookie, the arrival windows and bursts, identical answer sets. Nothing here
 * identifies a respondent: the cookie is the same for every browser that answered a link, the
 * windows are counts, and an answer set is named by its content and day only.
 */

/** Length of an arrival window, in minutes. */
export const ARRIVAL_WINDOW_MINUTES = 5;
/** Answers to one link within one window from which the window is a burst (shown and kept). */
export const BURST_MIN_ANSWERS = 10;
/** Identical answer sets of one day, on one instrument, from which they are flagged. */
export const IDENTICAL_MIN_SETS = 5;

const WINDOW_MS = ARRIVAL_WINDOW_MINUTES * 60_000;
const BANGKOK_MS = 7 * 3_600_000;

/** The start of the arrival window a moment falls in (ISO 8601, UTC). */
export function arrivalWindowOf(now: Date): string {
  return new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS).toISOString();
}

/**
 * Windows that started before this moment ended at least one whole window ago: no answer can
 * still be counted in them, so those below a burst can be deleted.
 */
export function sweepBefore(now: Date): string {
  return new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS - WINDOW_MS).toISOString();
}

/** One arrival window of a link as stored. */
export interface ArrivalCount {
  windowStart: string;
  answers: number;
}

/** Answers that came close together: one burst window, or several back to back. */
export interface Burst {
  /** Start and end (ISO 8601, UTC). */
  from: string;
  to: string;
  minutes: number;
  answers: number;
  /** The Bangkok day and clock times (HH:MM) of the start and the end. */
  day: string;
  fromTime: string;
  toTime: string;
}

function bangkokParts(iso: string): { day: string; time: string } {
  const local = new Date(new Date(iso).getTime() + BANGKOK_MS).toISOString();
  return { day: local.slice(0, 10), time: local.slice(11, 16) };
}

/**
 * The bursts among a link's windows: windows of at least BURST_MIN_ANSWERS answers, those back
 * to back merged into one. Windows below that are never shown (too few answers to be a burst,
 * and few enough that a time could point at a person).
 */
export function findBursts(windows: readonly ArrivalCount[]): Burst[] {
  const flagged = windows
    .filter((w) => w.answers >= BURST_MIN_ANSWERS)
    .sort((a, b) => a.windowStart.localeCompare(b.windowStart));
  const runs: { from: number; to: number; answers: number }[] = [];
  for (const w of flagged) {
    const start = new Date(w.windowStart).getTime();
    const last = runs[runs.length - 1];
    if (last && last.to === start) {
      last.to = start + WINDOW_MS;
      last.answers += w.answers;
    } else runs.push({ from: start, to: start + WINDOW_MS, answers: w.answers });
  }
  return runs.map((run) => {
    const from = new Date(run.from).toISOString();
    const to = new Date(run.to).toISOString();
    const start = bangkokParts(from);
    return {
      from,
      to,
      minutes: (run.to - run.from) / 60_000,
      answers: run.answers,
      day: start.day,
      fromTime: start.time,
      toTime: bangkokParts(to).time,
    };
  });
}

/** What an open link's cookie says about this browser. */
export type BrowserMark = 'started' | 'answered';

/** The cookie of one link (one per link: a different link is a different survey). */
export function browserCookieName(linkCode: string): string {
  return `prongsai_s_${linkCode.replace(/[^A-Za-z0-9]/g, '')}`;
}

/** Signatures made so far: each is the same for every request of a link (a pure memo). */
const signatures = new Map<string, string>();
const MAX_SIGNATURES = 10_000;

function signature(secret: string, linkId: string, mark: BrowserMark): string {
  const key = `${mark}:${linkId}:${secret}`;
  let made = signatures.get(key);
  if (made === undefined) {
    made = createHmac('sha256', secret)
      .update(`survey-browser:${mark}:${linkId}`)
      .digest('base64url')
      .slice(0, 22);
    if (signatures.size >= MAX_SIGNATURES) signatures.clear();
    signatures.set(key, made);
  }
  return made;
}

/**
 * The cookie value of a mark: the mark and a signature of the mark and the link. It is the same
 * for every browser with that mark on that link, so it singles out no one.
 */
export function browserCookieValue(secret: string, linkId: string, mark: BrowserMark): string {
  return `${mark}.${signature(secret, linkId, mark)}`;
}

/** The mark a cookie value carries for a link; null when absent, forged or of another link. */
export function readBrowserMark(
  secret: string,
  linkId: string,
  value: string | undefined,
): BrowserMark | null {
  if (!value) return null;
  const [mark, given] = value.split('.');
  if ((mark !== 'started' && mark !== 'answered') || !given) return null;
  const expected = Buffer.from(signature(secret, linkId, mark));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? mark : null;
}

/** sha256 of a stored answer set (its answers_json), the key of an exclusion. */
export function answerSetHash(answersJson: string): string {
  return createHash('sha256').update(answersJson).digest('hex');
}

/**
 * How a page names one group of identical answer sets: keyed, so that someone who sees the page
 * cannot test a guess ("all answers 5?") against it.
 */
export function answerSetFingerprint(key: string, day: string, answersJson: string): string {
  return createHmac('sha256', key).update(`${day}\n${answersJson}`).digest('hex').slice(0, 20);
}
