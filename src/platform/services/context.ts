import type { Db } from '../db/database.js';
import type { Clock, Ids } from '../infra/clock.js';
import type { FileStore } from '../infra/file-store.js';
import type { Grant } from '../../core/access/roles.js';
import type { User } from '../../core/access/user.js';

/** What every service needs from outside: the database, the time and random ids. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  ids: Ids;
  /**
   * Where uploads and link snapshots are kept (`openFileStore`, from the settings and the
   * database). A context that never touches a file (most tests, one-off commands) has none.
   */
  files?: FileStore;
}

/** The context's file store; a context built without one cannot take or give files. */
export function filesOf(ctx: ServiceContext): FileStore {
  if (!ctx.files) throw new Error('this service context has no file store (openFileStore)');
  return ctx.files;
}

/** The signed-in person on whose behalf a service acts. */
export interface Actor {
  user: User;
  grants: Grant[];
}

/** A signed-in person with their session: the form token and the session's id. */
export interface SessionActor extends Actor {
  csrfToken: string;
  sessionId: string;
}

/** The current time as stored (ISO-8601 UTC). */
export function nowIso(ctx: ServiceContext): string {
  return ctx.clock.now().toISOString();
}
