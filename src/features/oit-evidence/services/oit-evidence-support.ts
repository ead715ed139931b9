import type { Kysely } from 'kysely';
import { DomainError } from '../../../core/errors.js';
import type { Edition, Element, Text } from '../../../core/framework/edition.schema.js';
import { mayViewEvidence, type EvidenceActor } from '../core/evidence-policy.js';
import { isEvidenceStatus, type EvidenceStatus } from '../core/evidence-status.js';
import type { FetchLimits } from '../../../platform/infra/link-fetcher.js';
import {
  listEvidence,
  listFiles,
  listLinks,
  listSubmissionSnapshots,
  type EvidenceFile,
  type EvidenceLink,
  type EvidenceRecord,
  type LinkSnapshotRecord,
} from '../db/oit-evidence.repository.js';
import { findRound, type Round } from '../../rounds/feature.js';
import type { Database } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/services/context.js';

/** How large an upload may be and how links are fetched (from the app's settings). */
export interface EvidenceSettings {
  maxUploadBytes: number;
  fetchLimits: FetchLimits;
}

/** One OIT item of the round's edition with its sub-indicator. */
export interface OitItemDef {
  code: string;
  name: Text;
  elements: Element[];
  period: string;
  /** Documents Prongsai publishes that belong to this item (edition data). */
  generatedEvidence: readonly string[];
  subindicator: { code: string; name: Text };
}

/** The OIT items of an edition in order, each with its sub-indicator. */
export function listEditionOitItems(edition: Edition): OitItemDef[] {
  const items: OitItemDef[] = [];
  for (const instrument of edition.instruments.filter((i) => i.kind === 'checklist'))
    for (const indicator of instrument.indicators)
      for (const sub of indicator.subindicators ?? [])
        for (const item of sub.items)
          items.push({
            code: item.code,
            name: item.name,
            elements: item.elements,
            period: item.period,
            generatedEvidence: item.generated_evidence ?? [],
            subindicator: { code: sub.code, name: sub.name },
          });
  return items;
}

/** An item's evidence with its links, files and submission snapshots. */
export interface ItemEvidence {
  item: OitItemDef;
  evidence: EvidenceRecord | null;
  status: EvidenceStatus;
  links: EvidenceLink[];
  files: EvidenceFile[];
  snapshots: LinkSnapshotRecord[];
}

/** The policy's view of an actor. */
export function policyActor(actor: Actor): EvidenceActor {
  return { userId: actor.user.id, grants: actor.grants };
}

/** Not found: for rounds, items and files out of reach alike. */
export function evidenceNotFound(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบข้อมูลที่ต้องการ', en: 'Not found' });
}

/** A round whose evidence the actor may see (read in `db`), or not found. */
export async function loadEvidenceRound(
  db: Kysely<Database>,
  actor: Actor,
  roundId: string,
): Promise<Round> {
  const round = await findRound(db, roundId);
  if (!round || !mayViewEvidence(policyActor(actor), round.agencyPath)) throw evidenceNotFound();
  return round;
}

/** Refuses changes once the round has left set-up and collecting. */
export function assertEvidenceOpen(round: Round): void {
  if (round.state === 'setup' || round.state === 'collecting') return;
  throw new DomainError('round_not_collecting', {
    th: 'รอบการประเมินนี้ปิดรับหลักฐาน OIT แล้ว จึงแก้ไขไม่ได้',
    en: 'This round no longer takes OIT evidence, so it cannot be changed',
  });
}

/** Every item of the edition with what the agency has entered for it. */
export async function loadItemEvidence(
  db: Kysely<Database>,
  roundId: string,
  items: readonly OitItemDef[],
): Promise<ItemEvidence[]> {
  const records = await listEvidence(db, roundId);
  const ids = records.map((r) => r.id);
  const [links, files] = await Promise.all([listLinks(db, ids), listFiles(db, ids)]);
  const snapshots = await listSubmissionSnapshots(
    db,
    links.map((l) => l.id),
  );
  return items.map((item) => {
    const evidence = records.find((r) => r.itemCode === item.code) ?? null;
    const own = links.filter((l) => l.evidenceId === evidence?.id);
    return {
      item,
      evidence,
      status: evidence && isEvidenceStatus(evidence.status) ? evidence.status : 'draft',
      links: own,
      files: files.filter((f) => f.evidenceId === evidence?.id),
      snapshots: snapshots.filter((s) => own.some((l) => l.id === s.linkId)),
    };
  });
}
