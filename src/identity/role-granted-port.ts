import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/**
 * Called inside the role grant's transaction when a staff member gets a role in a network they had none in (not
 * when a role is changed). A port, not an import: continuity (which starts the newcomer's introduction) imports
 * identity, so identity cannot import it; src/server/compose.ts hands continuity's `startIntroduction` in.
 */
export type RoleGranted = (
  tx: Kysely<Database>,
  grant: { networkId: string; userId: string },
  now: Date,
) => Promise<void>;
