import { createHash } from 'node:crypto';
import { clearRateLimit } from '../../../platform/db/rate-limit.repository.js';
import { countRequest } from '../../../platform/services/rate-limit.service.js';
import type { ServiceContext } from '../../../platform/services/context.js';
import { isKnownAddress, rememberAddress } from '../db/sign-in.repository.js';

/**
 * Sign-in throttling, by account and address together (issue 12). There is no hard lock that a
 * stranger could trigger; instead:
 *
 * - **one address, one account**: at most `perAddress` password checks in a window of
 *   `addressWindowMinutes`; the attempts after that are refused without checking. The count
 *   is taken before the password is checked, in one atomic database statement, so parallel
 *   guesses cannot all slip through. A success clears it.
 * - **one account, every address**: at most `perAccountPerMinute` checks a minute from
 *   addresses the person has not signed in from in the last `knownAddressDays` days. Guesses
 *   from many addresses are slowed to that pace; the person's own address is not held back.
 *
 * Counters live in the `rate_limit` table (shared by every server process), keyed by hashes of
 * the e-mail as typed (normalised) and the address: an unknown account is counted exactly like a
 * real one, so throttling tells nothing about which addresses have accounts.
 */
export const SIGN_IN_LIMITS = {
  perAddress: 5,
  addressWindowMinutes: 15,
  perAccountPerMinute: 10,
  knownAddressDays: 30,
} as const;

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

const addressKey = (email: string, address: string) => `signin:addr:${digest(email, address)}`;
const accountKey = (email: string) => `signin:account:${digest(email)}`;
const knownKey = (userId: string | null, email: string, address: string) =>
  digest('known', userId ?? `nobody:${email}`, address);

/**
 * Counts an attempt to check a password for `email` from `address`; false when it is over a
 * limit and must be refused without checking. `userId` is the account's (null when none).
 */
export async function admitSignIn(
  ctx: ServiceContext,
  email: string,
  userId: string | null,
  address: string,
): Promise<boolean> {
  const pair = await countRequest(
    ctx,
    addressKey(email, address),
    SIGN_IN_LIMITS.addressWindowMinutes * 60_000,
  );
  if (pair.current > SIGN_IN_LIMITS.perAddress) return false;
  const since = new Date(
    ctx.clock.now().getTime() - SIGN_IN_LIMITS.knownAddressDays * 86_400_000,
  ).toISOString();
  if (await isKnownAddress(ctx.db.kysely, knownKey(userId, email, address), since)) return true;
  const account = await countRequest(ctx, accountKey(email), 60_000);
  return account.current <= SIGN_IN_LIMITS.perAccountPerMinute;
}

/** After a right password: the address's count starts again and the address is the person's own. */
export async function signInSucceeded(
  ctx: ServiceContext,
  email: string,
  userId: string,
  address: string,
): Promise<void> {
  await clearRateLimit(ctx.db.kysely, addressKey(email, address));
  await rememberAddress(
    ctx.db.kysely,
    knownKey(userId, email, address),
    userId,
    ctx.clock.now().toISOString(),
  );
}
