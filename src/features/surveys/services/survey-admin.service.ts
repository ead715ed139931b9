import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import { isAllowed } from '../../../core/access/roles.js';
import type { Instrument } from '../../../core/framework/edition.schema.js';
import { ACCESS_CODE_LENGTH, formatCode, hashAccessCode, makeCode } from '../core/access-code.js';
import { findAgencyById } from '../../agencies/feature.js';
import { findRound, type Round } from '../../rounds/feature.js';
import type { Database } from '../../../platform/db/schema.js';
import {
  countAccessCodes,
  countResponsesByDay,
  insertAccessCodes,
  insertSurveyLink,
  listSurveyLinksOfRound,
  nextAccessCodeBatch,
  updateSurveyLinkSettings,
  type SurveyLink,
} from '../db/survey.repository.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import {
  describeCockpitInstrument,
  scoreLiveSurveys,
  type CockpitInstrument,
} from './survey-admin-cockpit.service.js';
import { loadRoundEdition, newLinkCode, resolveCodeSecret } from './survey.service.js';
import { assertPlausibleDays, bangkokDay, dayField } from '../../../core/thai-calendar.js';

export type { SurveyLink } from '../db/survey.repository.js';
export type {
  CockpitInstrument,
  LiveIndicatorScore,
  LiveQuestionScore,
  LiveScores,
} from './survey-admin-cockpit.service.js';

/** Most single-use codes issued at once (one printed batch). */
export const MAX_CODES_PER_BATCH = 2000;

/** Refusal for a round the actor may not see (never says whether it exists). */
function roundNotFound(): DomainError {
  return new DomainError('not_found', {
    th: 'ไม่พบรอบการประเมินนี้',
    en: 'Assessment round not found',
  });
}

/** The round, if the actor may see it; and refused (403) unless they may manage its links. */
async function findRoundFor(
  db: Kysely<Database>,
  actor: Actor,
  roundId: string,
  manage: boolean,
): Promise<Round> {
  const round = await findRound(db, roundId);
  if (!round || !isAllowed(actor.grants, 'round.view', round.agencyPath)) throw roundNotFound();
  if (manage && !isAllowed(actor.grants, 'survey.manage', round.agencyPath)) {
    throw new DomainError('forbidden', {
      th: 'คุณไม่มีสิทธิ์จัดการลิงก์แบบวัดของหน่วยงานนี้',
      en: 'You may not manage the survey links of this agency',
    });
  }
  return round;
}

/**
 * Makes sure the round has one public link per survey instrument (IIT, EIT), creating the
 * missing ones; the agency's administrators (and those above) may do this.
 */
