import type { Kysely } from 'kysely';
import { isAllowed, ROOT_PATH, type Action } from '../../../core/access/roles.js';
import { DomainError } from '../../../core/errors.js';
import { findAgencyByCode, findAgencyById, type Agency } from '../db/agency.repository.js';
import type { Database } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/services/context.js';

/** The answer for an agency that does not exist or that the actor may not see: never a hint which. */
export function agencyNotFound(): DomainError {
  return new DomainError('not_found', { th: 'ไม่พบหน่วยงาน', en: 'Agency not found' });
}

/** The answer of a public page whose document is not published (or whose agency is unknown). */
export function publishedNotFound(): DomainError {
  return new DomainError('not_found', {
    th: 'ไม่พบเอกสารที่เผยแพร่',
    en: 'No such published document',
  });
}

/** The agency of a public address by its code, or `notFound` (agencyNotFound unless told). */
export async function agencyByCode(
  db: Kysely<Database>,
  code: string,
  notFound: () => DomainError = agencyNotFound,
): Promise<Agency> {
  const agency = await findAgencyByCode(db, code);
  if (!agency) throw notFound();
  return agency;
}

/** Whether the actor may add a top-level agency (`agency.create_child` at the root of the tree). */
export function mayCreateTopLevel(actor: Actor): boolean {
  return isAllowed(actor.grants, 'agency.create_child', ROOT_PATH);
}

/** Whether the actor may do `action` to the agency. */
export function mayActOn(actor: Actor, action: Action, agency: Pick<Agency, 'path'>): boolean {
  return isAllowed(actor.grants, action, agency.path);
}

/** What the actor may do with an agency they can see (for showing buttons). */
export function agencyPermissions(actor: Actor, agency: Pick<Agency, 'path'>) {
  return {
    edit: mayActOn(actor, 'agency.edit', agency),
    createChild: mayActOn(actor, 'agency.create_child', agency),
  };
}

/** A refusal of something the actor can see but may not do. */
export function forbidden(en: string, th: string): DomainError {
  return new DomainError('forbidden', { th, en });
}

/** An agency the actor may see, read in `db` (a transaction or the pool). */
export async function loadVisibleAgency(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<Agency> {
  const agency = await findAgencyById(db, id);
  if (!agency || !mayActOn(actor, 'agency.view', agency)) throw agencyNotFound();
  return agency;
}

/** Refuses a code that another agency already has. */
export async function assertCodeFree(
  db: Kysely<Database>,
  code: string,
  selfId?: string,
): Promise<void> {
  const other = await findAgencyByCode(db, code);
  if (other && other.id !== selfId) {
    throw new DomainError(
      'duplicate_code',
      { th: `รหัสหน่วยงาน "${code}" มีอยู่แล้ว`, en: `The agency code "${code}" is already in use` },
      { field: 'code' },
    );
  }
}

/**
 * Checks that the actor may add an agency below `parent` (a top-level agency when null:
 * system administrators only).
 */
export function assertMayCreateUnder(actor: Actor, parent: Agency | null): void {
  if (parent === null && !mayCreateTopLevel(actor)) {
    throw forbidden(
      'Only a system administrator can create a top-level agency',
      'เฉพาะผู้ดูแลระบบเท่านั้นที่สร้างหน่วยงานระดับบนสุดได้',
    );
  }
  if (parent !== null && !mayActOn(actor, 'agency.create_child', parent)) {
    throw forbidden(
      'You may not add agencies below this agency',
      'คุณไม่มีสิทธิ์เพิ่มหน่วยงานภายใต้หน่วยงานนี้',
    );
  }
}
