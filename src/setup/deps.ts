import type { Kysely, QueryCreator, SelectQueryBuilder } from 'kysely';
import type { Database, NetworkStatus } from '../platform/db/schema.js';

/** One of another capability's tables as a sub-query with the columns setup counts by. */
type Joinable<Table extends keyof Database & string, Row> = (
  db: QueryCreator<Database>,
) => SelectQueryBuilder<Database, Table, Row>;

/**
 * The tables of other capabilities that use setup's rows, as the owners' joinable sub-queries, so setup's
 * stores count them inside their own queries: an area or catalogue entry in use is not deleted (counted in the
 * transaction that holds its row lock), the lists show each entry's usage, and the first-run checklist counts
 * networks and the crisis team — each still one query. Ports, not imports: network and call-outs import setup,
 * so setup importing them would close a circle; src/server/compose.ts hands in their `joinable…` functions.
 */
export interface SetupUsageTables {
  /** Networks (network): a network names its wijk; archived ones do not count on the checklist. */
  networks: Joinable<'networks', { id: string; area_id: string; status: NetworkStatus }>;
  /** People (network): a person may name their wijk. */
  people: Joinable<'people', { neighbourhood_id: string | null }>;
  /** The places of call-outs (call-outs): a call-out names the areas it was sent to. */
  callOutPlaces: Joinable<'call_out_places', { area_id: string }>;
  /** Relations (network): each has a relation type and may name an organisation. */
  relations: Joinable<'relations', { relation_type_id: string; organisation_id: string | null }>;
  /** Which people belong to which organisation (network). */
  personOrganisations: Joinable<'person_organisations', { organisation_id: string }>;
  /** The crisis team of each municipality (call-outs). */
  callOutCrisisTeam: Joinable<'call_out_crisis_team', { user_id: string }>;
}

/**
 * What the setup routes need from the composition root, and nothing more. The server's AppDeps satisfies it
 * structurally (but for the usage tables compose.ts adds), so setup never imports src/server.
 */
export interface SetupDeps {
  db: Kysely<Database>;
  now: () => Date;
  usageTables: SetupUsageTables;
}
