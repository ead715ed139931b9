import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isAllowed, ROOT_PATH } from '../../../core/access/roles.js';
import { DomainError } from '../../../core/errors.js';
import type { Edition } from '../../../core/framework/edition.schema.js';
import {
  canMoveRound,
  moveActionOf,
  ROUND_STATE_NAMES,
  ROUND_STATES,
  type RoundState,
} from '../core/round-state.js';
import { findAgencyById, listAgencies, type Agency } from '../../agencies/feature.js';
import {
  findEditionByCode,
  findEditionBySha,
  insertEdition,
  type StoredEdition,
} from '../../editions/feature.js';
import {
  findScoreSnapshot,
  findRound,
  insertRound,
  listRounds,
  updateRoundState,
  type Round,
} from '../db/round.repository.js';
import type { Database } from '../../../platform/db/schema.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';
import { listBundledEditions, readEditionFile, type EditionFile } from '../../editions/feature.js';

export type { Round } from '../db/round.repository.js';

export const OpenRoundsSchema = z.object({
  parentAgencyId: z
    .string()
    .trim()
    .min(1, { message: 'กรุณาเลือกหน่วยงานต้นสังกัด / choose the parent body' }),
  editionCode: z.string().trim().min(1, { message: 'กรุณาเลือกฉบับเกณฑ์ / choose an edition' }),
  includeParent: z.boolean().default(false),
});

/** One agency's round in the outcome of opening rounds. */
export interface OpenedRound {
  roundId: string;
  agencyId: string;
  agencyCode: string;
  agencyNameTh: string;
}

/** What opening rounds for a parent body did: rounds created, agencies skipped (already open). */
export interface OpenRoundsResult {
  edition: StoredEdition;
  created: OpenedRound[];
  skipped: OpenedRound[];
}

function roundNotFound(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบรอบการประเมิน', en: 'Round not found' });
}

/** Reads a bundled edition (never an arbitrary path) and refuses one with errors. */
function readBundledEdition(editionId: string): EditionFile & { edition: Edition } {
  if (!listBundledEditions().includes(editionId)) {
    throw new DomainError(
      'edition_not_found',
      {
        th: `ไม่พบฉบับเกณฑ์ "${editionId}" (ฉบับที่มีให้: ${listBundledEditions().join(', ')})`,
        en: `Edition "${editionId}" not found (bundled: ${listBundledEditions().join(', ')})`,
      },
      { field: 'editionCode' },
    );
  }
  const file = readEditionFile(editionId);
  const errors = file.problems.filter((p) => p.severity === 'error');
  if (!file.edition || errors.length > 0) {
    throw new DomainError('invalid_edition', {
      th: `ฉบับเกณฑ์ ${editionId} มีข้อผิดพลาด ${errors.length} จุด: ตรวจด้วย prongsai framework check`,
      en: `Edition ${editionId} has ${errors.length} error(s): run prongsai framework check`,
    });
  }
  return { ...file, edition: file.edition };
}

async function storeEdition(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  actor: Actor | null,
  file: EditionFile & { edition: Edition },
): Promise<StoredEdition> {
  const same = await findEditionBySha(trx, file.sha256);
  if (same) return same;
  const { id: code, year, version, status } = file.edition;
  const clash = await findEditionByCode(trx, code, version);
  if (clash) {
    throw new DomainError('edition_changed', {
      th: `ฉบับเกณฑ์ ${code} รุ่น ${version} บันทึกไว้แล้วด้วยเนื้อหาอื่น (sha256 ${clash.sha256.slice(0, 12)}…) ฉบับเกณฑ์แก้ไขไม่ได้: การแก้ไขต้องออกเป็นรุ่นใหม่`,
      en: `Edition ${code} version ${version} is already stored with other content (sha256 ${clash.sha256.slice(0, 12)}…); editions are immutable: a fix is a new version`,
    });
  }
  const stored: StoredEdition = {
    id: ctx.ids.uuid(),
    code,
    year,
    version,
    sha256: file.sha256,
    status,
  };
  await insertEdition(trx, { ...stored, sourceText: file.text }, nowIso(ctx));
  await recordAudit(trx, ctx, actor, {
    action: 'edition.store',
    entityType: 'edition',
    entityId: stored.id,
    agencyId: null,
    details: { code, version, sha256: file.sha256 },
  });
  return stored;
}

/** Stores a bundled edition's text and sha256 once and returns its row (an edition never changes). */
export async function ensureEditionStored(
  ctx: ServiceContext,
  editionId: string,
  actor: Actor | null = null,
): Promise<StoredEdition> {
  const file = readBundledEdition(editionId);
  return inTransaction(ctx, (trx) => storeEdition(trx, ctx, actor, file));
}

function toOpened(agency: Agency, roundId: string): OpenedRound {
  return { roundId, agencyId: agency.id, agencyCode: agency.code, agencyNameTh: agency.nameTh };
}

