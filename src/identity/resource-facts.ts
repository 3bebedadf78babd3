import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { isUuid } from '../platform/uuid.js';
import type { PersonNetworkIds } from './network-port.js';
import type { Permission, ResourceFacts } from './permissions.js';

/**
 * Loads what a permission needs to know about the requested resource (only `person` needs anything: the
 * person's networks, read through network's function that compose.ts hands in).
 */
export async function loadResourceFacts(
  db: Kysely<Database>,
  personNetworkIds: PersonNetworkIds,
  permission: Permission,
  params: Readonly<Record<string, string | undefined>>,
): Promise<ResourceFacts> {
  if (permission.kind !== 'person') return {};
  const personId = params[permission.param];
  // A malformed id matches nobody; validation names it after the permission check.
  if (!isUuid(personId)) return { personNetworkIds: [] };
  return { personNetworkIds: await personNetworkIds(db, personId) };
}
