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
} from '../db/user.repository.js';
import { deleteSession, findLiveSession, insertSession } from '../db/session.repository.js';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  PASSWORD_MESSAGES,
  isCommonPassword,
  isEmailPassword,
} from '../core/password-policy.js';
import { admitSignIn, signInSucceeded } from './sign-in-throttle.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import {
  nowIso,
  type Actor,
  type ServiceContext,
  type SessionActor,
} from '../../../platform/services/context.js';

/** argon2id with the OWASP minimum (19 MiB, 2 passes). */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'อีเมลไม่ถูกต้อง / not a valid e-mail address' }));

/** A new password on its own (core/password-policy.ts); `withPasswordRules` adds the e-mail rule. */
export const PasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: PASSWORD_MESSAGES.tooShort })
  .max(MAX_PASSWORD_LENGTH, { message: PASSWORD_MESSAGES.tooLong })
  .refine((password) => !isCommonPassword(password), { message: PASSWORD_MESSAGES.common });

/** Refuses, on the password field, a password that is the account's e-mail address. */
export function refinePasswordNotEmail(
  value: { email: string; password: string },
  context: z.RefinementCtx,
): void {
  if (isEmailPassword(value.password, value.email))
    context.addIssue({ code: 'custom', path: ['password'], message: PASSWORD_MESSAGES.email });
}

/** The fields of a new account (extend these; refinements do not survive `extend`). */
export const NewAccountFields = z.object({
  email: EmailSchema,
  displayName: z.string().trim().min(1, { message: 'กรุณากรอกชื่อ / enter a name' }).max(200),
  password: PasswordSchema,
});

export const NewAccountSchema = NewAccountFields.superRefine(refinePasswordNotEmail);

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

/**
 * The one answer to a sign-in that did not work: a wrong password, an unknown or disabled
 * account, and an attempt held back by throttling all read the same.
 */
export const BAD_LOGIN = new DomainError('bad_login', {
  th: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง หรือลองหลายครั้งเกินไป: ตรวจสอบแล้วลองใหม่อีกครั้งในอีกสักครู่',
  en: 'Wrong e-mail or password, or too many tries: check them and try again in a few minutes',
});

/** An argon2id hash of no one's password, made once: unknown accounts are checked against it. */
let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash; with no hash (no such account, or a disabled one)
 * against the dummy hash, so the answer takes as long either way. Never true without a hash.
 */
export async function checkPassword(storedHash: string | null, password: string) {
  dummyHash ??= hashPassword('no account has this password: prongsai');
  const hashToCheck = storedHash ?? (await dummyHash);
  const ok = await verify(hashToCheck, password).catch(() => false);
  return ok && storedHash !== null;
}

/**
 * Checks a password and opens a session. Throttled by account and address together
 * (sign-in-throttle.ts); every refusal is the same BAD_LOGIN, after the same argon2id work
 * unless throttling refused the attempt before any password was checked.
 */
export async function login(
  ctx: ServiceContext,
  emailInput: string,
  password: string,
  ttlHours: number,
  /** The client's address (request.ip); callers without a network (CLI, tests) share 'local'. */
  address = 'local',
): Promise<{ token: string; csrfToken: string; userId: string }> {
  const parsed = EmailSchema.safeParse(emailInput);
  const email = parsed.success ? parsed.data : emailInput.trim().toLowerCase().slice(0, 320);
  const user = parsed.success ? await findUserByEmail(ctx.db.kysely, email) : null;
  if (!(await admitSignIn(ctx, email, user?.id ?? null, address))) throw BAD_LOGIN;
  const active = user && !user.disabled ? user : null;
  if (!(await checkPassword(active?.passwordHash ?? null, password)) || !active) throw BAD_LOGIN;
  await signInSucceeded(ctx, email, active.id, address);
  const now = ctx.clock.now();
  const token = ctx.ids.token();
  const csrfToken = ctx.ids.token();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000).toISOString();
  await insertSession(
    ctx.db.kysely,
    { id: hashToken(token), userId: active.id, csrfToken, expiresAt },
    nowIso(ctx),
  );
  return { token, csrfToken, userId: active.id };
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
