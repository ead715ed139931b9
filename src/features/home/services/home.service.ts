import type { Grant, Role } from '../../../core/access/roles.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { listMeasures, viewsOf, type MeasureView } from '../../measures/feature.js';
import {
  countEvidenceByRound,
  itemProgress,
  loadOitWorkspace,
  type AgencyVerdict,
  type ItemEvidence,
  type ItemProgress,
  type OitWorkspace,
} from '../../oit-evidence/feature.js';
import { listReviewQueue, type ReviewQueueRound } from '../../oit-review/feature.js';
import { isRoundClosed, listActorRounds, type Round } from '../../rounds/feature.js';
import { nextStepOf, type NextStep } from '../core/next-step.js';

/** One OIT item the person owns, with where it stands and the messages it carries. */
export interface OwnedItem {
  workspace: OitWorkspace;
  entry: ItemEvidence;
  progress: ItemProgress;
  verdict: AgencyVerdict | null;
}

/** One item waiting for the head's approval. */
export interface ApprovalItem {
  workspace: OitWorkspace;
  entry: ItemEvidence;
}

/** A parent body's units: each running round with its OIT counts, and the roll-up. */
export interface UnitsPanel {
  agencyId: string;
  rounds: { round: Round; counts: Record<string, number> }[];
}

/** Everything a person's home lists, by role: late and waiting work first in each list. */
export interface HomeWork {
  ownedItems: OwnedItem[];
  ownedMeasures: { round: Round; measure: MeasureView }[];
  approvals: ApprovalItem[];
  reviews: ReviewQueueRound[];
  units: UnitsPanel[];
  nextSteps: { round: Round; step: NextStep }[];
}

const heldAt = (grants: readonly Grant[], role: Role, agencyPath: string) =>
  grants.some((g) => g.role === role && g.agencyPath === agencyPath);

/** How urgent an owned item is: sent back and not passed first, finished last. */
const URGENCY: Record<string, number> = {
  returned: 0,
  fail: 1,
  partial: 1,
  draft: 2,
  ready: 3,
  approved: 4,
};
const urgency = (item: OwnedItem) => URGENCY[item.progress.kind] ?? 5;

async function ownAgencyWork(ctx: ServiceContext, actor: Actor, rounds: readonly Round[]) {
  const ownedItems: OwnedItem[] = [];
  const approvals: ApprovalItem[] = [];
  for (const round of rounds) {
    const owner = heldAt(actor.grants, 'item_owner', round.agencyPath);
    const head = heldAt(actor.grants, 'head_of_agency', round.agencyPath);
    if (!owner && !head) continue;
    const workspace = await loadOitWorkspace(ctx, actor, round.id);
    for (const entry of workspace.items) {
      if (owner && entry.evidence?.ownerUserId === actor.user.id) {
        const verdict = workspace.verdicts.get(entry.item.code) ?? null;
        const returned = Boolean(entry.evidence.returnReason);
        const progress = itemProgress(round.state, entry.status, returned, verdict);
        ownedItems.push({ workspace, entry, progress, verdict });
      }
      if (head && workspace.open && workspace.may.approve && entry.status === 'ready')
        approvals.push({ workspace, entry });
    }
  }
  ownedItems.sort((a, b) => urgency(a) - urgency(b));
  // waiting longest first
  approvals.sort((a, b) =>
    (a.entry.evidence?.updatedAt ?? '').localeCompare(b.entry.evidence?.updatedAt ?? ''),
  );
  return { ownedItems, approvals };
}

async function ownedMeasures(ctx: ServiceContext, actor: Actor, rounds: readonly Round[]) {
  const out: { round: Round; measure: MeasureView }[] = [];
  for (const round of rounds) {
    const mine = (await listMeasures(ctx.db.kysely, round.id)).filter(
      (m) => m.ownerUserId === actor.user.id && m.status !== 'done' && m.status !== 'dropped',
    );
    if (mine.length === 0) continue;
    for (const measure of await viewsOf(ctx, round, mine)) out.push({ round, measure });
  }
  return out.sort(
    (a, b) =>
      Number(b.measure.overdue) - Number(a.measure.overdue) ||
      (a.measure.dueOn ?? '9999').localeCompare(b.measure.dueOn ?? '9999'),
  );
}

async function unitsPanels(
  ctx: ServiceContext,
  actor: Actor,
  running: readonly Round[],
): Promise<UnitsPanel[]> {
  const parents = actor.grants.filter((g) => g.role === 'parent_admin' && g.agencyPath !== null);
  if (parents.length === 0) return [];
  const counts = await countEvidenceByRound(
    ctx.db.kysely,
    running.map((r) => r.id),
  );
  return parents.map((g) => ({
    agencyId: g.agencyId ?? '',
    rounds: running
      .filter(
        (r) =>
          g.agencyPath && r.agencyPath.startsWith(g.agencyPath) && r.agencyPath !== g.agencyPath,
      )
      .map((round) => ({ round, counts: counts.get(round.id) ?? {} })),
  }));
}

async function nextSteps(ctx: ServiceContext, actor: Actor, rounds: readonly Round[]) {
  const mine = rounds.filter((r) => heldAt(actor.grants, 'agency_admin', r.agencyPath));
  const counts = await countEvidenceByRound(
    ctx.db.kysely,
    mine.map((r) => r.id),
  );
  return mine.map((round) => ({
    round,
    step: nextStepOf(round.id, round.state, counts.get(round.id) ?? {}),
  }));
}

/**
 * A person's work for the home page, gathered from the features by the roles they hold: the
 * OIT items and measures they own, the head's approval queue, the assessor's review queue,
 * the parent body's units and the agency administrator's next step in each running round.
 */
export async function loadHomeWork(ctx: ServiceContext, actor: Actor): Promise<HomeWork> {
  const all = await listActorRounds(ctx, actor, false);
  const running = all.filter((r) => !isRoundClosed(r.state));
  const { ownedItems, approvals } = await ownAgencyWork(ctx, actor, running);
  return {
    ownedItems,
    ownedMeasures: await ownedMeasures(ctx, actor, all),
    approvals,
    reviews: actor.grants.some((g) => g.role === 'assessor')
      ? await listReviewQueue(ctx, actor)
      : [],
    units: await unitsPanels(ctx, actor, running),
    nextSteps: await nextSteps(ctx, actor, running),
  };
}
