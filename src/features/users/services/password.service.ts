import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import {
  nowIso,
  type Actor,
  type ServiceContext,
  type SessionActor,
} from '../../../platform/services/context.js';
import { inTransaction, recordAudit } from '../../audit/feature.js';
import { PASSWORD_MESSAGES } from '../core/password-policy.js';
import { deleteOtherSessions, deleteSessionsOfUser } from '../db/session.repository.js';
import {
  deleteUnusedResets,
  findLiveReset,
  insertPasswordReset,
  useReset,
} from '../db/sign-in.repository.js';
import { findUserById, setUserPassword } from '../db/user.repository.js';
import {
  checkPassword,
  hashPassword,
  hashToken,
  PasswordSchema,
  refinePasswordNotEmail,
} from './auth.service.js';
import { admitSignIn, signInSucceeded } from './sign-in-throttle.js';
import { findWhollyManagedUser } from './user.service.js';

/** How long a reset link works. */
export const RESET_LINK_HOURS = 24;

/** A new password typed twice, judged by the policy for the account's e-mail. */
function newPasswordSchema(email: string) {
  return z
    .object({ password: PasswordSchema, confirm: z.string().optional() })
    .refine((v) => v.password === v.confirm, {
      path: ['confirm'],
      message: PASSWORD_MESSAGES.mismatch,
    })
    .superRefine((v, context) => refinePasswordNotEmail({ email, password: v.password }, context));
}

export interface ChangePasswordInput {
  current?: string | undefined;
  password?: string | undefined;
  confirm?: string | undefined;
}

const WRONG_CURRENT = new DomainError(
  'wrong_password',
  {
    th: 'รหัสผ่านปัจจุบันไม่ถูกต้อง หรือลองหลายครั้งเกินไป: ลองใหม่อีกครั้งในอีกสักครู่',
    en: 'The current password is wrong, or there were too many tries: try again in a few minutes',
  },
  { field: 'current' },
);

/**
 * Changes one's own password: the current one must be right (checked under the same throttle
 * as signing in), the new one must pass the policy and be typed twice the same. Every other
 * session of the person ends (this one stays); audited.
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  actor: SessionActor,
  input: ChangePasswordInput,
  address = 'local',
): Promise<void> {
  const { email, id } = actor.user;
  const data = newPasswordSchema(email).parse({ password: input.password, confirm: input.confirm });
  const current = input.current ?? '';
  const user = await findUserById(ctx.db.kysely, id);
  if (!(await admitSignIn(ctx, email, id, address))) throw WRONG_CURRENT;
  if (!user || !(await checkPassword(user.passwordHash, current))) throw WRONG_CURRENT;
  await signInSucceeded(ctx, email, id, address);
  const passwordHash = await hashPassword(data.password);
  await inTransaction(ctx, async (trx) => {
    await setUserPassword(trx, id, passwordHash);
    await deleteOtherSessions(trx, id, actor.sessionId);
    await recordAudit(trx, ctx, actor, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: id,
      agencyId: null,
      details: { otherSessionsEnded: true },
    });
  });
}

/** A reset link as it is shown once: its token (for the address) and when it stops working. */
export interface IssuedResetLink {
  token: string;
  expiresAt: string;
  email: string;
  displayName: string;
}

/**
 * Issues a one-time password reset link for a person whose every role the actor manages (the
 * rule of disabling an account). Only the sha256 of the token is stored; the link replaces any
 * earlier unused one and works once, for RESET_LINK_HOURS. One's own password is changed on the
 * change page instead (with the current password). Audited.
 */
export async function issueResetLink(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
): Promise<IssuedResetLink> {
  return inTransaction(ctx, async (trx) => {
    const user = await findWhollyManagedUser(trx, actor, userId);
    if (user.id === actor.user.id) {
      throw new DomainError('own_reset', {
        th: 'เปลี่ยนรหัสผ่านของตนเองที่หน้า "เปลี่ยนรหัสผ่าน" ด้วยรหัสผ่านปัจจุบัน',
        en: 'Change your own password on the "Change password" page, with your current password',
      });
    }
    const token = ctx.ids.token(32);
    const now = ctx.clock.now();
    const expiresAt = new Date(now.getTime() + RESET_LINK_HOURS * 3_600_000).toISOString();
    await deleteUnusedResets(trx, user.id);
    await insertPasswordReset(trx, {
      id: hashToken(token),
      userId: user.id,
      createdBy: actor.user.id,
      createdAt: now.toISOString(),
      expiresAt,
    });
    await recordAudit(trx, ctx, actor, {
      action: 'user.reset_link_issued',
      entityType: 'user',
      entityId: user.id,
      agencyId: null,
      details: { expiresAt },
    });
    return { token, expiresAt, email: user.email, displayName: user.displayName };
  });
}

/** The refusal of a link that does not work (used, expired, replaced, or never issued). */
export const RESET_LINK_INVALID = new DomainError('not_found', {
  th: 'ลิงก์ตั้งรหัสผ่านนี้ใช้ไม่ได้: ใช้ไปแล้ว หมดอายุ หรือมีลิงก์ใหม่แทน ขอลิงก์ใหม่จากผู้ดูแลระบบ',
  en: 'This password link does not work: it was used, it expired or a newer one replaced it. Ask your administrator for a new one',
});

/** The person a reset link is for, while the link still works (else RESET_LINK_INVALID). */
export async function openResetLink(
  ctx: ServiceContext,
  token: string,
): Promise<{ email: string; displayName: string }> {
  const reset = await findLiveReset(ctx.db.kysely, hashToken(token), nowIso(ctx));
  const user = reset ? await findUserById(ctx.db.kysely, reset.userId) : null;
  if (!user) throw RESET_LINK_INVALID;
  return { email: user.email, displayName: user.displayName };
}

/**
 * Sets a new password through a reset link: the policy applies; the link is used up in the same
 * transaction (one statement that only a good link passes, so two tabs cannot both use it),
 * and every session of the person ends. Audited, with who issued the link.
 */
export async function resetPassword(
  ctx: ServiceContext,
  token: string,
  input: { password?: string | undefined; confirm?: string | undefined },
): Promise<void> {
  const { email } = await openResetLink(ctx, token);
  const data = newPasswordSchema(email).parse(input);
  const passwordHash = await hashPassword(data.password);
  const id = hashToken(token);
  await inTransaction(ctx, async (trx) => {
    const reset = await findLiveReset(trx, id, nowIso(ctx));
    if (!reset || !(await useReset(trx, id, nowIso(ctx)))) throw RESET_LINK_INVALID;
    await setUserPassword(trx, reset.userId, passwordHash);
    await deleteSessionsOfUser(trx, reset.userId);
    await recordAudit(trx, ctx, null, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: reset.userId,
      agencyId: null,
      details: { issuedBy: reset.createdBy, issuedAt: reset.createdAt },
    });
  });
}
