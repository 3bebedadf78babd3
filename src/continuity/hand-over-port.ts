import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/**
 * What a staff member holds in a network, read from each owning capability (meetings, signals, call-outs,
 * identity). Those capabilities import continuity (absence), so the composition root hands their functions
 * in (src/server/hand-over-holdings.ts) instead of continuity importing them.
 */
export interface HeldItems {
  /** Open meeting actions they own. */
  actions: Array<{ id: string; description: string; dueOn: string | null }>;
  /** Running signal follow-ups they own (never the signal's text). */
  followUps: Array<{ signalId: string; receivedAt: Date; dueOn: string }>;
  /** Allies they are to call in open call-outs. */
  calls: Array<{ callOutId: string; personId: string; displayName: string }>;
  /** Staff of the network whose back-up they are. */
  backups: Array<{ userId: string; displayName: string }>;
}

/** How many of each kind moved; `backupsCleared`: duties for the successor themselves, which were cleared. */
export interface MovedCounts {
  actions: number;
  followUps: number;
  calls: number;
  backups: number;
  backupsCleared: number;
}

/** Reads and moves what a staff member holds in a network; `move` runs in the hand-over's transaction. */
export interface HandOverHoldings {
  read(db: Kysely<Database> | Transaction<Database>, networkId: string, userId: string): Promise<HeldItems>;
  move(
    tx: Transaction<Database>,
    change: { networkId: string; fromUserId: string; toUserId: string; byUserId: string; now: Date },
  ): Promise<MovedCounts>;
}
