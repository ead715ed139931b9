import { createHash } from 'node:crypto';

/** One administrative decision as it enters the audit log. */
export interface AuditEntry {
  seq: number;
  at: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  agencyId: string | null;
  details: Record<string, unknown>;
}

/** The hash the log starts from. */
export const GENESIS_HASH = '0'.repeat(64);

/** Writes a value as JSON with object keys sorted, so the same content always hashes the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Chains an entry to the previous hash: changing or removing any earlier entry breaks every later hash. */
export function computeAuditHash(prevHash: string, entry: AuditEntry): string {
  return createHash('sha256').update(prevHash).update('\n').update(stableJson(entry)).digest('hex');
}

export interface StoredAuditEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

/** Where a verification stands: the hash and sequence number the next entry must link to. */
export interface ChainPosition {
  prevHash: string;
  nextSeq: number;
}

export const CHAIN_START: ChainPosition = { prevHash: GENESIS_HASH, nextSeq: 1 };

/**
 * Checks entries in order from a position (the start of the log by default, or where the
 * previous page ended). Returns the first sequence number where the chain breaks, or null, and
 * the position after the last entry.
 */
export function findAuditBreak(
  entries: readonly StoredAuditEntry[],
  from: ChainPosition = CHAIN_START,
): { brokenAt: number | null; position: ChainPosition } {
  let { prevHash: prev, nextSeq } = from;
  for (const entry of entries) {
    const { prevHash, hash, ...content } = entry;
    if (entry.seq !== nextSeq || prevHash !== prev || computeAuditHash(prev, content) !== hash) {
      return { brokenAt: entry.seq, position: { prevHash: prev, nextSeq } };
    }
    prev = hash;
    nextSeq += 1;
  }
  return { brokenAt: null, position: { prevHash: prev, nextSeq } };
}
