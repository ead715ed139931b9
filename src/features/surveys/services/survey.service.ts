import { createHash, randomBytes } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { DomainError, type Message } from '../../../core/errors.js';
import { checkEdition } from '../../../core/framework/check-edition.js';
import { compileEdition, type CompiledEdition } from '../../../core/framework/compile-edition.js';
import type { Instrument } from '../../../core/framework/edition.schema.js';
import { hashAccessCode, makeCode, normaliseCode, LINK_CODE_LENGTH } from '../core/access-code.js';
import {
  buildSurveySteps,
  collectAnswers,
  findStepProblems,
  isComplete,
  type FormStep,
} from '../core/survey-form.js';
import { prepareComment } from '../core/comment-text.js';
import { findEditionSource } from '../../editions/feature.js';
import { getSetting, putSettingOnce } from '../../../platform/db/setting.repository.js';
import {
  claimOpenSubmission,
  findAccessCodeState,
  findSurveyLinkByCode,
  insertResponse,
  isSubmissionClaimed,
  useAccessCode,
  type SurveyLink,
} from '../db/survey.repository.js';
import { countArrival, sweepArrivals } from '../db/survey-guard.repository.js';
import { arrivalWindowOf, sweepBefore } from '../core/ballot-guard.js';
import { writeBatcherOf } from '../../../platform/db/write-batcher.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { bangkokDay } from '../../../core/thai-calendar.js';

/** A survey as its public pages need it. */
export interface OpenSurvey {
  link: SurveyLink;
  instrument: Instrument;
  steps: FormStep[];
  compiled: CompiledEdition;
  /** Null when answers are taken; otherwise why not. */
  closedBecause: Message | null;
  /** Read from the links this process keeps, not from the database (see findOpenSurvey). */
  kept?: true;
}

const DAY_MS = 86_400_000;
const BANGKOK_MS = 7 * 3_600_000;
/** The last Bangkok day worked out, with the moments it spans: every answer asks for it. */
let lastDay = { from: 0, to: 0, day: '' };

/** bangkokDay, worked out again only when the day changed (it writes a whole ISO date). */
function dayOf(now: Date): string {
  const t = now.getTime();
  if (t >= lastDay.from && t < lastDay.to) return lastDay.day;
  const from = Math.floor((t + BANGKOK_MS) / DAY_MS) * DAY_MS - BANGKOK_MS;
  lastDay = { from, to: from + DAY_MS, day: bangkokDay(now) };
  return lastDay.day;
}

const editions = new Map<string, CompiledEdition>();
/** Survey steps per stored edition and instrument: editions never change, so they are built once. */
const surveySteps = new Map<string, FormStep[]>();

/** The compiled edition a round was opened with (stored text, immutable: cached by id). */
export async function loadRoundEdition(
  ctx: ServiceContext,
  editionId: string,
): Promise<CompiledEdition> {
  const cached = editions.get(editionId);
  if (cached) return cached;
  const text = await findEditionSource(ctx.db.kysely, editionId);
  const checked = text === null ? null : checkEdition(parseYaml(text));
  if (!checked?.edition) throw new Error(`stored edition ${editionId} is missing or invalid`);
  const compiled = compileEdition(checked.edition);
  editions.set(editionId, compiled);
  return compiled;
}

function closedReason(link: SurveyLink, today: string): Message | null {
  if (link.roundState === 'setup') {
    return { th: 'แบบวัดนี้ยังไม่เปิดให้ตอบ', en: 'This survey is not open yet' };
  }
  if (link.roundState !== 'collecting') {
    return {
      th: 'แบบวัดนี้ปิดรับคำตอบแล้ว ขอบคุณที่สนใจ',
      en: 'This survey is closed. Thank you for your interest',
    };
  }
  if (link.closesOn && today > link.closesOn) {
    return {
      th: 'แบบวัดนี้ปิดรับคำตอบแล้ว ขอบคุณที่สนใจ',
      en: 'This survey is closed. Thank you for your interest',
    };
  }
  return null;
}

/**
 * How long a process keeps an open link it read, for the answers sent to it (ms): the same
 * time as the published pages' snapshots (page-cache.ts SNAPSHOT_RECHECK_MS). What is kept is
 * only believed for an answer, and each answer checks its link again in the transaction that
 * stores it (claimOpenSubmission): a link or round closed since is refused at once.
 */
const LINK_RECHECK_MS = 2000;
/** The most links a process keeps (only links that exist and were open). */
const MAX_KEPT_LINKS = 10_000;
/** Kept links per database handle (tests run many apps, each on its own database, in one process). */
const keptLinks = new WeakMap<object, Map<string, { link: SurveyLink; until: number }>>();

