import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { RequestOrigin } from '../platform/http/api-route.js';

/**
 * Hands what a leaving staff member holds in a network over to their successor, in the role removal's
 * transaction: continuity's hand-over (which imports identity, so compose.ts hands it in).
 */
export type HandOverOnRemoval = (
  tx: Transaction<Database>,
  origin: RequestOrigin,
  change: { networkId: string; fromUserId: string; toUserId: string; byUserId: string; now: Date },
) => Promise<void>;
