import { AGENCY_TYPES } from '../../agencies/feature.js';
import { listRounds } from '../../rounds/feature.js';
import { loadRoundEdition } from '../../surveys/feature.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import type { OpenDataPackageInput } from '../reports/open-data.js';

/**
 * What the open data's data package lists (all but the site's origin): the years with published
 * results (newest first), the values of the enumerated columns (every kind of agency; the level
 * codes of the rating schemes of the editions those results were scored with) and when the
 * latest result was published. Reads the rounds and the editions only, never a snapshot.
 */
export async function openDataCatalog(
  ctx: ServiceContext,
): Promise<Omit<OpenDataPackageInput, 'origin'>> {
  const published = (await listRounds(ctx.db.kysely, null)).filter((r) => r.state === 'published');
  const years = [...new Set(published.map((r) => r.editionYear))].sort((a, b) => b - a);
  const levelCodes = new Set<string>();
  for (const editionId of new Set(published.map((r) => r.editionId))) {
    const { edition } = await loadRoundEdition(ctx, editionId);
    for (const scheme of edition.rating.schemes)
      for (const level of scheme.levels) levelCodes.add(level.code);
  }
  const created = published.map((r) => r.updatedAt).sort();
  return {
    years,
    agencyTypes: Object.keys(AGENCY_TYPES),
    levelCodes: [...levelCodes],
    created: created.at(-1) ?? null,
  };
}
