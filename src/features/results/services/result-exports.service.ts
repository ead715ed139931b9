import { editionYearLabel } from '../../../core/plain-labels.js';
import { isAllowed } from '../../../core/access/roles.js';
import {
  AGENCY_TYPES,
  findAgencyById,
  isAgencyType,
  listAgencies,
} from '../../agencies/feature.js';
import { listRounds } from '../../rounds/feature.js';
import {
  resultsWorkbook,
  rollupWorkbook,
  type RollupWorkbookUnit,
} from '../../../platform/reports/report-xlsx.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { getRoundResults } from './results.service.js';
import { rollUp, storedDisclosedResult } from './rollup.service.js';
import { agencyNotFound } from '../../agencies/feature.js';

/** A file made for download: its bytes and a name without the extension. */
export interface ExportFile {
  bytes: Buffer;
  fileBase: string;
}

/** A round's results as a workbook, for someone who may see them (withheld parts withheld). */
export async function exportResultsWorkbook(
  ctx: ServiceContext,
  actor: Actor,
  roundId: string,
  lang: 'th' | 'en',
): Promise<ExportFile> {
  const { round, result } = await getRoundResults(ctx, actor, roundId);
  const bytes = await resultsWorkbook(
    {
      agencyCode: round.agencyCode,
      agencyName: round.agencyNameTh,
      year: round.editionYear,
      edition: editionYearLabel(round.editionYear)[lang],
      total: result.total,
      level: result.level?.name ?? null,
      withheld: result.withheld !== null,
      tree: result.tree,
    },
    lang,
  );
  return { bytes, fileBase: `ita-results-${round.agencyCode}-${round.editionYear}` };
}

/**
 * How many units (itself included) a parent body has, to decide whether its roll-up is exported
 * in the background; refused like the roll-up (not found) for someone who may not see its rounds.
 */
export async function rollupSize(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
): Promise<number> {
  const agency = await findAgencyById(ctx.db.kysely, agencyId);
  if (!agency || !isAllowed(actor.grants, 'result.view', agency.path)) throw agencyNotFound();
  return (await listAgencies(ctx.db.kysely, [agency.path])).length;
}

/**
 * A parent body's roll-up as a workbook: every unit's scores per instrument (from its stored
 * snapshot, as the disclosure module lets it be shown), total, level and rank, and the weakest
 * indicators; units with withheld figures say so and count in no rank or mean. `onProgress`
 * hears each unit.
 */
export async function exportRollupWorkbook(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  year: number,
  options: {
    type?: string | null;
    lang?: 'th' | 'en';
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<ExportFile> {
  const rollup = await rollUp(ctx, actor, agencyId, year, options.type ?? null);
  const rounds = (await listRounds(ctx.db.kysely, [rollup.agency.path])).filter(
    (r) => r.editionYear === year,
  );
  const levelName = (code: string | null) =>
    rollup.levels.find((l) => l.code === code)?.name ?? null;
  const all = [...rollup.ranking, ...rollup.pending, ...rollup.withheld];
  const instrumentCodes: string[] = [];
  const units: RollupWorkbookUnit[] = [];
  for (const [index, unit] of all.entries()) {
    const round = rounds.find((r) => r.agencyId === unit.agencyId);
    const result = round ? await storedDisclosedResult(ctx, round) : null;
    const instruments: Record<string, number | null> = {};
    for (const i of result?.instruments ?? []) {
      if (!instrumentCodes.includes(i.code)) instrumentCodes.push(i.code);
      instruments[i.code] = i.shown;
    }
    units.push({
      rank: 'rank' in unit ? (unit.rank as number) : null,
      code: unit.code,
      name: unit.name,
      type: isAgencyType(unit.type) ? AGENCY_TYPES[unit.type][options.lang ?? 'th'] : unit.type,
      instruments,
      total: unit.total,
      level: levelName(unit.levelCode),
      withheld: result?.withheld?.instruments ?? null,
    });
    options.onProgress?.(index + 1, all.length);
  }
  const bytes = await rollupWorkbook(
    {
      agencyName: rollup.agency.nameTh,
      year,
      instrumentCodes,
      units,
      weakest: rollup.weakest,
      withheldUnits: rollup.withheld.length,
    },
    options.lang ?? 'th',
  );
  return { bytes, fileBase: `ita-rollup-${rollup.agency.code}-${year}` };
}
