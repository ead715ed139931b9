import { isAllowed } from '../../../core/access/roles.js';
import { rollUpUnits, type Rollup, type RollupUnit } from '../../../core/analysis/rollup.js';
import { findRatingScheme } from '../../../core/framework/compile-edition.js';
import type { Text } from '../../../core/framework/edition.schema.js';
import type { ScoreResult } from '../../../core/scoring/evaluate-scores.js';
import type {
  DisclosedNode,
  DisclosedResult,
  Withholding,
} from '../../../core/disclosure/disclosure.js';
import { findAgencyById, listAgencies, type Agency } from '../../agencies/feature.js';
import { findScoreSnapshot, listRounds, type Round } from '../../rounds/feature.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { loadRoundEdition } from '../../surveys/feature.js';
import { agencyNotFound } from '../../agencies/feature.js';
import { discloseRoundResult } from './results.service.js';

/** A parent body's roll-up of its units (itself included) for one edition year. */
export interface AgencyRollup extends Rollup {
  agency: Agency;
  editionYear: number;
  /** Edition years with rounds in the subtree, newest first. */
  years: number[];
  /** Kinds of agency found in the subtree (for the filter). */
  types: string[];
}

/** One year of an agency's stored results (withheld figures null, core/disclosure). */
export interface HistoryYear {
  editionYear: number;
  editionCode: string;
  roundId: string;
  state: Round['state'];
  total: number | null;
  level: { code: string; name: Text } | null;
  instruments: { code: string; name: Text; shown: number | null; withheld: boolean }[];
  hasResult: boolean;
  /** Set when the total and level are withheld (an instrument rests on too few respondents). */
  withheld: Withholding | null;
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

/** The stored result of a round as it may be shown (core/disclosure), or null without one. */
export async function storedDisclosedResult(
  ctx: ServiceContext,
  round: Pick<Round, 'id' | 'editionId'>,
): Promise<DisclosedResult | null> {
  const snapshot = await findScoreSnapshot(ctx.db.kysely, round.id);
  if (!snapshot) return null;
  const compiled = await loadRoundEdition(ctx, round.editionId);
  return discloseRoundResult(compiled, JSON.parse(snapshot.resultJson) as ScoreResult);
}

function indicatorsOf(node: DisclosedNode, out: RollupUnit['indicators'] = []) {
  if (node.type === 'indicator') out.push({ code: node.code, name: node.name, score: node.shown });
  else for (const child of node.children) indicatorsOf(child, out);
  return out;
}

/**
 * The roll-up of a parent body's units for an edition year, from stored snapshots only: units
 * without one (or without a round) are listed as having no result yet; units whose result has
 * withheld figures (core/disclosure) are listed apart and left out of every aggregate.
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
    const result = round ? await storedDisclosedResult(ctx, round) : null;
    if (result?.level) scheme ??= result.level.scheme;
    units.push({
      agencyId: a.id,
      code: a.code,
      name: a.nameTh,
      type: a.type,
      total: result?.total ?? null,
      levelCode: result?.level?.code ?? null,
      indicators: result ? indicatorsOf(result.tree) : [],
      withheld: result?.withheld != null,
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
    const result = await storedDisclosedResult(ctx, round);
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
        withheld: i.withheld,
      })),
      hasResult: result !== null,
      withheld: result?.withheld ?? null,
    });
  }
  return { agency, years };
}
