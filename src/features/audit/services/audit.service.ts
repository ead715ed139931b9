import type { Kysely } from 'kysely';
import { CHAIN_START, findAuditBreak } from '../core/hash-chain.js';
import { appendAuditEntry, listAuditEntries } from '../db/audit.repository.js';
import { firstMissedCheckpoint, type AuditCheckpoint } from '../core/checkpoint.js';
import { DomainError } from '../../../core/errors.js';
import type { Database } from '../../../platform/db/schema.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';

const RETRIES = 8;

function isWriteConflict(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  // 23505 unique violation, 40001 serialization failure (PostgreSQL); SQLITE_BUSY*, SQLITE_CONSTRAINT_PRIMARYKEY
  return (
    code === '23505' ||
    code === '40001' ||
    code.startsWith('SQLITE_BUSY') ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * Runs `work` in a transaction, again when another process won a race for the same row
 * (the audit sequence, mostly): several server processes can write at once.
 */
export async function inTransaction<T>(
  ctx: ServiceContext,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ctx.db.kysely.transaction().execute(work);
    } catch (error) {
      if (attempt >= RETRIES || !isWriteConflict(error)) throw error;
      await new Promise((resolve) =>
        setTimeout(resolve, 5 * attempt + Math.floor(Math.random() * 10)),
      );
    }
  }
}

/** Appends one administrative decision to the audit log, inside the caller's transaction. */
export async function recordAudit(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  actor: Actor | null,
  entry: {
    action: string;
    entityType: string;
    entityId: string | null;
    agencyId: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await appendAuditEntry(trx, {
    at: nowIso(ctx),
    actorUserId: actor?.user.id ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    agencyId: entry.agencyId,
    details: entry.details ?? {},
  });
}

/** What a verification found. */
export interface AuditVerification {
  entries: number;
  /** The first sequence number where the chain breaks, or null. */
  brokenAt: number | null;
  /** The first checkpoint the chain no longer reaches (newest entries removed), or null. */
  missedCheckpoint: AuditCheckpoint | null;
  /** The newest entry verified (null when the log is empty or broken). */
  head: { seq: number; hash: string } | null;
}

/**
 * Checks the whole audit chain, a page at a time, and that it still reaches every checkpoint
 * kept outside the database.
 */
export async function verifyAuditLog(
  ctx: ServiceContext,
  checkpoints: readonly AuditCheckpoint[] = [],
): Promise<AuditVerification> {
  const wanted = new Map(checkpoints.map((c) => [c.seq, c.hash]));
  const seen = new Map<number, string>();
  let position = CHAIN_START;
  let entries = 0;
  for (;;) {
    const page = await listAuditEntries(ctx.db.kysely, position.nextSeq - 1, 1000);
    for (const entry of page) if (wanted.has(entry.seq)) seen.set(entry.seq, entry.hash);
    if (page.length === 0) {
      const missedCheckpoint = firstMissedCheckpoint(checkpoints, (seq) => seen.get(seq));
      const head = entries > 0 ? { seq: position.nextSeq - 1, hash: position.prevHash } : null;
      return { entries, brokenAt: null, missedCheckpoint, head };
    }
    const result = findAuditBreak(page, position);
    if (result.brokenAt !== null)
      return {
        entries: entries + page.length,
        brokenAt: result.brokenAt,
        missedCheckpoint: null,
        head: null,
      };
    entries += page.length;
    position = result.position;
  }
}

/** A checkpoint of the chain as it is now (after verifying it), or null when the log is empty. */
export async function takeAuditCheckpoint(ctx: ServiceContext): Promise<AuditCheckpoint | null> {
  const verification = await verifyAuditLog(ctx);
  if (verification.brokenAt !== null)
    throw new DomainError('audit_broken', {
      th: `บันทึกการตรวจสอบถูกแก้ไขที่ลำดับ ${verification.brokenAt} จึงไม่บันทึกจุดตรวจ`,
      en: `The audit log is broken at entry ${verification.brokenAt}; no checkpoint was taken`,
    });
  return verification.head && { ...verification.head, at: nowIso(ctx) };
}
