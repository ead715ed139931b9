import { createHash } from 'node:crypto';
import { hash, verify, Algorithm } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../platform/db/schema.js';
import { DomainError } from '../../../core/errors.js';
import type { Grant } from '../../../core/access/roles.js';
import {
  countUsers,
  findUserByEmail,
  findUserById,
  insertMembership,
  insertUser,
  listGrants,
  publicUser,
  setLoginState,
} from '../db/user.repository.js';
import { deleteSession, findLiveSession, insertSession } from '../db/session.repository.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import {
  nowIso,
  type Actor,
  type ServiceContext,
  type SessionActor,
} from '../../../platform/services/context.js';

/** argon2id with the OWASP minimum (19 MiB, 2 passes). */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };
/** Failed logins in a row before the account is locked, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'อีเมลไม่ถูกต้อง / not a valid e-mail address' }));

export const PasswordSchema = z
  .string()
  .min(10, { message: 'รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร / the password needs at least 10 characters' })
  .max(200);

export const NewAccountSchema = z.object({
  email: EmailSchema,
  displayName: z.string().trim().min(1, { message: 'กรุณากรอกชื่อ / enter a name' }).max(200),
  password: PasswordSchema,
});

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** sha256 of a session cookie token: only the hash is stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether the first administrator still has to be created. */
export async function needsSetup(ctx: ServiceContext): Promise<boolean> {
  return (await countUsers(ctx.db.kysely)) === 0;
}

/** Creates the first account as system administrator; refused once any account exists. */
export async function createFirstAdmin(
  ctx: ServiceContext,
  input: z.input<typeof NewAccountSchema>,
): Promise<string> {
  const account = NewAccountSchema.parse(input);
  const passwordHash = await hashPassword(account.password);
  return inTransaction(ctx, async (trx) => {
    if ((await countUsers(trx)) > 0) {
      throw new DomainError('already_set_up', {
        th: 'ระบบมีผู้ดูแลแล้ว: เข้าสู่ระบบด้วยบัญชีที่มีอยู่',
        en: 'An administrator already exists: sign in instead',
      });
    }
    const id = ctx.ids.uuid();
    const now = nowIso(ctx);
    await insertUser(
      trx,
      { id, email: account.email, displayName: account.displayName, passwordHash },
      now,
    );
    await insertMembership(
      trx,
      { id: ctx.ids.uuid(), userId: id, agencyId: null, role: 'system_admin' },
      now,
    );
    await recordAudit(trx, ctx, null, {
      action: 'setup.first_admin',
      entityType: 'user',
      entityId: id,
      agencyId: null,
      details: { email: account.email },
    });
    return id;
  });
}

const BAD_LOGIN = new DomainError('bad_login', {
  th: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง',
  en: 'Wrong e-mail or password',
});

/**
 * Checks a password and opens a session. After MAX_FAILED_LOGINS failures in a row the
 * account is locked for LOCKOUT_MINUTES, whatever password is given.
 */
export async function login(
  ctx: ServiceContext,
  emailInput: string,
  password: string,
  ttlHours: number,
): Promise<{ token: string; csrfToken: string; userId: string }> {
  const email = EmailSchema.safeParse(emailInput);
  const user = email.success ? await findUserByEmail(ctx.db.kysely, email.data) : null;
  if (!user || user.disabled) {
    await hashPassword(password); // same work either way: no timing hint that the account exists
    throw BAD_LOGIN;
  }
  const now = ctx.clock.now();
  if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    throw new DomainError('locked', {
      th: `บัญชีถูกล็อกชั่วคราวเพราะใส่รหัสผ่านผิดหลายครั้ง ลองใหม่หลังเวลา ${new Date(user.lockedUntil).toLocaleTimeString('th-TH', { timeZone: 'Asia/Bangkok' })} น.`,
      en: `The account is locked for a while after too many wrong passwords; try again after ${user.lockedUntil}`,
    });
  }
  if (!(await verify(user.passwordHash, password))) {
    const failed = user.failedLogins + 1;
    const lock =
      failed >= MAX_FAILED_LOGINS
        ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString()
        : null;
    await setLoginState(ctx.db.kysely, user.id, {
      failedLogins: lock ? 0 : failed,
      lockedUntil: lock,
    });
    throw BAD_LOGIN;
  }
  await setLoginState(ctx.db.kysely, user.id, { failedLogins: 0, lockedUntil: null });
  const token = ctx.ids.token();
  const csrfToken = ctx.ids.token();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000).toISOString();
  await insertSession(
    ctx.db.kysely,
    { id: hashToken(token), userId: user.id, csrfToken, expiresAt },
    nowIso(ctx),
  );
  return { token, csrfToken, userId: user.id };
}

/** A person and the roles they hold, as services act on their behalf (null when disabled or gone). */
export async function loadActor(db: Kysely<Database>, userId: string): Promise<Actor | null> {
  const user = await findUserById(db, userId);
  if (!user || user.disabled) return null;
  const grants: Grant[] = (await listGrants(db, user.id)).map((g) => ({
    role: g.role,
    agencyId: g.agencyId,
    agencyPath: g.agencyPath,
  }));
  return { user: publicUser(user), grants };
}

/** The signed-in person behind a session cookie, or null for a missing or expired session. */
export async function resolveSession(
  ctx: ServiceContext,
  token: string | undefined,
): Promise<SessionActor | null> {
  if (!token || token.length > 200) return null;
  const session = await findLiveSession(ctx.db.kysely, hashToken(token), nowIso(ctx));
  if (!session) return null;
  const actor = await loadActor(ctx.db.kysely, session.userId);
  if (!actor) return null;
  return { ...actor, csrfToken: session.csrfToken, sessionId: session.id };
}

/** The roles a person holds, with the agency's code and Thai name, for their own home page. */
export async function listOwnRoles(ctx: ServiceContext, userId: string) {
  return listGrants(ctx.db.kysely, userId);
}

export async function logout(ctx: ServiceContext, sessionId: string): Promise<void> {
  await deleteSession(ctx.db.kysely, sessionId);
}
