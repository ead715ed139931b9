import type { Kysely } from 'kysely';
import type { AcknowledgementShare } from '../core/acknowledgement.js';
import type { Agency } from '../../agencies/feature.js';
import {
  listCommunications,
  listDeclarations,
  type Communication,
  type Declaration,
} from '../db/integrity.repository.js';
import type { Database } from '../../../platform/db/schema.js';
import { findUserById } from '../../users/feature.js';
import { loadVisibleAgency } from '../../agencies/feature.js';
import type { Actor, ServiceContext } from '../../../platform/services/context.js';
import { mayAt, shareOf } from './integrity-support.js';
import { bangkokDay, fiscalYearOf } from '../../../core/thai-calendar.js';

/** Everything the No Gift page of an agency shows for one fiscal year. */
export interface NoGiftPage {
  agency: Agency;
  fiscalYear: number;
  /** Years that have a declaration, newest first. */
  years: number[];
  declaration: Declaration | null;
  share: AcknowledgementShare | null;
  /** The day the signed-in person acknowledged, when they did. */
  myAcknowledgement: string | null;
  communications: Communication[];
  may: { draft: boolean; decide: boolean; acknowledge: boolean };
  /** Suggested facts for a new draft. */
  draftDefaults: { fiscalYear: number; headName: string; headPosition: string; declaredOn: string };
}

/** The name of the agency's head (the first head_of_agency account) and a default position. */
async function headDefaults(db: Kysely<Database>, agency: Agency) {
  const head = await db
    .selectFrom('membership')
    .select('user_id')
    .where('agency_id', '=', agency.id)
    .where('role', '=', 'head_of_agency')
    .orderBy('created_at')
    .executeTakeFirst();
  const user = head ? await findUserById(db, head.user_id) : null;
  return { headName: user?.displayName ?? '', headPosition: `หัวหน้า${agency.nameTh}` };
}

/** The first fiscal year from this one on that has no declaration yet. */
function nextFreeYear(years: readonly number[], today: string): number {
  let year = fiscalYearOf(today);
  while (years.includes(year)) year += 1;
  return year;
}

/** The No Gift page of an agency for a year (default: the latest declaration, else this year). */
export async function getNoGiftPage(
  ctx: ServiceContext,
  actor: Actor,
  agencyId: string,
  year?: number,
): Promise<NoGiftPage> {
  const db = ctx.db.kysely;
  const agency = await loadVisibleAgency(db, actor, agencyId);
  const all = await listDeclarations(db, agency.id);
  const today = bangkokDay(ctx.clock.now());
  const fiscalYear = year ?? all[0]?.fiscalYear ?? fiscalYearOf(today);
  const declaration = all.find((d) => d.fiscalYear === fiscalYear) ?? null;
  const counted = declaration ? await shareOf(db, agency.id, declaration.id) : null;
  const member = mayAt(actor, 'integrity.declaration.acknowledge', agency);
  return {
    agency,
    fiscalYear,
    years: all.map((d) => d.fiscalYear),
    declaration,
    share: counted?.share ?? null,
    myAcknowledgement:
      counted?.acks.find((a) => a.userId === actor.user.id)?.acknowledgedOn ?? null,
    communications: await listCommunications(db, agency.id, fiscalYear),
    may: {
      draft: mayAt(actor, 'integrity.declaration.draft', agency),
      decide: mayAt(actor, 'integrity.declaration.approve', agency),
      acknowledge: member && declaration?.status === 'published',
    },
    draftDefaults: {
      fiscalYear: nextFreeYear(
        all.map((d) => d.fiscalYear),
        today,
      ),
      declaredOn: today,
      ...(await headDefaults(db, agency)),
    },
  };
}
