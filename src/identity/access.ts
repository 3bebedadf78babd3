import type { Kysely } from 'kysely';
import type { Database, NetworkRole } from '../db/schema.js';

/** Everything the permission rules need to know about a caller, loaded once per request. */
export interface AccessProfile {
  userId: string;
  isAdministrator: boolean;
  /** networkId → the caller's role there. */
  networkRoles: ReadonlyMap<string, NetworkRole>;
}

/** Loads the caller's administrator flag and network roles. */
export async function loadAccessProfile(db: Kysely<Database>, userId: string): Promise<AccessProfile> {
  const [admin, roles] = await Promise.all([
    db.selectFrom('administrators').select('user_id').where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('network_roles').select(['network_id', 'role']).where('user_id', '=', userId).execute(),
  ]);
  return {
    userId,
    isAdministrator: admin !== undefined,
    networkRoles: new Map(roles.map((row) => [row.network_id, row.role])),
  };
}

/** Makes the listed users administrators if they are not yet (BOOTSTRAP_ADMINS), by Entra object id. */
export async function ensureBootstrapAdministrator(db: Kysely<Database>, userId: string): Promise<void> {
  await db
    .insertInto('administrators')
    .values({ user_id: userId })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}
