import type { ManualKind } from '../core/manual-rules.js';
import { type Agency } from '../../agencies/feature.js';
import { listManuals, listSteps } from '../db/manual.repository.js';
import { agencyByCode } from '../../agencies/feature.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { manualNotFound } from './manual-support.js';
import { viewsOf, type ManualView } from './manual.service.js';

/** An agency's published manuals, for its public pages (no sign-in). */
export interface PublicManuals {
  agency: Agency;
  manuals: ManualView[];
  /** The latest publication or change among them, null when none is published. */
  updatedAt: string | null;
}

/** The published manuals of the agency with this code (drafts never leave the agency). */
export async function getPublicManuals(
  ctx: ServiceContext,
  agencyCode: string,
  kind?: ManualKind,
): Promise<PublicManuals> {
  const db = ctx.db.kysely;
  const agency = await agencyByCode(db, agencyCode);
  const manuals = (await listManuals(db, agency.id, true)).filter((m) => !kind || m.kind === kind);
  const views = viewsOf(
    manuals,
    await listSteps(
      db,
      manuals.map((m) => m.id),
    ),
  );
  const updatedAt = views.reduce<string | null>(
    (latest, m) => (latest === null || m.updatedAt > latest ? m.updatedAt : latest),
    null,
  );
  return { agency, manuals: views, updatedAt };
}

/** One published manual of the agency, or not found. */
export async function getPublicManual(
  ctx: ServiceContext,
  agencyCode: string,
  manualId: string,
): Promise<{ agency: Agency; manual: ManualView }> {
  const { agency, manuals } = await getPublicManuals(ctx, agencyCode);
  const manual = manuals.find((m) => m.id === manualId);
  if (!manual) throw manualNotFound();
  return { agency, manual };
}
