import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { NetworkRolesTable, UsersTable } from './db-schema.js';

/**
 * Seed-only writes of identity's tables: the demo staff, administrator and roles
 * (src/server/seed/seed-demo.ts), in the seed's one transaction.
 */
type Tx = Transaction<Database>;

export async function insertSeedUsers(tx: Tx, rows: Insertable<UsersTable>[]) {
  return tx.insertInto('users').values(rows).returning(['id', 'aad_object_id']).execute();
}

export async function insertSeedAdministrator(tx: Tx, userId: string): Promise<void> {
  await tx.insertInto('administrators').values({ user_id: userId }).execute();
}

export async function insertSeedNetworkRoles(tx: Tx, rows: Insertable<NetworkRolesTable>[]): Promise<void> {
  await tx.insertInto('network_roles').values(rows).execute();
}