function keptLinksOf(ctx: ServiceContext) {
  let kept = keptLinks.get(ctx.db);
  if (!kept) {
    kept = new Map();
    keptLinks.set(ctx.db, kept);
  }
  return kept;
}

/** Reads a link, or takes it as kept when asked (`kept`); an open link read is kept a moment. */
async function readLink(
  ctx: ServiceContext,
  code: string,
  useKept: boolean,
  today: string,
): Promise<{ link: SurveyLink | null; kept: boolean }> {
  const kept = keptLinksOf(ctx);
  const found = useKept ? kept.get(code) : undefined;
  if (found && found.until > performance.now()) return { link: found.link, kept: true };
  const link = await findSurveyLinkByCode(ctx.db.kysely, code);
  if (link && closedReason(link, today) === null) {
    if (kept.size >= MAX_KEPT_LINKS) kept.clear();
    kept.set(code, { link, until: performance.now() + LINK_RECHECK_MS });
  } else kept.delete(code);
  return { link, kept: false };
}

/**
 * Finds a survey by its public link code; null when no such link exists. With `kept`, an open
 * link read less than LINK_RECHECK_MS ago is taken as read (for an answer: submitSurvey checks
 * the link again when it stores it); a closed one is always read again.
 */
export async function findOpenSurvey(
  ctx: ServiceContext,
  code: string,
  options: { kept?: boolean } = {},
): Promise<OpenSurvey | null> {
  if (!/^[A-Za-z0-9]{4,12}$/.test(code)) return null;
  const today = dayOf(ctx.clock.now());
  const read = await readLink(ctx, code.toUpperCase(), options.kept === true, today);
  const link = read.link;
  if (!link) return null;
  const compiled = await loadRoundEdition(ctx, link.editionId);
  const instrument = compiled.edition.instruments.find((i) => i.code === link.instrument);
  if (!instrument) return null;
  const stepsKey = `${link.editionId}:${instrument.code}`;
  let steps = surveySteps.get(stepsKey);
  if (!steps) {
    steps = buildSurveySteps(instrument, compiled.edition.scales);
    surveySteps.set(stepsKey, steps);
  }
  const closedBecause = closedReason(link, today);
  return { link, instrument, steps, compiled, closedBecause, ...(read.kept ? { kept: true } : {}) };
}

/** Forgets the links this process keeps of a database (after one of its links changed here). */
export function forgetKeptLinks(ctx: ServiceContext): void {
  keptLinks.get(ctx.db)?.clear();
}

/** The HMAC key of access codes: the configured secret, or one made once and kept in the database. */
export async function resolveCodeSecret(ctx: ServiceContext, configured?: string): Promise<string> {
  if (configured) return configured;
  return (
    (await getSetting(ctx.db.kysely, 'access_code_secret')) ??
    putSettingOnce(ctx.db.kysely, 'access_code_secret', ctx.ids.token(32))
  );
}

/** A new public link code (unambiguous letters and digits). */
export function newLinkCode(): string {
  return makeCode((n) => randomBytes(n), LINK_CODE_LENGTH);
}

const CODE_MESSAGES = {
  unknown: {
    th: 'ไม่พบรหัสนี้ กรุณาตรวจสอบรหัสบนบัตรอีกครั้ง',
    en: 'This code was not found; please check the code on your slip',
  },
  used: {
    th: 'รหัสนี้ถูกใช้ตอบแบบวัดไปแล้ว รหัสแต่ละรหัสใช้ได้ครั้งเดียว',
    en: 'This code has already been used; each code can be used once',
  },
} satisfies Record<string, Message>;

/** Checks a single-use code before the respondent starts (it is used only at the final submit). */
export async function checkAccessCode(
  ctx: ServiceContext,
  survey: OpenSurvey,
  code: string,
  secret: string,
): Promise<Message | null> {
  const state = await findAccessCodeState(
    ctx.db.kysely,
    survey.link.id,
    hashAccessCode(secret, normaliseCode(code)),
  );
  return state === 'unused' ? null : CODE_MESSAGES[state];
}

/**
 * Whether the one-answer-per-browser rule applies: on an open link, outside kiosk mode (a
 * shared device). A link with single-use codes is one answer per code already.
 */
export function oncePerBrowser(survey: OpenSurvey, kiosk: boolean): boolean {
  return !survey.link.requiresCode && !kiosk;
}

/**
 * What the browser's cookie of the link said: `exempt` when the rule does not apply, `missing`
 * when the browser sent no valid cookie (it keeps none), `started` after the consent page,
 * `answered` after an answer was stored.
 */
export type BrowserCheck = 'exempt' | 'missing' | 'started' | 'answered';