export async function ensureSurveyLinks(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<SurveyLink[]> {
  const round = await findRoundFor(ctx.db.kysely, actor, roundId, true);
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const surveys = compiled.edition.instruments
    .filter((i) => i.kind === 'survey')
    .map((i) => i.code);
  return inTransaction(ctx, async (trx) => {
    const existing = await listSurveyLinksOfRound(trx, roundId);
    for (const instrument of surveys) {
      if (existing.some((l) => l.instrument === instrument)) continue;
      const link = {
        id: ctx.ids.uuid(),
        roundId,
        instrument,
        code: newLinkCode(),
        requiresCode: false,
        closesOn: null,
      };
      await insertSurveyLink(trx, link, nowIso(ctx));
      await recordAudit(trx, ctx, actor, {
        action: 'survey_link.create',
        entityType: 'survey_link',
        entityId: link.id,
        agencyId: round.agencyId,
        details: { roundId, instrument, code: link.code },
      });
    }
    return listSurveyLinksOfRound(trx, roundId);
  });
}

function linkNotFound(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบลิงก์แบบวัดนี้', en: 'Survey link not found' });
}

/** A link the actor may manage, with its round; not found for links out of their reach. */
async function findManagedLink(
  db: Kysely<Database>,
  actor: Actor,
  linkId: string,
): Promise<{ link: SurveyLink; round: Round }> {
  // Belongs in survey.repository (findSurveyLinkById): kept here until that file is free.
  const row = await db
    .selectFrom('survey_link')
    .select('round_id')
    .where('id', '=', linkId)
    .executeTakeFirst();
  if (!row) throw linkNotFound();
  const round = await findRoundFor(db, actor, row.round_id, true).catch((error: unknown) => {
    throw error instanceof DomainError && error.code === 'not_found' ? linkNotFound() : error;
  });
  const link = (await listSurveyLinksOfRound(db, round.id)).find((l) => l.id === linkId);
  if (!link) throw linkNotFound();
  return { link, round };
}

function assertTakesAnswers(round: Round): void {
  if (round.state === 'setup' || round.state === 'collecting') return;
  throw new DomainError('survey_closed', {
    th: 'รอบการประเมินนี้ผ่านช่วงเก็บข้อมูลแบบวัดแล้ว จึงเปลี่ยนการตั้งค่าหรือออกรหัสไม่ได้',
    en: 'This round is past survey collection: its settings and codes can no longer change',
  });
}

/** Settings of a public link: single-use codes required or not, last day answers are taken. */
export const LinkSettingsSchema = z.object({
  requiresCode: z.boolean(),
  closesOn: dayField().nullable(),
});
export type LinkSettings = z.infer<typeof LinkSettingsSchema>;

/**
 * Checks settings before they are saved: a closing day must lie within five years of today
 * (a zod error beside the field otherwise). `closesNow`: the day is already past, so saving
 * closes the survey at once, which the person confirms first.
 */
export function checkLinkSettings(
  ctx: ServiceContext,
  input: LinkSettings,
): { settings: LinkSettings; closesNow: boolean } {
  const settings = LinkSettingsSchema.parse(input);
  const today = bangkokDay(ctx.clock.now());
  assertPlausibleDays(today, { closesOn: settings.closesOn });
  return { settings, closesNow: settings.closesOn !== null && settings.closesOn < today };
}

/** Changes whether a link needs single-use codes and its closing date; audited. */
export async function updateLinkSettings(
  ctx: ServiceContext,
  actor: Actor,
  linkId: string,
  input: LinkSettings,
): Promise<SurveyLink> {
  const { settings } = checkLinkSettings(ctx, input);
  return inTransaction(ctx, async (trx) => {
    const { link, round } = await findManagedLink(trx, actor, linkId);
    assertTakesAnswers(round);
    await updateSurveyLinkSettings(trx, linkId, settings);
    await recordAudit(trx, ctx, actor, {
      action: 'survey_link.settings',
      entityType: 'survey_link',
      entityId: linkId,
      agencyId: round.agencyId,
      details: {
        roundId: round.id,
        instrument: link.instrument,
        from: { requiresCode: link.requiresCode, closesOn: link.closesOn },
        to: settings,
      },
    });
    return { ...link, ...settings };
  });
}

/** A printed batch: the plain codes exist only in this value, never in the database. */
export interface IssuedCodes {
  link: SurveyLink;
  batch: number;
  /** Formatted for reading and typing (ABCDE-FGHJK). */
  codes: string[];
}

function makeAccessCodes(count: number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(makeCode((n) => randomBytes(n), ACCESS_CODE_LENGTH));
  return [...codes];
}

/**
 * Issues a batch of 1–2000 single-use codes for a link: stores only their HMACs and returns
 * the plain codes once, for printing; the audit log records the count and batch only.
 */
export async function issueAccessCodes(
  ctx: ServiceContext,
  actor: Actor,
  linkId: string,
  count: number,
  configuredSecret: string | undefined,
): Promise<IssuedCodes> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_CODES_PER_BATCH) {
    throw new DomainError(
      'invalid_count',
      {
        th: `จำนวนรหัสต้องเป็นจำนวนเต็ม 1–${MAX_CODES_PER_BATCH}`,
        en: `The number of codes must be a whole number from 1 to ${MAX_CODES_PER_BATCH}`,
      },
      { field: 'count' },
    );
  }
  const secret = await resolveCodeSecret(ctx, configuredSecret);
  const codes = makeAccessCodes(count);
  return inTransaction(ctx, async (trx) => {
    const { link, round } = await findManagedLink(trx, actor, linkId);
    assertTakesAnswers(round);
    const batch = await nextAccessCodeBatch(trx, linkId);
    const rows = codes.map((code) => ({
      id: ctx.ids.uuid(),
      linkId,
      batch,
      codeHmac: hashAccessCode(secret, code),
    }));
    await insertAccessCodes(trx, rows);
    await recordAudit(trx, ctx, actor, {
      action: 'access_code.issue',
      entityType: 'survey_link',
      entityId: linkId,
      agencyId: round.agencyId,
      details: { roundId: round.id, instrument: link.instrument, batch, count },
    });
    return { link, batch, codes: codes.map(formatCode) };
  });
}

/** One survey instrument of a round with its link (null until created), for posters. */
export async function findRoundSurvey(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  instrumentCode: string,
): Promise<{ round: Round; instrument: Instrument; link: SurveyLink | null }> {
  const round = await findRoundFor(ctx.db.kysely, actor, roundId, false);
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const instrument = compiled.edition.instruments.find(
    (i) => i.code === instrumentCode && i.kind === 'survey',
  );
  if (!instrument) throw linkNotFound();
  const links = await listSurveyLinksOfRound(ctx.db.kysely, roundId);
  return { round, instrument, link: links.find((l) => l.instrument === instrumentCode) ?? null };
}

/** A round's survey collection at a glance. */
export interface Cockpit {
  round: Round;
  today: string;
  canManage: boolean;
  instruments: CockpitInstrument[];
}

/**
 * The round's survey cockpit (anyone who may see the round): per instrument its link, codes,
 * responses against the minimum sample (A7), a projection to the closing date and live scores
 * as far as the disclosure module lets them be seen (core/disclosure).
 */
export async function getCockpit(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<Cockpit> {
  const db = ctx.db.kysely;
  const round = await findRoundFor(db, actor, roundId, false);
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const surveys = compiled.edition.instruments.filter((i) => i.kind === 'survey');
  const [links, byDay, agency] = await Promise.all([
    listSurveyLinksOfRound(db, roundId),
    countResponsesByDay(db, roundId),
    findAgencyById(db, round.agencyId),
  ]);
  const live = await scoreLiveSurveys(ctx, compiled, round);
  const today = bangkokDay(ctx.clock.now());
  const instruments: CockpitInstrument[] = [];
  for (const survey of surveys) {
    const link = links.find((l) => l.instrument === survey.code) ?? null;
    const codes = link ? await countAccessCodes(db, link.id) : { issued: 0, used: 0 };
    const countsByDay = byDay.filter((d) => d.instrument === survey.code);
    const facts = { link, codes, countsByDay, today, live: live.get(survey.code) };
    const eligibleStaff = agency?.eligibleStaff ?? null;
    instruments.push(describeCockpitInstrument(compiled, survey, eligibleStaff, facts));
  }
  const canManage = isAllowed(actor.grants, 'survey.manage', round.agencyPath);
  return { round, today, canManage, instruments };
}
