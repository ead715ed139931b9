import type { Actor, ServiceContext } from '../../platform/services/context.js';
import { findUserByEmail } from './db/user.repository.js';
import { loadActor } from './services/auth.service.js';

/** An existing demo account as an actor. */
export async function demoActor(ctx: ServiceContext, email: string): Promise<Actor> {
  const user = await findUserByEmail(ctx.db.kysely, email);
  const actor = user ? await loadActor(ctx.db.kysely, user.id) : null;
  if (!actor) throw new Error(`demo account ${email} missing`);
  return actor;
}
