import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { AreaOverviewCache } from './areas/area-overview-cache.js';
import type { NetworkPageCache } from './page/network-page-cache.js';

/** A membership ended (a farewell was recorded): ids only. */
export interface MembershipEnded {
  personId: string;
  /** The networks the person belonged to. */
  networkIds: string[];
}

/**
 * Told after a farewell is committed; src/server/compose.ts hands in meetings' invitation update, so network
 * never imports meetings. Returns how many planned meetings' invitations were updated and how many failed.
 */
export type MembershipEndedListener = (
  event: MembershipEnded,
) => Promise<{ updated: number; failed: number }>;

/**
 * What the network routes need from the composition root, and nothing more. The server's AppDeps satisfies it
 * structurally, so network never imports src/server.
 */
export interface NetworkDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** Meetings' update of future invitations after a farewell; absent, only the network's data changes. */
  membershipEnded?: MembershipEndedListener | undefined;
  /**
   * The network a half-yearly evaluation belongs to (null: no such evaluation), from the evaluation capability's
   * public API through src/server/compose.ts; a farewell naming an evaluation is refused without it.
   */
  evaluationNetworkOf?: EvaluationNetworkOf | undefined;
  /**
   * The network page cache of this instance (src/network/page/network-page-cache.ts), made once by
   * src/server/start-server.ts; every view checks its entry against the database's change stamps.
   */
  networkPageCache: NetworkPageCache;
  /**
   * The area overview cache of this instance (src/network/areas/area-overview-cache.ts), made once by
   * src/server/start-server.ts; every request checks its entry against the digest of the change stamps.
   */
  areaOverviewCache: AreaOverviewCache;
}

/** Reads an evaluation's network inside the caller's transaction. */
export type EvaluationNetworkOf = (db: Kysely<Database>, evaluationId: string) => Promise<string | null>;
