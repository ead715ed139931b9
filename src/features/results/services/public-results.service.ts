import { AGENCY_TYPES, type AgencyType } from '../../agencies/feature.js';
import { DomainError } from '../../../core/errors.js';
import type { Text } from '../../../core/framework/edition.schema.js';
import type { ScoreResult } from '../../../core/scoring/evaluate-scores.js';
import { findAgencyByCode, listAgencies } from '../../agencies/feature.js';
import { listMeasures } from '../../measures/feature.js';
import { findRoundIdByAgencyYear, publishedRoundKey } from '../../oit-evidence/feature.js';
import { findRound, findScoreSnapshot, listRounds, type Round } from '../../rounds/feature.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { listRoundPublications } from '../../measures/feature.js';
import { viewsOf } from '../../measures/feature.js';
import { discloseRoundResult, weakPointsOf } from './results.service.js';
import { nextLevelOf, type ReportFacts } from './result-reports.service.js';
import { loadRoundEdition } from '../../surveys/feature.js';
import { answerLabels } from '../../../core/analysis/answer-labels.js';

/** Said the same way for an unknown agency, a year without a round and an unpublished round. */
export function publicResultsNotFound(): DomainError {
  return new DomainError('not_found', {
    th: 'ไม่พบผลการประเมินที่เผยแพร่ของหน่วยงานและปีนี้',
    en: 'No published results for this agency and year',
  });
}

/** A published round with its stored snapshot, or null. */
async function publishedRound(
  ctx: ServiceContext,
  agencyCode: string,
  year: number,
): Promise<{ round: Round; result: ScoreResult; publishedAt: string } | null> {
  const roundId = await findRoundIdByAgencyYear(ctx.db.kysely, agencyCode, year);
  const round = roundId ? await findRound(ctx.db.kysely, roundId) : null;
  if (round?.state !== 'published') return null;
  const snapshot = await findScoreSnapshot(ctx.db.kysely, round.id);
  if (!snapshot) return null;
  return {
    // the agency as it was published: a later rename changes nothing already published
    round: snapshot.agency ? { ...round, agencyNameTh: snapshot.agency.nameTh } : round,
    result: JSON.parse(snapshot.resultJson) as ScoreResult,
    publishedAt: round.updatedAt,
  };
}

/** Which published snapshot an agency's public results of a year show (the one key of every public page). */
export const publishedSnapshotKey = publishedRoundKey;

/**
 * The facts of an agency's published result for a year, for anyone: the stored snapshot as the
 * disclosure module lets it be shown (figures resting on too few respondents withheld, with the
 * total, the level, the weak points' totals and the next-level advice), and the measures only
 * when the agency has published its measures document. Not found for any round not published.
 */
export async function loadPublicResultFacts(
  ctx: ServiceContext,
  agencyCode: string,
  year: number,
): Promise<ReportFacts & { publishedAt: string }> {
  const found = await publishedRound(ctx, agencyCode, year);
  if (!found) throw publicResultsNotFound();
  const { round, result } = found;
  const compiled = await loadRoundEdition(ctx, round.editionId);
  const shown = discloseRoundResult(compiled, result);
  const published = await listRoundPublications(ctx, round.id);
  const measures = published.some((p) => p.kind === 'document')
    ? (await viewsOf(ctx, round, await listMeasures(ctx.db.kysely, round.id))).filter(
        (v) => v.status !== 'dropped',
      )
    : [];
  return {
    round,
    source: 'snapshot',
    result: shown,
    weaknesses: weakPointsOf(compiled, result, shown),
    measures,
    nextLevel: nextLevelOf(compiled, shown),
    answerLabels: answerLabels(compiled.edition),
    publishedAt: found.publishedAt,
  };
}

/** The year of the latest published round of an agency before `year`, or null. */
export async function latestPublishedYear(
  ctx: ServiceContext,
  agencyCode: string,
  before: number,
): Promise<{ year: number; publishedAt: string } | null> {
  const agency = await findAgencyByCode(ctx.db.kysely, agencyCode);
  if (!agency) return null;
  const rounds = (await listRounds(ctx.db.kysely, [agency.path]))
    .filter((r) => r.agencyId === agency.id && r.state === 'published' && r.editionYear < before)
    .sort((a, b) => b.editionYear - a.editionYear);
  for (const round of rounds) {
    if (await findScoreSnapshot(ctx.db.kysely, round.id))
      return { year: round.editionYear, publishedAt: round.updatedAt };
  }
  return null;
}

/** One published result as open data. */
export interface OpenDataRow {
  agencyCode: string;
  agencyName: string;
  agencyType: string;
  agencyTypeName: Text;
  year: number;
  edition: string;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  total: number | null;
  levelCode: string | null;
  levelName: Text | null;
  /** Figures withheld (null above), by column: e.g. `iit`, and with it `total` and `level`. */
  withheld: string[];
}

/**
 * Every published result of an edition year (all agencies), by agency code: what the national
 * open data files hold, each as the disclosure module lets it be shown. `onProgress` hears
 * (done, total) as rounds are read.
 */
export async function listOpenData(
  ctx: ServiceContext,
  year: number,
  onProgress?: (done: number, total: number) => void,
): Promise<OpenDataRow[]> {
  const rounds = (await listRounds(ctx.db.kysely, null))
    .filter((r) => r.editionYear === year && r.state === 'published')
    .sort((a, b) => a.agencyCode.localeCompare(b.agencyCode));
  const agencies = new Map((await listAgencies(ctx.db.kysely, null)).map((a) => [a.id, a]));
  const rows: OpenDataRow[] = [];
  for (const [index, round] of rounds.entries()) {
    const snapshot = await findScoreSnapshot(ctx.db.kysely, round.id);
    onProgress?.(index + 1, rounds.length);
    if (!snapshot) continue;
    const compiled = await loadRoundEdition(ctx, round.editionId);
    const result = discloseRoundResult(compiled, JSON.parse(snapshot.resultJson) as ScoreResult);
    // names and type as published, not as the agency is called today
    const type = snapshot.agency?.type ?? agencies.get(round.agencyId)?.type ?? '';
    const shown = (code: string) => result.instruments.find((i) => i.code === code)?.shown ?? null;
    rows.push({
      agencyCode: round.agencyCode,
      agencyName: snapshot.agency?.nameTh ?? round.agencyNameTh,
      agencyType: type,
      agencyTypeName: AGENCY_TYPES[type as AgencyType] ?? { th: type, en: type },
      year,
      edition: round.editionCode,
      iit: shown('IIT'),
      eit: shown('EIT'),
      oit: shown('OIT'),
      total: result.total,
      levelCode: result.level?.code ?? null,
      levelName: result.level?.name ?? null,
      withheld: result.withheld
        ? [...result.withheld.instruments.map((c) => c.toLowerCase()), 'total', 'level']
        : [],
    });
  }
  return rows;
}
