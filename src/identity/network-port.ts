import type { Kysely, QueryCreator, SelectQueryBuilder } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/*
 * What identity reads of network's tables. Ports, not imports: network imports identity (its routes, staff and
 * roles), so identity importing network would close a circle. src/server/compose.ts hands in network's own
 * functions (src/network/index.ts), so network stays the only owner of the SQL that reads its tables.
 */

/**
 * Network's `networks` table as a sub-query (network's `joinableNetworks`) that identity's stores join for a
 * network's name, so a user's or the staff's roles stay one query with their networks' names. PostgreSQL
 * flattens the sub-query: same plan as a join on the table.
 */
export type JoinableNetworks = (
  db: QueryCreator<Database>,
) => SelectQueryBuilder<Database, 'networks', { id: string; name: string }>;

/**
 * The networks a person belongs to (network's `readPersonNetworkIds`): the permission check on a person reads
 * it on every person request, one query.
 */
export type PersonNetworkIds = (db: Kysely<Database>, personId: string) => Promise<string[]>;
