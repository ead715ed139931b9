/**
 * A checkpoint of the audit chain: the sequence number and hash of its newest entry at a
 * moment, kept OUTSIDE the database (printed, appended to a file, copied elsewhere). The chain
 * alone proves that no entry was changed or removed in the middle; only a checkpoint kept
 * elsewhere proves that the newest entries were not removed: the chain must still reach it.
 */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  /** When it was taken (ISO-8601), for people reading the file. */
  at: string;
}

const LINE = /^prongsai-audit-checkpoint seq=(\d+) hash=([0-9a-f]{64}) at=(\S+)$/;

/** One line of a checkpoint file. */
export function formatCheckpoint(checkpoint: AuditCheckpoint): string {
  return `prongsai-audit-checkpoint seq=${checkpoint.seq} hash=${checkpoint.hash} at=${checkpoint.at}`;
}

/**
 * The checkpoints of a file's text (other lines are left alone), or the line numbers that look
 * like a checkpoint but are not one.
 */
export function parseCheckpoints(text: string): {
  checkpoints: AuditCheckpoint[];
  badLines: number[];
} {
  const checkpoints: AuditCheckpoint[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (!trimmed.startsWith('prongsai-audit-checkpoint')) return;
    const match = LINE.exec(trimmed);
    if (!match) badLines.push(index + 1);
    else checkpoints.push({ seq: Number(match[1]), hash: match[2] ?? '', at: match[3] ?? '' });
  });
  return { checkpoints, badLines };
}

/**
 * The first checkpoint the chain no longer reaches: its entry is gone (the newest entries were
 * deleted) or holds another hash (rewritten). `hashAt` gives the hash of an entry, if it exists.
 */
export function firstMissedCheckpoint(
  checkpoints: readonly AuditCheckpoint[],
  hashAt: (seq: number) => string | undefined,
): AuditCheckpoint | null {
  for (const checkpoint of [...checkpoints].sort((a, b) => a.seq - b.seq))
    if (hashAt(checkpoint.seq) !== checkpoint.hash) return checkpoint;
  return null;
}