export type SubmitOutcome =
  | { kind: 'stored' }
  | { kind: 'duplicate' }
  | { kind: 'answered' }
  | { kind: 'no_cookie' }
  | { kind: 'closed'; message: Message }
  | { kind: 'code'; message: Message }
  | { kind: 'invalid'; step: number; problems: Record<string, Message> }
  /** The link changed (closed, or its settings) since it was read: read it again. */
  | { kind: 'changed' };

class CodeRefused extends Error {}

/**
 * Stores one anonymous response: every step is checked first, and on an open link the
 * browser's cookie (a browser that answered gets the thank-you page again for the very form it
 * sent, and a refusal for any other); then, in one transaction, the form's nonce is claimed (a
 * second submit of the same form stores nothing), the access code (if the link needs one) is
 * marked used, the answers are inserted with the day only, and the link's arrival window counts
 * one more answer (a count, not tied to the response).
 */
export async function submitSurvey(
  ctx: ServiceContext,
  survey: OpenSurvey,
  input: {
    form: Record<string, unknown>;
    nonce: string;
    accessCode: string | null;
    secret: string;
    /** The browser's cookie of the link; exempt when not given. */
    browser?: BrowserCheck;
    /** The form's answers if read already (collectAnswers of these steps and this form). */
    answers?: Record<string, string>;
  },
): Promise<SubmitOutcome> {
  if (survey.closedBecause) return { kind: 'closed', message: survey.closedBecause };
  const now = ctx.clock.now();
  const nonceHash = createHash('sha256').update(`${survey.link.id}:${input.nonce}`).digest('hex');
  const browser = survey.link.requiresCode ? 'exempt' : (input.browser ?? 'exempt');
  if (browser === 'missing') return { kind: 'no_cookie' };
  if (browser === 'answered') {
    const again = await isSubmissionClaimed(ctx.db.kysely, nonceHash);
    return { kind: again ? 'duplicate' : 'answered' };
  }
  if (!isComplete(survey.steps, input.form))
    for (const [index, step] of survey.steps.entries()) {
      const problems = findStepProblems(step, input.form);
      if (Object.keys(problems).length > 0) return { kind: 'invalid', step: index, problems };
    }
  if (survey.link.requiresCode && !input.accessCode)
    return { kind: 'code', message: CODE_MESSAGES.unknown };
  const day = dayOf(now);
  const window = arrivalWindowOf(now);
  const answers = input.answers ?? collectAnswers(survey.steps, input.form);
  // masked here, before the transaction: a name, phone or e-mail is never stored
  const comment = survey.instrument.comment ? prepareComment(input.form.comment) : null;
  try {
    // group commit: answers arriving together share one disk flush, each acknowledged after it
    const outcome: SubmitOutcome = await writeBatcherOf(ctx.db).run(async (trx) => {
      // the link is checked again here: closed (or changed) since it was read, nothing is stored
      const claim = await claimOpenSubmission(trx, nonceHash, day, survey.link);
      if (claim !== 'claimed')
        return { kind: claim === 'changed' ? 'changed' : 'duplicate' } as const;
      if (survey.link.requiresCode) {
        const hmac = hashAccessCode(input.secret, normaliseCode(input.accessCode ?? ''));
        if (!(await useAccessCode(trx, survey.link.id, hmac))) throw new CodeRefused();
      }
      const response = {
        id: ctx.ids.uuid(),
        roundId: survey.link.roundId,
        agencyId: survey.link.agencyId,
        instrument: survey.link.instrument,
        answers,
        submittedOn: day,
        source: 'web' as const,
        comment,
      };
      await insertResponse(trx, response);
      // last, so that on PostgreSQL the link's counter row is locked for the shortest time
      if ((await countArrival(trx, survey.link.id, window)) === 1)
        await sweepArrivals(trx, sweepBefore(now), survey.link.id);
      return { kind: 'stored' } as const;
    });
    if (outcome.kind === 'changed') forgetKeptLinks(ctx);
    return outcome;
  } catch (error) {
    if (!(error instanceof CodeRefused)) throw error;
    const state = await findAccessCodeState(
      ctx.db.kysely,
      survey.link.id,
      hashAccessCode(input.secret, normaliseCode(input.accessCode ?? '')),
    );
    return { kind: 'code', message: CODE_MESSAGES[state === 'used' ? 'used' : 'unknown'] };
  }
}

/** Refuses a link code that does not exist, with a page-friendly message. */
export function surveyNotFound(): DomainError {
  return new DomainError('not_found', {
    th: 'ไม่พบแบบวัดนี้ กรุณาตรวจสอบลิงก์หรือ QR code อีกครั้ง',
    en: 'Survey not found; please check the link or QR code',
  });
}
