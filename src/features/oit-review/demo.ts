import { demoActor } from '../users/feature.js';
import { findRound } from '../rounds/feature.js';
import type { OpenedRound } from '../rounds/feature.js';
import type { ServiceContext } from '../../platform/services/context.js';
import { approveEvidence, markEvidenceReady, saveItemEvidence } from '../oit-evidence/feature.js';
import { assignAssessor } from './services/oit-review.service.js';
import { canServeAsAssessor } from './core/review-policy.js';
import { loadRoundEdition } from '../surveys/feature.js';

/**
 * OIT work in progress for D01 (the demo's example department): the owner has filled the first
 * six items (links on the agency's site, explanation, ticked elements), four are ready and the
 * head has approved three; the ministry has assigned its assessor to every unit's round (not to
 * the ministry's own).
 */
export async function seedDemoOit(ctx: ServiceContext, rounds: OpenedRound[]): Promise<void> {
  const d01 = rounds.find((r) => r.agencyCode === 'D01');
  if (!d01) return;
  const owner = await demoActor(ctx, 'owner@example.org');
  const agencyAdmin = await demoActor(ctx, 'agency@example.org');
  const head = await demoActor(ctx, 'head@example.org');
  const ministry = await demoActor(ctx, 'ministry@example.org');
  const round = await findRound(ctx.db.kysely, d01.roundId);
  if (!round) return;
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const items =
    compiled.edition.instruments
      .find((i) => i.kind === 'checklist')
      ?.indicators.flatMap((ind) => (ind.subindicators ?? []).flatMap((s) => s.items)) ?? [];
  for (const [index, item] of items.slice(0, 6).entries()) {
    const ref = { roundId: d01.roundId, itemCode: item.code };
    const elements = Object.fromEntries(
      item.elements.map((e) => [
        e.code,
        { done: true, where: `หน้า ${item.code} ของเว็บไซต์ หัวข้อ ${e.code}` },
      ]),
    );
    const input = {
      urls: [`https://d01.example.org/ita/${round.editionYear}/${item.code.toLowerCase()}`],
      explanation: `เผยแพร่${item.name.th}บนเว็บไซต์หลักของหน่วยงาน`,
      elements,
    };
    // the agency's administrator enters the first draft and hands the item to its owner
    await saveItemEvidence(ctx, agencyAdmin, ref, { ...input, ownerUserId: owner.user.id }, null);
    if (index < 4) await markEvidenceReady(ctx, owner, ref);
    if (index < 3) await approveEvidence(ctx, head, ref);
  }
  // the ministry's assessor reviews its units, not the ministry's own round (an assessor never
  // belongs to the agency assessed): that one waits for an assessor from above
  const assessor = await demoActor(ctx, 'assessor@example.org');
  for (const opened of rounds) {
    const unit = await findRound(ctx.db.kysely, opened.roundId);
    if (!unit || !canServeAsAssessor(assessor.grants, unit.agencyPath)) continue;
    await assignAssessor(ctx, ministry, opened.roundId, {
      email: 'assessor@example.org',
      role: 'primary',
    });
  }
}
