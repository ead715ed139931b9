import { describe, expect, it } from 'vitest';
import {
  computeAuditHash,
  findAuditBreak,
  GENESIS_HASH,
  stableJson,
  type StoredAuditEntry,
} from './hash-chain.js';

function chain(n: number): StoredAuditEntry[] {
  const out: StoredAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const entry = {
      seq,
      at: `2026-01-0${seq}T00:00:00.000Z`,
      actorUserId: 'u1',
      action: 'agency.create',
      entityType: 'agency',
      entityId: `a${seq}`,
      agencyId: null,
      details: { b: 2, a: [1, { z: 1, y: 'ไทย' }] },
    };
    const hash = computeAuditHash(prev, entry);
    out.push({ ...entry, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit hash chain', () => {
  it('verifies an untouched log', () => {
    expect(findAuditBreak(chain(5)).brokenAt).toBeNull();
    const log = chain(6);
    const first = findAuditBreak(log.slice(0, 3));
    expect(findAuditBreak(log.slice(3), first.position).brokenAt).toBeNull();
  });

  it('finds an edited entry', () => {
    const log = chain(5);
    log[2] = { ...log[2]!, details: { b: 3 } };
    expect(findAuditBreak(log).brokenAt).toBe(3);
  });

  it('finds a removed entry, in the middle or at the start', () => {
    const log = chain(5);
    expect(findAuditBreak([...log.slice(0, 2), ...log.slice(3)]).brokenAt).toBe(4);
    expect(findAuditBreak(log.slice(1)).brokenAt).toBe(2);
  });

  it('hashes content independently of key order', () => {
    expect(stableJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
  });
});
