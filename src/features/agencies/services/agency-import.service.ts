import type { Kysely } from 'kysely';
import { parseAgencyCsv, type AgencyCsvRow, type CsvFieldError } from '../core/agency-csv.js';
import { DomainError, type Message } from '../../../core/errors.js';
import { insertAgency, listAgencies, type Agency } from '../db/agency.repository.js';
import type { Database } from '../../../platform/db/schema.js';
import { assertMayCreateUnder, loadVisibleAgency, mayActOn } from './agency-access.service.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';

/** One row of an import preview: what would happen to it. */
export interface ImportRowPreview {
  line: number;
  code: string;
  parentCode: string | null;
  nameTh: string | null;
  action: 'create' | 'error';
  errors: CsvFieldError[];
}

/** What an import did or would do; `created` counts agencies actually created. */
export interface ImportPreview {
  valid: boolean;
  rows: ImportRowPreview[];
  fileErrors: Message[];
  created: number;
}

interface ImportPlan {
  rows: AgencyCsvRow[];
  fileErrors: Message[];
  byCode: Map<string, Agency>;
  defaultParent: Agency | null;
}

/** Refuses rows that would land outside what the actor may create. */
function authorizeRows(actor: Actor, plan: ImportPlan): void {
  for (const row of plan.rows) {
    if (row.errors.length > 0) continue;
    if (row.parentCode === null) {
      try {
        assertMayCreateUnder(actor, plan.defaultParent);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        row.errors.push({ field: 'parent_code', message: error.messages });
      }
      continue;
    }
    const parent = plan.byCode.get(row.parentCode);
    if (parent && !mayActOn(actor, 'agency.create_child', parent)) {
      // the same words whether the parent is hidden or only closed to this actor
      row.errors.push({
        field: 'parent_code',
        message: {
          th: `ไม่พบหน่วยงานแม่รหัส "${row.parentCode}" ที่คุณเพิ่มหน่วยงานย่อยได้`,
          en: `No parent "${row.parentCode}" below which you may add agencies`,
        },
      });
    }
  }
}

async function planImport(
  db: Kysely<Database>,
  actor: Actor,
  csvText: string,
  parentId: string | null,
): Promise<ImportPlan> {
  const defaultParent = parentId ? await loadVisibleAgency(db, actor, parentId) : null;
  const byCode = new Map((await listAgencies(db, null)).map((a) => [a.code, a]));
  const parsed = parseAgencyCsv(csvText, new Set(byCode.keys()));
  const plan = { ...parsed, byCode, defaultParent };
  authorizeRows(actor, plan);
  return plan;
}

function toPreview(plan: ImportPlan, created: number): ImportPreview {
  const rows = plan.rows.map((row) => ({
    line: row.line,
    code: row.code,
    parentCode: row.parentCode,
    nameTh: row.input?.nameTh ?? null,
    action: row.errors.length === 0 ? ('create' as const) : ('error' as const),
    errors: row.errors,
  }));
  const valid = plan.fileErrors.length === 0 && rows.every((row) => row.action === 'create');
  return { valid, rows, fileErrors: plan.fileErrors, created };
}

async function createPlanned(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  actor: Actor,
  plan: ImportPlan,
): Promise<void> {
  const now = nowIso(ctx);
  const made = new Map<string, Agency>();
  for (const row of plan.rows) {
    if (!row.input) continue; // a valid plan has input on every row
    const parent =
      row.parentCode === null
        ? plan.defaultParent
        : (made.get(row.parentCode) ?? plan.byCode.get(row.parentCode) ?? null);
    const id = ctx.ids.uuid();
    const path = `${parent?.path ?? '/'}${id}/`;
    const parentId = parent?.id ?? null;
    made.set(row.code, await insertAgency(trx, { id, parentId, path, ...row.input }, now));
    await recordAudit(trx, ctx, actor, {
      action: 'agency.create',
      entityType: 'agency',
      entityId: id,
      agencyId: id,
      details: { ...row.input, parentId, source: 'csv', line: row.line },
    });
  }
}

/**
 * Checks an agency CSV file and, unless `dryRun` or any row has an error, creates every agency
 * in one transaction (all or nothing) with one audit entry each. Rows without a parent code go
 * below `parentId` (top level when null: system administrators only).
 */
export async function importAgenciesCsv(
  ctx: ServiceContext,
  actor: Actor,
  csvText: string,
  options: { dryRun: boolean; parentId: string | null },
): Promise<ImportPreview> {
  if (options.dryRun)
    return toPreview(await planImport(ctx.db.kysely, actor, csvText, options.parentId), 0);
  return inTransaction(ctx, async (trx) => {
    // planned again inside the transaction: a code taken meanwhile shows as a row error
    const plan = await planImport(trx, actor, csvText, options.parentId);
    const preview = toPreview(plan, 0);
    if (!preview.valid) return preview;
    await createPlanned(trx, ctx, actor, plan);
    return { ...preview, created: plan.rows.length };
  });
}
