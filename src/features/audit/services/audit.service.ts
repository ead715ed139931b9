import type { Kysely } from 'kysely';
import { CHAIN_START, findAuditBreak } from '../core/hash-chain.js';
import { appendAuditEntry, listAuditEntries } from '../db/audit.repository.js';
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

/** Checks the whole audit chain, a page at a time; `brokenAt` is the first bad sequence number. */
export async function verifyAuditLog(
  ctx: ServiceContext,
): Promise<{ entries: number; brokenAt: number | null }> {
  let position = CHAIN_START;
  let entries = 0;
  for (;;) {
    const page = await listAuditEntries(ctx.db.kysely, position.nextSeq - 1, 1000);
    if (page.length === 0) return { entries, brokenAt: null };
    const result = findAuditBreak(page, position);
    if (result.brokenAt !== null)
      return { entries: entries + page.length, brokenAt: result.brokenAt };
    entries += page.length;
    position = result.position;
  }
}
