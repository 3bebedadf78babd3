import type { Kysely } from 'kysely';
import type { Database, NetworkRole } from '../platform/db/schema.js';
import { ensureAdministratorRow, readAccessRows } from './role-store.js';

/** Everything the permission rules need to know about a caller, loaded once per request. */
export interface AccessProfile {
  userId: string;
  isAdministrator: boolean;
  /** networkId → the caller's role there. */
  networkRoles: ReadonlyMap<string, NetworkRole>;
}

/** Loads the caller's administrator flag and network roles in one query (it runs on every request). */
export async function loadAccessProfile(db: Kysely<Database>, userId: string): Promise<AccessProfile> {
  const rows = await readAccessRows(db, userId);
  const networkRoles = new Map<string, NetworkRole>();
  for (const row of rows) if (row.networkId && row.role) networkRoles.set(row.networkId, row.role);
  return { userId, isAdministrator: rows.some((row) => row.adminId !== null), networkRoles };
}

/** Makes the listed users administrators if they are not yet (BOOTSTRAP_ADMINS), by Entra object id. */
export async function ensureBootstrapAdministrator(db: Kysely<Database>, userId: string): Promise<void> {
  await ensureAdministratorRow(db, userId);
}
