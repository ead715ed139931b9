import type { Kysely, Selectable } from 'kysely';
import {
  computeAuditHash,
  GENESIS_HASH,
  type AuditEntry,
  type StoredAuditEntry,
} from '../core/hash-chain.js';
import type { AuditLogTable, Database } from '../../../platform/db/schema.js';

/**
 * Appends an entry to the hash-chained audit log inside the caller's transaction. The
 * primary key on `seq` makes two concurrent writers collide instead of forking the chain;
 * the caller retries (see withRetry in the audit service).
 */
export async function appendAuditEntry(
  db: Kysely<Database>,
  entry: Omit<AuditEntry, 'seq'>,
): Promise<StoredAuditEntry> {
  const last = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = last ? Number(last.seq) + 1 : 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const full: AuditEntry = { ...entry, seq };
  const hash = computeAuditHash(prevHash, full);
  await db
    .insertInto('audit_log')
    .values({
      seq,
      at: full.at,
      actor_user_id: full.actorUserId,
      action: full.action,
      entity_type: full.entityType,
      entity_id: full.entityId,
      agency_id: full.agencyId,
      details_json: JSON.stringify(full.details),
      prev_hash: prevHash,
      hash,
    })
    .execute();
  return { ...full, prevHash, hash };
}

function toStoredEntry(r: Selectable<AuditLogTable>): StoredAuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    actorUserId: r.actor_user_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    agencyId: r.agency_id,
    details: JSON.parse(r.details_json) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Reads the log in order, a page at a time. */
export async function listAuditEntries(
  db: Kysely<Database>,
  afterSeq: number,
  limit: number,
): Promise<StoredAuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toStoredEntry);
}

/** The newest entries, newest first (for screens). */
export async function listRecentAudit(
  db: Kysely<Database>,
  limit: number,
): Promise<StoredAuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('seq')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const last = Number(rows?.seq ?? 0);
  const entries = await listAuditEntries(db, Math.max(0, last - limit), limit);
  return entries.reverse();
}

/**
 * The entries of one entity with the given actions, oldest first (for a screen that shows why
 * something happened, such as a withdrawn round's page). The log has no index on entities:
 * call it only where such entries are expected.
 */
export async function listEntityAudit(
  db: Kysely<Database>,
  entity: { entityType: string; entityId: string; actions: readonly string[] },
): Promise<StoredAuditEntry[]> {
  if (entity.actions.length === 0) return [];
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', entity.entityType)
    .where('entity_id', '=', entity.entityId)
    .where('action', 'in', entity.actions)
    .orderBy('seq')
    .execute();
  return rows.map(toStoredEntry);
}
