import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/**
 * Called inside the role grant's transaction when a staff member gets a role in a network they had none in (not
 * when a role is changed): by the role grant, and by a removal whose successor had no role yet. A port, not an
 * import: continuity (which starts the newcomer's introduction and queues their welcome card) imports identity,
 * so identity cannot import it; src/server/compose.ts fills it in. It may answer what to do once the grant has
 * committed (wake the Teams outbox for the card it queued), which the role service runs after the commit.
 */
export type RoleGranted = (
  tx: Kysely<Database>,
  grant: { networkId: string; userId: string },
  now: Date,
) => Promise<AfterCommit | undefined>;

/** Work to run once the grant's transaction has committed; never throws. */
export type AfterCommit = () => void;
