import type { Kysely } from 'kysely';

/**
 * Sign-in (issue 12): the addresses a person has signed in from (their own address is not held
 * back by the per-account slow-down that guesses from elsewhere cause) and the one-time password
 * reset links an administrator issues (only the sha256 of the link's token is stored). The
 * failed-login counters live in `rate_limit`; `app_user.failed_logins` and `locked_until` are no
 * longer written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_address')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('last_success_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_address_user')
    .on('sign_in_address')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('password_reset')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('password_reset_user')
    .on('password_reset')
    .column('user_id')
    .execute();
}
