import {
  AgencyChangesSchema,
  AgencyInputSchema,
  type AgencyInputRaw,
} from '../core/agency-input.js';
import {
  findAgencyById,
  insertAgency,
  listAgencies,
  updateAgency as updateAgencyRow,
  type Agency,
  type AgencyChanges,
} from '../db/agency.repository.js';
import { isAllowed, ROOT_PATH, type Grant } from '../../../core/access/roles.js';
import {
  assertCodeFree,
  assertMayCreateUnder,
  forbidden,
  loadVisibleAgency,
  mayActOn,
} from './agency-access.service.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { nowIso, type Actor, type ServiceContext } from '../../../platform/services/context.js';

export type { Agency } from '../db/agency.repository.js';

const thaiOrder = new Intl.Collator('th');
export {
  agencyNotFound,
  agencyPermissions,
  assertMayCreateUnder,
  mayActOn,
  mayCreateTopLevel,
} from './agency-access.service.js';
export {
  importAgenciesCsv,
  type ImportPreview,
  type ImportRowPreview,
} from './agency-import.service.js';

/** Creates an agency below `parentId` (or at the top), audited in the same transaction. */
export async function createAgency(
  ctx: ServiceContext,
  actor: Actor,
  request: { parentId: string | null } & AgencyInputRaw,
): Promise<Agency> {
  const input = AgencyInputSchema.parse(request);
  return inTransaction(ctx, async (trx) => {
    const parent = request.parentId ? await loadVisibleAgency(trx, actor, request.parentId) : null;
    assertMayCreateUnder(actor, parent);
    await assertCodeFree(trx, input.code);
    const id = ctx.ids.uuid();
    const path = `${parent?.path ?? '/'}${id}/`;
    const agency = await insertAgency(
      trx,
      { id, parentId: parent?.id ?? null, path, ...input },
      nowIso(ctx),
    );
    await recordAudit(trx, ctx, actor, {
      action: 'agency.create',
      entityType: 'agency',
      entityId: id,
      agencyId: id,
      details: { ...input, parentId: parent?.id ?? null },
    });
    return agency;
  });
}

/** The fields that really change, with an empty English name meaning "same as Thai". */
function effectiveChanges(agency: Agency, raw: unknown): AgencyChanges {
  const { nameEn, ...rest } = AgencyChangesSchema.parse(raw);
  const changes: AgencyChanges = { ...rest };
  if (nameEn !== undefined) changes.nameEn = nameEn || (rest.nameTh ?? agency.nameTh);
  const changed: AgencyChanges = {};
  for (const key of Object.keys(changes) as (keyof AgencyChanges)[]) {
    if (changes[key] !== undefined && changes[key] !== agency[key])
      Object.assign(changed, { [key]: changes[key] });
  }
  return changed;
}

/** Changes an agency's fields ('agency.edit'), audited with the values before and after. */
export async function updateAgency(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  raw: unknown,
): Promise<Agency> {
  return inTransaction(ctx, async (trx) => {
    const agency = await loadVisibleAgency(trx, actor, id);
    if (!mayActOn(actor, 'agency.edit', agency))
      throw forbidden('You may not edit this agency', 'คุณไม่มีสิทธิ์แก้ไขหน่วยงานนี้');
    const changes = effectiveChanges(agency, raw);
    if (Object.keys(changes).length === 0) return agency;
    if (changes.code !== undefined) await assertCodeFree(trx, changes.code, id);
    await updateAgencyRow(trx, id, changes, nowIso(ctx));
    const before = Object.fromEntries(
      Object.keys(changes).map((k) => [k, agency[k as keyof Agency]]),
    );
    await recordAudit(trx, ctx, actor, {
      action: 'agency.update',
      entityType: 'agency',
      entityId: id,
      agencyId: id,
      details: { before, after: changes },
    });
    return (await findAgencyById(trx, id)) as Agency;
  });
}

/** One agency, if the actor may see it ('not_found' otherwise, as if it did not exist). */
export async function getAgency(ctx: ServiceContext, actor: Actor, id: string): Promise<Agency> {
  return loadVisibleAgency(ctx.db.kysely, actor, id);
}

/** The path prefixes under which the grants may see agencies (null: everything). */
function viewPrefixes(grants: readonly Grant[]): string[] | null {
  if (isAllowed(grants, 'agency.view', ROOT_PATH)) return null;
  const paths = grants.flatMap((grant) => (grant.agencyPath ? [grant.agencyPath] : []));
  return [...new Set(paths)].filter(
    (path) => !paths.some((other) => other !== path && path.startsWith(other)),
  );
}

/** Every agency the actor may see, in path order: all for a system administrator. */
export async function listVisibleAgencies(ctx: ServiceContext, actor: Actor): Promise<Agency[]> {
  const prefixes = viewPrefixes(actor.grants);
  const agencies = await listAgencies(ctx.db.kysely, prefixes);
  if (prefixes === null) return agencies;
  // A role that does not reach sub-units still lists them by prefix: keep only what it allows.
  return agencies.filter((agency) => mayActOn(actor, 'agency.view', agency));
}

/** The direct sub-units of an agency that the actor may see, sorted by Thai name. */
export async function listChildAgencies(
  ctx: ServiceContext,
  actor: Actor,
  parent: Agency,
): Promise<Agency[]> {
  const subtree = await listAgencies(ctx.db.kysely, [parent.path]);
  const children = subtree.filter(
    (agency) => agency.parentId === parent.id && mayActOn(actor, 'agency.view', agency),
  );
  return children.sort((a, b) => thaiOrder.compare(a.nameTh, b.nameTh));
}

/** An agency with its sub-units, for showing the tree. */
export interface AgencyNode {
  agency: Agency;
  children: AgencyNode[];
}

/**
 * Nests agencies into a tree (an agency whose parent is not in the list becomes a root);
 * siblings are sorted by Thai name.
 */
export function buildAgencyTree(agencies: readonly Agency[]): AgencyNode[] {
  const nodes = new Map(
    agencies.map((agency) => [agency.id, { agency, children: [] as AgencyNode[] }]),
  );
  const roots: AgencyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.agency.parentId ? nodes.get(node.agency.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const byName = (a: AgencyNode, b: AgencyNode) =>
    thaiOrder.compare(a.agency.nameTh, b.agency.nameTh) ||
    a.agency.code.localeCompare(b.agency.code);
  for (const node of nodes.values()) node.children.sort(byName);
  roots.sort(byName);
  return roots;
}