/** Opens a round on an edition for every unit under a parent body at once (one transaction). */
export async function openRounds(
  ctx: ServiceContext,
  actor: Actor,
  input: z.input<typeof OpenRoundsSchema>,
): Promise<OpenRoundsResult> {
  const data = OpenRoundsSchema.parse(input);
  const parent = await findAgencyById(ctx.db.kysely, data.parentAgencyId);
  if (!parent || !isAllowed(actor.grants, 'round.open', parent.path)) {
    throw new DomainError(
      'forbidden',
      {
        th: 'คุณเปิดรอบการประเมินให้หน่วยงานนี้ไม่ได้',
        en: 'You may not open rounds for this agency',
      },
      { field: 'parentAgencyId' },
    );
  }
  const file = readBundledEdition(data.editionCode);
  return inTransaction(ctx, async (trx) => {
    const edition = await storeEdition(trx, ctx, actor, file);
    const subtree = await listAgencies(trx, [parent.path]);
    const agencies = subtree.filter((a) => data.includeParent || a.id !== parent.id);
    const rounds = await listRounds(trx, [parent.path]);
    const existing = new Map(
      rounds.filter((r) => r.editionId === edition.id).map((r) => [r.agencyId, r.id]),
    );
    const result: OpenRoundsResult = { edition, created: [], skipped: [] };
    for (const agency of agencies) {
      const prior = existing.get(agency.id);
      if (prior) {
        result.skipped.push(toOpened(agency, prior));
        continue;
      }
      const roundId = ctx.ids.uuid();
      const round = {
        id: roundId,
        agencyId: agency.id,
        editionId: edition.id,
        openedBy: actor.user.id,
      };
      await insertRound(trx, round, nowIso(ctx));
      await recordAudit(trx, ctx, actor, {
        action: 'round.open',
        entityType: 'round',
        entityId: roundId,
        agencyId: agency.id,
        details: { edition: edition.code, version: edition.version, parentAgencyId: parent.id },
      });
      result.created.push(toOpened(agency, roundId));
    }
    return result;
  });
}

/** Rounds the actor may see (all for a system administrator), optionally in one state only. */
export async function listVisibleRounds(
  ctx: ServiceContext,
  actor: Actor,
  filter: { state?: RoundState | undefined } = {},
): Promise<Round[]> {
  const prefixes = isAllowed(actor.grants, 'round.view', ROOT_PATH)
    ? null
    : actor.grants.flatMap((g) => (g.agencyPath ? [g.agencyPath] : []));
  const rounds = await listRounds(ctx.db.kysely, prefixes);
  return rounds.filter(
    (r) =>
      isAllowed(actor.grants, 'round.view', r.agencyPath) &&
      (filter.state === undefined || r.state === filter.state),
  );
}

/** A round the actor may see, or not found (saying nothing about rounds out of reach). */
export async function getVisibleRound(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
): Promise<Round> {
  const round = await findRound(ctx.db.kysely, roundId);
  if (!round || !isAllowed(actor.grants, 'round.view', round.agencyPath)) throw roundNotFound();
  return round;
}

function stateName(state: string): { th: string; en: string } {
  return (ROUND_STATES as readonly string[]).includes(state)
    ? ROUND_STATE_NAMES[state as RoundState]
    : { th: state, en: state };
}

/** Moves a round to another state if the rules allow; a concurrent move loses cleanly; audited. */
export async function moveRound(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  to: RoundState,
  afterMove?: (trx: Kysely<Database>) => Promise<void>,
): Promise<Round> {
  return inTransaction(ctx, async (trx) => {
    const round = await findRound(trx, roundId);
    if (!round || !isAllowed(actor.grants, 'round.view', round.agencyPath)) throw roundNotFound();
    if (!isAllowed(actor.grants, moveActionOf(to), round.agencyPath)) {
      throw new DomainError('forbidden', {
        th: 'คุณไม่มีสิทธิ์เปลี่ยนสถานะรอบการประเมินนี้',
        en: 'You may not change the state of this round',
      });
    }
    const from = round.state;
    if (!canMoveRound(from, to)) {
      throw new DomainError('invalid_transition', {
        th: `เปลี่ยนสถานะจาก "${stateName(from).th}" เป็น "${stateName(to).th}" ไม่ได้`,
        en: `A round cannot move from "${stateName(from).en}" to "${stateName(to).en}"`,
      });
    }
    const now = nowIso(ctx);
    if (!(await updateRoundState(trx, roundId, from, to, now))) {
      throw new DomainError('round_changed', {
        th: 'มีผู้อื่นเปลี่ยนสถานะรอบนี้ไปพร้อมกัน กรุณาโหลดหน้าใหม่แล้วตรวจสอบอีกครั้ง',
        en: 'Someone else changed this round at the same time; reload and check again',
      });
    }
    await recordAudit(trx, ctx, actor, {
      action: 'round.move',
      entityType: 'round',
      entityId: roundId,
      agencyId: round.agencyId,
      details: { from, to },
    });
    await afterMove?.(trx);
    // a confirmed round must carry its score snapshot (reports reproduce from it)
    if (to === 'confirmed' && !(await findScoreSnapshot(trx, roundId))) {
      throw new DomainError('no_score_snapshot', {
        th: 'ยืนยันผลได้จากหน้าผลการตรวจ OIT เท่านั้น ซึ่งจะบันทึกคะแนนของรอบไว้ด้วย',
        en: "Confirm a round from its OIT review page, which stores the round's scores",
      });
    }
    return { ...round, state: to, updatedAt: now };
  });
}
