import { isAllowed } from '../../../core/access/roles.js';
import { rollUpUnits, type Rollup, type RollupUnit } from '../../../core/analysis/rollup.js';
import { findRatingScheme } from '../../../core/framework/compile-edition.js';
import type { Text } from '../../../core/framework/edition.schema.js';
import type { ScoreNode, ScoreResult } from '../../../core/scoring/evaluate-scores.js';
import { findAgencyById, listAgencies, type Agency } from '../../agencies/feature.js';
import { findScoreSnapshot, listRounds, type Round } from '../../rounds/feature.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { loadRoundEdition } from '../../surveys/feature.js';
import { agencyNotFound } from '../../agencies/feature.js';

/** A parent body's roll-up of its units (itself included) for one edition year. */
export interface AgencyRollup extends Rollup {
  agency: Agency;
  editionYear: number;
  /** Edition years with rounds in the subtree, newest first. */
  years: number[];
  /** Kinds of agency found in the subtree (for the filter). */
  types: string[];
}

/** One year of an agency's stored results. */
export interface HistoryYear {
  editionYear: number;
  editionCode: string;
  roundId: string;
  state: Round['state'];
  total: number | null;
  level: { code: string; name: Text } | null;
  instruments: { code: string; name: Text; shown: number | null }[];
  hasResult: boolean;
}

export interface AgencyHistory {
  agency: Agency;
  years: HistoryYear[];
}

/** An agency whose rounds the actor may see; otherwise not found (said the same way). */
async function visibleAgency(ctx: ServiceContext, actor: Actor, id: string): Promise<Agency> {
  const agency = await findAgencyById(ctx.db.kysely, id);
  if (!agency || !isAllowed(actor.grants, 'result.view', agency.path)) throw agencyNotFound();
  return agency;
}

async function storedResult(ctx: ServiceContext, roundId: string): Promise<ScoreResult | null> {
  const snapshot = await findScoreSnapshot(ctx.db.kysely, roundId);
  return snapshot ? (JSON.parse(snapshot.resultJson) as ScoreResult) : null;
}

function indicatorsOf(node: ScoreNode, out: RollupUnit['indicators'] = []) {
  if (node.type === 'indicator') out.push({ code: node.code, name: node.name, score: node.shown });
  else for (const child of node.children) indicatorsOf(child, out);
  return out;
}

/**
 * The roll-up of a parent body's units for an edition year, from stored snapshots only: units
 * without one (or without a round) are listed as having no result yet.
 */
export async function rollUp(
  ctx: ServiceContext,
  actor: Actor,
  parentAgencyId: string,
  editionYear: number,
  type?: string | null,
): Promise<AgencyRollup> {
  const agency = await visibleAgency(ctx, actor, parentAgencyId);
  const agencies = await listAgencies(ctx.db.kysely, [agency.path]);
  const rounds = await listRounds(ctx.db.kysely, [agency.path]);
  const ofYear = rounds.filter((r) => r.editionYear === editionYear);
  const units: RollupUnit[] = [];
  let scheme: string | undefined;
  for (const a of agencies) {
    const round = ofYear.find((r) => r.agencyId === a.id);
    const result = round ? await storedResult(ctx, round.id) : null;
    if (result?.level) scheme ??= result.level.scheme;
    units.push({
      agencyId: a.id,
      code: a.code,
      name: a.nameTh,
      type: a.type,
      total: result?.total ?? null,
      levelCode: result?.level?.code ?? null,
      indicators: result ? indicatorsOf(result.tree) : [],
    });
  }
  const first = ofYear[0];
  const levels = first
    ? findRatingScheme((await loadRoundEdition(ctx, first.editionId)).edition, scheme).levels
    : [];
  return {
    ...rollUpUnits(
      units,
      levels.map((l) => ({ code: l.code, name: l.name })),
      { type: type ?? null },
    ),
    agency,
    editionYear,
    years: [...new Set(rounds.map((r) => r.editionYear))].sort((a, b) => b - a),
    types: [...new Set(agencies.map((a) => a.type))],
  };
}

/** An agency's results year over year (oldest first), from stored snapshots. */
export async function agencyHistory(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
): Promise<AgencyHistory> {
  const agency = await visibleAgency(ctx, actor, agencyId);
  const rounds = (await listRounds(ctx.db.kysely, [agency.path]))
    .filter((r) => r.agencyId === agency.id)
    .sort((a, b) => a.editionYear - b.editionYear);
  const years: HistoryYear[] = [];
  for (const round of rounds) {
    const result = await storedResult(ctx, round.id);
    years.push({
      editionYear: round.editionYear,
      editionCode: round.editionCode,
      roundId: round.id,
      state: round.state,
      total: result?.total ?? null,
      level: result?.level ? { code: result.level.code, name: result.level.name } : null,
      instruments: (result?.instruments ?? []).map((i) => ({
        code: i.code,
        name: i.name,
        shown: i.shown,
      })),
      hasResult: result !== null,
    });
  }
  return { agency, years };
}
